// Prints the budget figures of DESIGN §7 for the widget: gzip -9 sizes of the standalone bundles (and the
// with-data build's first download and details), and first render / filter update with 1,000 and 10,000
// events in headless Chromium: each run a fresh page, timed from handing the data over to the first painted
// frame with events (median of several runs).
// Run after a build: `npm run bench -w @ca-timeline/timeline-widget`.
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { syntheticDataset } from "@ca-timeline/data/testing";
import { chromium } from "playwright";
import { chromiumLaunchOptions as launchOptions } from "../scripts/chromium.ts";

/** DESIGN §7: 1,000 events (≤ 100 / 50 ms) and 10,000 given through the property (≤ 250 / 100 ms). */
const COUNTS = [1000, 10_000];
const RUNS = 5;
const dist = new URL("../dist/standalone/", import.meta.url);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const gzipped = async (file: string) =>
  gzipSync(await readFile(new URL(file, dist)), { level: 9 }).length;
/**
 * The with-data bundle when it still held the whole dataset (commit d2a76ad, 299 events): one download
 * of code and every event's details before the first render.
 */
const ALL_IN_ONE = 264_539;
const sizes = {
  code: await gzipped("ca-timeline.js"),
  // What CDNs and the gateway send to browsers that accept it (beside the budget's measure, not instead).
  brotli: brotliCompressSync(await readFile(new URL("ca-timeline.js", dist)), {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
  }).length,
  withData: await gzipped("ca-timeline-with-data.js"),
  details: await gzipped("ca-timeline-with-data.details.json"),
};

