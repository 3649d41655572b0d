// The built standalone bundles in real Chromium, served with a strict CSP header: no violation, no
// page error, no request to anyone but the page's own origin.
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { events as bundledEvents } from "@ca-timeline/data";
import { syntheticDataset } from "@ca-timeline/data/testing";
import { type Browser, chromium } from "playwright";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumLaunchOptions as launchOptions } from "../scripts/chromium.ts";

const require = createRequire(import.meta.url);
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'";
const dist = new URL("../dist/", import.meta.url);
const data = syntheticDataset(30);

const page = (script: string, element: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>CSP test</title>
<script type="module" src="/${script}"></script></head>
<body><main>${element}</main></body></html>`;

const routes: Record<string, () => Promise<[string, string | Buffer]>> = {
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
};

let server: Server;
let browser: Browser;
let origin: string;

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const route = routes[new URL(req.url ?? "/", "http://x").pathname];
    if (!route) return res.writeHead(404).end();
    const [type, body] = await route();
    res.writeHead(200, { "content-type": type, "content-security-policy": CSP }).end(body);
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

  it("ca-timeline-with-data.js shows the bundled dataset with no request for data", async () => {
    const { tab, requests, errors, close } = await open("/with-data.html");
    await tab
      .locator("ca-timeline [role=status]")
      .filter({ hasText: /Ereignis/ })
      .waitFor();
    await rendered(tab, bundledEvents.length);
    expect(await count(tab)).toBe(bundledEvents.length);
    expect(
      await tab.evaluate(() => (window as unknown as { violations: string[] }).violations),
    ).toEqual([]);
    expect(errors).toEqual([]);
    const paths = requests.map((url) => new URL(url).pathname).filter((p) => p !== "/favicon.ico");
    expect(paths).toEqual(["/with-data.html", "/ca-timeline-with-data.js"]);
    await close();
  });

  it("has no axe violations in dark mode with an event open", async () => {
    const { tab, close } = await open("/", "dark");
    await tab.locator("ca-timeline .head").first().click();
    await tab.locator("ca-timeline [part=details]").waitFor();
    // Evaluated through the DevTools protocol, which the page's CSP does not govern.
    await tab.evaluate(await readFile(require.resolve("axe-core/axe.min.js"), "utf8"));
    const violations = await tab.evaluate(async () => {
      const axe = (window as unknown as { axe: typeof import("axe-core") }).axe;
      const tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
      const result = await axe.run(document, { runOnly: { type: "tag", values: tags } });
      return result.violations.map((v) => v.id);
    });
    expect(violations).toEqual([]);
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
