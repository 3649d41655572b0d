// DESIGN §7, the demo on a slow network: the demo as `npm start` serves it (the real gateway CLI, the built
// demo directory), opened cold in headless Chromium on emulated Fast 3G, for the server-rendered page and
// for the client-rendered one it replaced (same run, same conditions). Prints, as medians of several runs:
// - first events visible: polled in every animation frame from the start of the document, the first
//   frame in which an event (`[data-event-slug]`) is laid out inside the viewport; the time taken is the
//   start of the frame after it, by when that frame has been painted (Element Timing does not see into
//   shadow roots, and LCP/FCP may be the page's own heading); FCP is printed beside it;
// - bytes before them, an upper bound: the whole encoded size (CDP `Network.loadingFinished`, compressed
//   as on the wire, headers included) of every response of which any byte had arrived by that frame —
//   Chromium reports a response's encoded size only when it ends, its chunks decoded; beside it the
//   decoded bytes that had actually arrived;
// - all bytes (encoded) until the page is idle.
// Run after a build: `npm run bench -w @ca-timeline/timeline-widget`.
import { chromium } from "playwright";
import { chromiumLaunchOptions as launchOptions } from "./chromium.ts";
import { startDemoServer } from "./demo-server.ts";

const RUNS = 5;
/** Chrome DevTools' "Fast 3G" preset, as DESIGN §7 defines it. */
const FAST_3G = {
  offline: false,
  latency: 562.5,
  downloadThroughput: 1.44e6 / 8,
  uploadThroughput: 675e3 / 8,
};
const BUDGET_MS = 1500;
const BUDGET_BYTES = 100 * 1024;
const PAGES = [
  ["server-rendered (/)", ""],
  ["client-rendered (/client-rendered.html)", "client-rendered.html"],
] as const;

/** In the page before any of its scripts: the time of the first frame with an event in view. */
function watchFirstEvents() {
  const w = window as unknown as { firstEvents?: number };
  const check = () => {
    const event = document
      .querySelector("ca-timeline")
      ?.shadowRoot?.querySelector("[data-event-slug]")
      ?.getBoundingClientRect();
    if (event && event.height > 0 && event.top < innerHeight)
      requestAnimationFrame((next) => (w.firstEvents = next));
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

interface Run {
  firstEvents: number;
  fcp: number;
  bytesBefore: number;
  decodedBefore: number;
  bytesAll: number;
  requestsBefore: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const server = await startDemoServer();
const browser = await chromium.launch(launchOptions);
try {
  const results = new Map<string, Run[]>();
  for (const [name, path] of PAGES) {
    const runs: Run[] = [];
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const tab = await context.newPage();
      await tab.addInitScript(watchFirstEvents);
      const cdp = await context.newCDPSession(tab);
      await cdp.send("Network.enable");
      await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
      await cdp.send("Network.emulateNetworkConditions", FAST_3G);
      // When each response's first byte and each decoded chunk arrived (monotonic seconds), and each
      // response's encoded size; the document's request opens the clock.
      const firstByte = new Map<string, number>();
      const chunks: Array<[number, number]> = [];
      const encoded = new Map<string, number>();
      let start: number | undefined;
      cdp.on("Network.requestWillBeSent", (e) => {
        if (e.type === "Document") start ??= e.timestamp;
      });
      cdp.on("Network.responseReceived", (e) => firstByte.set(e.requestId, e.timestamp));
      cdp.on("Network.dataReceived", (e) => chunks.push([e.timestamp, e.dataLength]));
      cdp.on("Network.loadingFinished", (e) => encoded.set(e.requestId, e.encodedDataLength));
      await tab.goto(server.url + path, { waitUntil: "networkidle", timeout: 60_000 });
      const times = await tab.evaluate(() => ({
        firstEvents: (window as unknown as { firstEvents?: number }).firstEvents,
        fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? Number.NaN,
        // The page clock starts at navigation; the network clock at the document's request.
        lag: performance.getEntriesByType("navigation")[0]!.toJSON().fetchStart as number,
      }));
      if (times.firstEvents === undefined || start === undefined)
        throw new Error(`${name}: no event became visible`);
      const until = start + (times.firstEvents - times.lag) / 1000;
      const before = [...firstByte].filter(([, t]) => t <= until).map(([id]) => id);
      const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
      runs.push({
        firstEvents: times.firstEvents,
        fcp: times.fcp,
        bytesBefore: sum(before.map((id) => encoded.get(id) ?? 0)),
        decodedBefore: sum(chunks.filter(([t]) => t <= until).map(([, bytes]) => bytes)),
        bytesAll: sum([...encoded.values()]),
        requestsBefore: before.length,
      });
      await context.close();
    }
    results.set(name, runs);
  }

  console.log(
    `\nThe demo on emulated Fast 3G (562.5 ms RTT, 1.44 Mbit/s down, cache disabled, cold), ` +
      `median of ${RUNS} runs, Chromium ${browser.version()}:\n`,
  );
  const [ssr, csr] = [...results.values()].map((runs) => ({
    firstEvents: median(runs.map((r) => r.firstEvents)),
    fcp: median(runs.map((r) => r.fcp)),
    bytesBefore: median(runs.map((r) => r.bytesBefore)),
    decodedBefore: median(runs.map((r) => r.decodedBefore)),
    bytesAll: median(runs.map((r) => r.bytesAll)),
    requestsBefore: median(runs.map((r) => r.requestsBefore)),
  }));
  const mark = (ok: boolean) => (ok ? "✓" : "✗ OVER");
  const columns = ["first events", "FCP", "bytes before", "(decoded)", "requests", "all bytes"];
  const line = (name: string, cells: string[]) =>
    console.log(`  ${name.padEnd(42)}${cells.map((c) => c.padStart(14)).join("")}`);
  line("", columns);
  for (const [[name], row] of [
    [PAGES[0], ssr!],
    [PAGES[1], csr!],
  ] as const)
    line(name, [
      `${Math.round(row.firstEvents)} ms`,
      `${Math.round(row.fcp)} ms`,
      kb(row.bytesBefore),
      kb(row.decodedBefore),
      String(row.requestsBefore),
      kb(row.bytesAll),
    ]);
  console.log(
    `\n  budget: first events ≤ ${BUDGET_MS} ms ${mark(ssr!.firstEvents <= BUDGET_MS)}, bytes before them ≤ ${kb(BUDGET_BYTES)} ${mark(ssr!.bytesBefore <= BUDGET_BYTES)}` +
      ` (server-rendered); ${(csr!.firstEvents / ssr!.firstEvents).toFixed(1)}× sooner than client-rendered`,
  );
} finally {
  await browser.close();
  await server.close();
}
