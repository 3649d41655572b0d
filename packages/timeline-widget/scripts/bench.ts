// Prints the budget figures of DESIGN §7 for the widget: gzip -9 size of the standalone bundle, and
// first render / filter update with 1,000 events in headless Chromium (median of several runs).
// Run after a build: `npm run bench -w @ca-timeline/timeline-widget`.
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { syntheticDataset } from "@ca-timeline/data/testing";
import { chromium } from "playwright";
import { chromiumLaunchOptions as launchOptions } from "../scripts/chromium.ts";

const EVENTS = 1000;
const RUNS = 7;
const dist = new URL("../dist/standalone/", import.meta.url);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const sizes: Array<[string, number, number | undefined]> = [];
for (const [file, budget] of [
  ["ca-timeline.js", 20 * 1024],
  ["ca-timeline-with-data.js", undefined],
] as const) {
  const code = await readFile(new URL(file, dist));
  sizes.push([file, gzipSync(code, { level: 9 }).length, budget]);
}

const script = await readFile(new URL("ca-timeline.js", dist));
const data = JSON.stringify(syntheticDataset(EVENTS));
const server = createServer((req, res) => {
  if (req.url === "/ca-timeline.js")
    return res.writeHead(200, { "content-type": "text/javascript" }).end(script);
  if (req.url === "/data.json")
    return res.writeHead(200, { "content-type": "application/json" }).end(data);
  res
    .writeHead(200, { "content-type": "text/html" })
    .end(
      '<!doctype html><html lang="en"><body><script type="module" src="/ca-timeline.js"></script></body></html>',
    );
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const browser = await chromium.launch(launchOptions);
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(origin);
  await page.waitForFunction(() => customElements.get("ca-timeline"));
  const result = await page.evaluate(
    async ({ runs }) => {
      const data = await (await fetch("/data.json")).json();
      // Time until the DOM is built and laid out (offsetHeight forces style and layout).
      const timed = async (
        action: () => void,
        el: HTMLElement & { updateComplete: Promise<unknown> },
      ) => {
        const start = performance.now();
        action();
        await el.updateComplete;
        void el.shadowRoot!.firstElementChild!.getBoundingClientRect().height;
        return performance.now() - start;
      };
      const median = (xs: number[]) => xs.sort((a, b) => a - b)[xs.length >> 1]!;
      type Element = HTMLElement & { updateComplete: Promise<unknown> } & Record<string, unknown>;
      const fresh = () => {
        document.body.replaceChildren();
        const el = document.createElement("ca-timeline") as unknown as Element;
        el.lang = "en";
        return el;
      };
      // The element builds its search word index when the browser is idle after the first render.
      const idle = () => new Promise<void>((resolve) => requestIdleCallback(() => resolve()));
      const render: number[] = [];
      const renderWithSearch: number[] = [];
      const filter: number[] = [];
      const search: number[] = [];
      let nodes = 0;
      for (let run = 0; run < runs; run++) {
        const el = fresh();
        render.push(
          await timed(() => {
            el.events = data;
            document.body.append(el);
          }, el),
        );
        nodes = el.shadowRoot!.querySelectorAll("*").length;
        filter.push(
          await timed(() => (el.themes = [data.themes[run % data.themes.length].id]), el),
        );
        filter.push(await timed(() => (el.themes = []), el));
        await idle();
        search.push(await timed(() => (el.q = "energy 1"), el));
        search.push(await timed(() => (el.q = ""), el));
        // A shared link with a search in it: the first render must build the word index itself.
        const linked = fresh();
        linked.q = "energy 1";
        renderWithSearch.push(
          await timed(() => {
            linked.events = data;
            document.body.append(linked);
          }, linked),
        );
      }
      return {
        render: median(render),
        renderWithSearch: median(renderWithSearch),
        filter: median(filter),
        search: median(search),
        nodes,
      };
    },
    { runs: RUNS },
  );
  const rows: Array<[string, string, string]> = [
    ...sizes.map(([file, size, budget]): [string, string, string] => [
      `${file} (gzip -9)`,
      kb(size),
      budget ? `≤ ${kb(budget)}${size <= budget ? " ✓" : " ✗ OVER"}` : "—",
    ]),
    [
      `first render, ${EVENTS} events`,
      `${result.render.toFixed(1)} ms`,
      `≤ 100 ms${result.render <= 100 ? " ✓" : " ✗ OVER"}`,
    ],
    [
      `first render with a search (q) set`,
      `${result.renderWithSearch.toFixed(1)} ms`,
      `≤ 100 ms${result.renderWithSearch <= 100 ? " ✓" : " ✗ OVER"}`,
    ],
    [
      `filter update (theme on/off)`,
      `${result.filter.toFixed(1)} ms`,
      `≤ 50 ms${result.filter <= 50 ? " ✓" : " ✗ OVER"}`,
    ],
    [
      `search update`,
      `${result.search.toFixed(1)} ms`,
      `≤ 50 ms${result.search <= 50 ? " ✓" : " ✗ OVER"}`,
    ],
    [
      `DOM elements in the shadow root`,
      String(result.nodes),
      `${(result.nodes / EVENTS).toFixed(1)} per event`,
    ],
  ];
  console.log(`@ca-timeline/timeline-widget benchmark (median of ${RUNS} runs, headless Chromium)`);
  for (const [what, value, budget] of rows)
    console.log(`  ${what.padEnd(40)} ${value.padStart(10)}   ${budget}`);
} finally {
  await browser.close();
  server.close();
}