const script = await readFile(new URL("ca-timeline.js", dist));
const data = new Map<number, string>();
for (const n of COUNTS) data.set(n, JSON.stringify(syntheticDataset(n)));
const server = createServer((req, res) => {
  if (req.url === "/ca-timeline.js")
    return res.writeHead(200, { "content-type": "text/javascript" }).end(script);
  const events = /^\/data-(\d+)\.json$/.exec(req.url ?? "");
  if (events)
    return res
      .writeHead(200, { "content-type": "application/json" })
      .end(data.get(Number(events[1])));
  res
    .writeHead(200, { "content-type": "text/html" })
    .end(
      '<!doctype html><html lang="en"><body><script type="module" src="/ca-timeline.js"></script></body></html>',
    );
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

interface Run {
  render: number;
  renderWithSearch: number;
  filter: number;
  search: number;
  nodes: number;
  /** Scrolling to the end until every event is built, and the longest frame on the way. */
  scrollAll: number;
  longestFrame: number;
  /** A filter set, then cleared, once every event has been built (the DOM holds them all). */
  filterAfterAllOn: number;
  filterAfterAllOff: number;
}

const browser = await chromium.launch(launchOptions);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
try {
  const results = new Map<number, Run>();
  for (const count of COUNTS) {
    const runs: Run[] = [];
    for (let run = 0; run < RUNS; run++) {
      // A fresh page per run: the element's code runs cold, as on a visitor's first view.
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(origin);
      await page.waitForFunction(() => customElements.get("ca-timeline"));
      runs.push(
        await page.evaluate(
          async ({ count, run }) => {
            const data = await (await fetch(`/data-${count}.json`)).json();
            type Element = HTMLElement & { updateComplete: Promise<unknown> } & Record<
                string,
                unknown
              >;
            // Until the next frame is painted: requestAnimationFrame runs before the frame, the task
            // queued from it runs after the frame has been produced.
            const painted = () =>
              new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
            // Lit renders in a microtask, so the frame after the action shows its first events; the rest
            // of a long list follows in later frames (updateComplete waits for them, this does not).
            const timed = async (action: () => void, el: Element) => {
              const start = performance.now();
              action();
              await painted();
              const time = performance.now() - start;
              await el.updateComplete;
              return time;
            };
            const fresh = () => {
              document.body.replaceChildren();
              const el = document.createElement("ca-timeline") as unknown as Element;
              el.lang = "en";
              return el;
            };
            const el = fresh();
            let nodes = 0;
            const render = await timed(() => {
              el.events = data;
              document.body.append(el);
              // Counted in the first painted frame (a task after it, before the next chunk).
              requestAnimationFrame(() =>
                setTimeout(() => {
                  nodes = el.shadowRoot!.querySelectorAll("*").length;
                  if (!el.shadowRoot!.querySelector("[data-event-slug]"))
                    throw new Error("no events");
                }),
              );
            }, el);
            const filter =
              ((await timed(() => (el.themes = [data.themes[run % data.themes.length].id]), el)) +
                (await timed(() => (el.themes = []), el))) /
              2;
            // The element builds its search word index when the browser is idle after the first render.
            await new Promise<void>((resolve) => requestIdleCallback(() => resolve()));
            const search =
              ((await timed(() => (el.q = "energy 1"), el)) +
                (await timed(() => (el.q = ""), el))) /
              2;
            // A shared link with a search in it: the first render must build the word index itself.
            const linked = fresh();
            linked.q = "energy 1";
            const renderWithSearch = await timed(() => {
              linked.events = data;
              document.body.append(linked);
            }, linked);
            // A visitor who scrolls to the end of the list: every event is built, chunk by chunk.
            const deep = fresh();
            deep.events = data;
            document.body.append(deep);
            await deep.updateComplete;
            const rows = () => deep.shadowRoot!.querySelectorAll("[data-event-slug]").length;
            const scrolled = performance.now();
            let longestFrame = 0;
            while (rows() < count) {
              const frame = performance.now();
              scrollTo(0, document.documentElement.scrollHeight);
              await painted();
              longestFrame = Math.max(longestFrame, performance.now() - frame);
              if (performance.now() - scrolled > 30_000) throw new Error(`stuck at ${rows()} rows`);
            }
            const scrollAll = performance.now() - scrolled;
            const filterAfterAllOn = await timed(() => (deep.themes = [data.themes[0].id]), deep);
            const filterAfterAllOff = await timed(() => (deep.themes = []), deep);
            return {
              render,
              renderWithSearch,
              filter,
              search,
              nodes,
              scrollAll,
              longestFrame,
              filterAfterAllOn,
              filterAfterAllOff,
            };
          },
          { count, run },
        ),
      );
      await page.close();
    }
    const pick = (key: keyof Run) => median(runs.map((r) => r[key]));
    results.set(count, {
      render: pick("render"),
      renderWithSearch: pick("renderWithSearch"),
      filter: pick("filter"),
      search: pick("search"),
      nodes: pick("nodes"),
      scrollAll: pick("scrollAll"),
      longestFrame: pick("longestFrame"),
      filterAfterAllOn: pick("filterAfterAllOn"),
      filterAfterAllOff: pick("filterAfterAllOff"),
    });
  }
  const ms = (value: number, budget: number) => [
    `${value.toFixed(1)} ms`,
    `≤ ${budget} ms${value <= budget ? " ✓" : " ✗ OVER"}`,
  ];
  // The with-data bundle (its SRI hash covers it, and it holds the details file's) is what a visitor
  // downloads before the first render: the code and what the list and the filters need; the details
  // file follows after the first render.
  const budget = 20 * 1024;
  const { code, brotli, withData, details } = sizes;
  const rows: string[][] = [
    ["ca-timeline.js (gzip -9)", kb(code), `≤ ${kb(budget)}${code <= budget ? " ✓" : " ✗ OVER"}`],
    ["ca-timeline.js (brotli 11, on the wire)", kb(brotli), "(the budget is gzip -9)"],
    [
      "with-data: first download (gzip -9)",
      kb(withData),
      `≈ ${kb(code)} code + ${kb(withData - code)} list data; all in one before: ${kb(ALL_IN_ONE)}`,
    ],
    ["with-data: details after first render", kb(details), "ca-timeline-with-data.details.json"],
  ];
  for (const [count, r] of results) {
    const [render, filter] = count > 1000 ? [250, 100] : [100, 50];
    const n = count.toLocaleString("en");
    rows.push(
      [`${n} events: first render (to painted frame)`, ...ms(r.render, render)],
      // DESIGN §7 sets no budget for a first render that must also build the search word index.
      [`${n} events: first render with q set`, `${r.renderWithSearch.toFixed(1)} ms`, "—"],
      [`${n} events: filter update (theme on/off)`, ...ms(r.filter, filter)],
      [`${n} events: search update`, ...ms(r.search, filter)],
      [`${n} events: shadow DOM elements`, String(r.nodes), "in the first frame"],
      [
        `${n} events: scrolled to the end`,
        `${r.scrollAll.toFixed(0)} ms`,
        `every event built; longest frame ${r.longestFrame.toFixed(0)} ms`,
      ],
      [
        `${n} events: filter update after that`,
        `${r.filterAfterAllOn.toFixed(1)} ms`,
        `setting it (${r.filterAfterAllOff.toFixed(1)} ms clearing it; no budget: the DOM then holds every event)`,
      ],
    );
  }
  console.log(
    `@ca-timeline/timeline-widget benchmark (median of ${RUNS} fresh pages each, headless Chromium)`,
  );
  for (const [what, value, budget] of rows)
    console.log(`  ${what!.padEnd(46)} ${value!.padStart(10)}   ${budget}`);
} finally {
  await browser.close();
  server.close();
}
