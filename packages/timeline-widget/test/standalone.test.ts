// The built standalone bundles in real Chromium, served with a strict CSP header: no violation, no
// page error, no request to anyone but the page's own origin. The with-data bundle's details file is
// answered as built, held back, or not as built (its answer is set per test).
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { events as bundledEvents, type TimelineEvent, timeline } from "@ca-timeline/data";
import { searchEvents } from "@ca-timeline/data/query";
import { syntheticDataset } from "@ca-timeline/data/testing";
import { type Browser, chromium } from "playwright";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { chromiumLaunchOptions as launchOptions } from "../scripts/chromium.ts";
import { splitDataset, withDetails } from "../src/bundled-details.ts";
import { pageAxeViolations } from "./page-axe.ts";

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'";
const dist = new URL("../dist/", import.meta.url);
const data = syntheticDataset(30);

const page = (script: string, element: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>CSP test</title>
<script type="module" src="/${script}"></script></head>
<body><main>${element}</main></body></html>`;

type Answer = [type: string, body: string | Buffer, status?: number];
const DETAILS = "ca-timeline-with-data.details.json";
const builtDetails = async (): Promise<Answer> => [
  "application/json",
  await readFile(new URL(`standalone/${DETAILS}`, dist)),
];
/** How the server answers a request for the with-data bundle's details file. */
let detailsAnswer = builtDetails;

const routes: Record<string, () => Promise<Answer>> = {
  "/": async () => [
    "text/html",
    page("ca-timeline.js", '<ca-timeline src="/events.json" lang="en"></ca-timeline>'),
  ],
  "/with-data.html": async () => [
    "text/html",
    page("ca-timeline-with-data.js", '<ca-timeline lang="de"></ca-timeline>'),
  ],
  "/favicon.ico": async () => ["image/x-icon", ""],
  "/events.json": async () => ["application/json", JSON.stringify(data)],
  "/ca-timeline.js": async () => [
    "text/javascript",
    await readFile(new URL("standalone/ca-timeline.js", dist)),
  ],
  "/ca-timeline-with-data.js": async () => [
    "text/javascript",
    await readFile(new URL("standalone/ca-timeline-with-data.js", dist)),
  ],
  [`/${DETAILS}`]: () => detailsAnswer(),
};

let server: Server;
let browser: Browser;
let origin: string;

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const route = routes[new URL(req.url ?? "/", "http://x").pathname];
    if (!route) return res.writeHead(404).end();
    const [type, body, status = 200] = await route();
    res.writeHead(status, { "content-type": type, "content-security-policy": CSP }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ ...launchOptions, headless: true });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

async function open(
  path: string,
  colorScheme: "light" | "dark" = "light",
  // 200 % zoom of a 1280 px window: 640 CSS px at twice the device pixels.
  view: { width: number; deviceScaleFactor: number } = { width: 1280, deviceScaleFactor: 1 },
) {
  const context = await browser.newContext({
    viewport: { width: view.width, height: 900 },
    deviceScaleFactor: view.deviceScaleFactor,
    colorScheme,
  });
  const tab = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  tab.on("request", (r) => requests.push(r.url()));
  tab.on("pageerror", (e) => errors.push(e.message));
  tab.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  // Registered through the DevTools protocol, so the listener itself needs no inline script.
  await tab.addInitScript(() => {
    const w = window as unknown as { violations: string[] };
    w.violations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      w.violations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await tab.goto(origin + path);
  return { tab, requests, errors, close: () => context.close() };
}

const count = (tab: import("playwright").Page) =>
  tab.locator("ca-timeline [data-event-slug]").count();

/** Waits until n events are rendered: a long list is rendered over a few frames. */
const rendered = (tab: import("playwright").Page, n: number) =>
  tab.waitForFunction(
    (n) =>
      document.querySelector("ca-timeline")!.shadowRoot!.querySelectorAll("[data-event-slug]")
        .length === n,
    n,
  );

describe("standalone bundles under a strict CSP", () => {
  it("ca-timeline.js loads a file, renders, filters and opens an event without violations", async () => {
    const { tab, requests, errors, close } = await open("/");
    await rendered(tab, data.events.length);
    expect(await count(tab)).toBe(data.events.length);
    await tab.locator("ca-timeline input[name=themes]").first().check();
    expect(await count(tab)).toBeLessThan(data.events.length);
    await tab.locator("ca-timeline .head").first().click();
    await tab.locator("ca-timeline [part=details]").waitFor();
    // The density bars get their height from a custom property set through the CSSOM.
    const heights = await tab
      .locator("ca-timeline .yr i")
      .evaluateAll((bars) => bars.map((b) => b.clientHeight));
    expect(new Set(heights).size).toBeGreaterThan(1);
    expect(
      await tab.evaluate(() => (window as unknown as { violations: string[] }).violations),
    ).toEqual([]);
    expect(errors).toEqual([]);
    expect(requests.every((url) => url.startsWith(origin))).toBe(true);
    await close();
  });

  it("ca-timeline-with-data.js shows the bundled dataset, then fetches its details from beside it", async () => {
    const { tab, requests, errors, close } = await open("/with-data.html");
    await tab
      .locator("ca-timeline [role=status]")
      .filter({ hasText: /Ereignis/ })
      .waitFor();
    await rendered(tab, bundledEvents.length);
    expect(await count(tab)).toBe(bundledEvents.length);
    await detailsIn(tab);
    expect(
      await tab.evaluate(() => (window as unknown as { violations: string[] }).violations),
    ).toEqual([]);
    expect(errors).toEqual([]);
    const paths = requests.map((url) => new URL(url).pathname).filter((p) => p !== "/favicon.ico");
    expect(paths).toEqual(["/with-data.html", "/ca-timeline-with-data.js", `/${DETAILS}`]);
    await close();
  });

  it("has no axe violations in dark mode with an event open", async () => {
    const { tab, close } = await open("/", "dark");
    await tab.locator("ca-timeline .head").first().click();
    await tab.locator("ca-timeline [part=details]").waitFor();
    expect(await pageAxeViolations(tab)).toEqual([]);
    await close();
  });

  it("works at 200 % zoom: no sideways scrolling, every control reachable", async () => {
    const { tab, errors, close } = await open("/", "light", { width: 640, deviceScaleFactor: 2 });
    await tab.locator("ca-timeline [data-event-slug]").first().waitFor();
    const widths = await tab.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    const word = data.events[0]!.title.en.split(" ")[0]!;
    await tab.locator("ca-timeline input[type=search]").fill(word);
    await tab.locator("ca-timeline mark").first().waitFor();
    await tab.locator("ca-timeline .head").first().click();
    await tab.locator("ca-timeline [part=details]").waitFor();
    expect(await tab.locator("ca-timeline [part=details]").isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await close();
  });

  it("prints the events without the controls, with link targets spelled out", async () => {
    const { tab, close } = await open("/");
    await tab.locator("ca-timeline .head").first().click();
    await tab.locator("ca-timeline [part=details]").waitFor();
    await tab.emulateMedia({ media: "print" });
    expect(await tab.locator("ca-timeline [part=filters]").isVisible()).toBe(false);
    expect(await tab.locator("ca-timeline [part=overview]").isVisible()).toBe(false);
    expect(await tab.locator("ca-timeline [data-event-slug]").first().isVisible()).toBe(true);
    expect(await tab.locator("ca-timeline [part=details]").isVisible()).toBe(true);
    const after = await tab
      .locator("ca-timeline [part=details] a")
      .first()
      .evaluate((a) => getComputedStyle(a, "::after").content);
    expect(after).toContain("http");
    await close();
  });
});

type Tab = import("playwright").Page;
type Host = HTMLElement & { _data: { missing: string; status: string } };

/** Waits until the with-data bundle's details are in (or have failed: status "error"). */
const detailsIn = (tab: Tab, status = "ready") =>
  tab.waitForFunction((status) => {
    const data = document.querySelector<Host>("ca-timeline")!._data;
    return data.status === status && (status === "error" || data.missing === "");
  }, status);

/** A word of `e`'s summary in `lang` that no title or other list field has: search finds it only with the details. */
function summaryWord(e: TimelineEvent, lang: "de" | "en") {
  const lean = withDetails(splitDataset(timeline).lean).events;
  const word = e.summary[lang]
    .split(/[^\p{L}]+/u)
    .find(
      (w) =>
        w.length >= 6 &&
        searchEvents(lean, w).length === 0 &&
        searchEvents(bundledEvents, w).some((found) => found.slug === e.slug),
    );
  if (!word) throw new Error(`no word only in the ${lang} summary of ${e.slug}`);
  return { word, slugs: searchEvents(bundledEvents, word).map((found) => found.slug) };
}

describe("ca-timeline-with-data.js: the details after the first render", () => {
  // An event whose summary has words found nowhere else in the list's fields.
  const target = bundledEvents.find((e) => {
    try {
      return summaryWord(e, "de") && summaryWord(e, "en");
    } catch {
      return false;
    }
  })!;
  const item = (tab: Tab) => tab.locator(`ca-timeline [data-event-slug="${target.slug}"]`);
  const search = (tab: Tab, q: string) => tab.locator("ca-timeline input[type=search]").fill(q);

  afterEach(() => {
    detailsAnswer = builtDetails;
  });

  it("renders every event before the details file arrives; then search finds summaries and the open event fills in", async () => {
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    let asked = () => {};
    const requested = new Promise<void>((resolve) => (asked = resolve));
    detailsAnswer = async () => {
      asked();
      await released;
      return builtDetails();
    };
    const { tab, errors, close } = await open("/with-data.html");
    // The details file is asked for and held: the list is all there without it.
    await requested;
    await rendered(tab, bundledEvents.length);
    await item(tab).locator(".head").first().click();
    const details = item(tab).locator("[part=details]").first();
    await details.filter({ hasText: "Details werden geladen …" }).waitFor();
    expect(await details.textContent()).not.toContain(target.summary.de);

    release();
    await detailsIn(tab);
    // The event opened before fills in; search covers the summaries in both languages.
    await details.filter({ hasText: target.summary.de }).waitFor();
    for (const lang of ["de", "en"] as const) {
      const { word, slugs } = summaryWord(target, lang);
      await search(tab, word);
      await rendered(tab, slugs.length);
      expect(await item(tab).count()).toBe(1);
    }
    expect(errors).toEqual([]);
    await close();
  });

  it.each([
    [
      "not the one built (integrity)",
      async (): Promise<Answer> => {
        const [type, body] = await builtDetails();
        return [type, body.toString().replace(target.summary.de, "Verfälscht.")];
      },
      /integrity/,
    ],
    ["unavailable", async (): Promise<Answer> => ["text/plain", "down", 503], /503/],
  ])(
    "keeps the list when the details file is %s, and says so in the open event",
    async (_, answer, logged) => {
      detailsAnswer = answer;
      const { tab, errors, close } = await open("/with-data.html");
      await detailsIn(tab, "error");
      await rendered(tab, bundledEvents.length);
      await item(tab).locator(".head").first().click();
      const details = item(tab).locator("[part=details]").first();
      await details.filter({ hasText: "Die Details konnten nicht geladen werden." }).waitFor();
      expect(await details.textContent()).not.toContain("Verfälscht.");
      // Search keeps working on the list's fields.
      await search(tab, target.title.de);
      await rendered(tab, searchEvents(bundledEvents, target.title.de).length);
      // The browser's own reports of the refused file, nothing from the element.
      expect(errors).toContainEqual(expect.stringMatching(logged));
      const browserReport =
        /^(Failed to load resource|Failed to find a valid digest|Fetch API cannot load)/;
      expect(errors.filter((e) => !browserReport.test(e))).toEqual([]);
      await close();
    },
  );
});
