// The built example in Chromium: the server's HTML shows every event without JavaScript; with it, the
// element hydrates the server's nodes (none replaced) and reaches the page with its events.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { timeline } from "@ca-timeline/data";
import { type Browser, chromium, type Page } from "playwright-core";
import { startServer } from "../src/server.js";

const DEFAULT_ARGS =
  "--no-sandbox --disable-gpu --disable-background-networking --disable-component-update";
let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;

before(async () => {
  server = await startServer();
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: (process.env.CHROMIUM_ARGS || DEFAULT_ARGS).split(" ").filter(Boolean),
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const events = (tab: Page) => tab.locator("ca-timeline [data-event-slug]");

test("without JavaScript, the server's HTML shows every event", async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const tab = await context.newPage();
  await tab.goto(server.url);
  assert.equal(await events(tab).count(), timeline.events.length);
  assert.equal(
    await events(tab).first().locator(".title").textContent(),
    timeline.events[0]!.title.en,
  );
  await context.close();
});

test("with JavaScript, the element hydrates the server's nodes and sends its events", async () => {
  const context = await browser.newContext();
  const tab = await context.newPage();
  const problems: string[] = [];
  tab.on("pageerror", (e) => problems.push(e.message));
  tab.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") problems.push(m.text());
  });
  // Before the page's script runs: the server's event nodes, and the events the element sends.
  await tab.addInitScript(() => {
    const w = window as unknown as { ssr: Element[]; selected: string[] };
    w.selected = [];
    document.addEventListener("ca-timeline-select", (e) =>
      w.selected.push((e as CustomEvent<{ slug: string }>).detail.slug),
    );
    document.addEventListener("readystatechange", () => {
      if (document.readyState === "interactive")
        w.ssr = [
          ...document
            .querySelector("ca-timeline")!
            .shadowRoot!.querySelectorAll("[data-event-slug]"),
        ];
    });
  });
  await tab.goto(server.url);
  await tab.waitForFunction(
    () => (document.querySelector("ca-timeline") as { hasUpdated?: boolean }).hasUpdated,
  );
  const kept = await tab.evaluate(() => {
    const w = window as unknown as { ssr: Element[] };
    const now = [
      ...document.querySelector("ca-timeline")!.shadowRoot!.querySelectorAll("[data-event-slug]"),
    ];
    return w.ssr.length > 0 && w.ssr.every((node, i) => node.isConnected && now[i] === node);
  });
  assert.equal(kept, true, "every server-rendered event node is still in place after hydration");
  await events(tab).first().locator("button").first().click();
  await tab.waitForFunction(
    () => (window as unknown as { selected: string[] }).selected.length > 0,
  );
  assert.deepEqual(
    await tab.evaluate(() => (window as unknown as { selected: string[] }).selected),
    [timeline.events[0]!.slug],
  );
  // `sync-url`: the open event is in the address, shareable.
  assert.equal(new URL(tab.url()).searchParams.get("event"), timeline.events[0]!.slug);
  assert.deepEqual(problems, []);
  await context.close();
});
