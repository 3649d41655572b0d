// The built site (dist/) in Chromium: Astro's HTML holds every event, readable without JavaScript; with
// it, the page's script hydrates those very nodes and the element answers a click.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import { after, before, test } from "node:test";
import { timeline } from "@ca-timeline/data";
import { chromium } from "playwright-core";

const dist = new URL("../dist/", import.meta.url);
const TYPES = { ".html": "text/html", ".js": "text/javascript", ".json": "application/json" };
const FLAGS =
  "--no-sandbox --disable-gpu --disable-background-networking --disable-component-update";
let server;
let origin;
let browser;

before(async () => {
  server = createServer(async (req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname.replace(/\/$/, "/index.html");
    try {
      const body = await readFile(new URL(`.${path}`, dist));
      res.writeHead(200, { "content-type": TYPES[path.slice(path.lastIndexOf("."))] ?? "" });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: (process.env.CHROMIUM_ARGS || FLAGS).split(" ").filter(Boolean),
  });
});

after(async () => {
  await browser?.close();
  server?.close();
});

test("Astro's HTML shows every event with JavaScript off", async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const tab = await context.newPage();
  await tab.goto(origin);
  assert.equal(await tab.locator("ca-timeline [data-event-slug]").count(), timeline.events.length);
  await context.close();
});

test("the page's script hydrates the rendered nodes, and an event opens", async () => {
  const context = await browser.newContext();
  const tab = await context.newPage();
  const errors = [];
  tab.on("pageerror", (e) => errors.push(e.message));
  tab.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await tab.addInitScript(() => {
    document.addEventListener("readystatechange", () => {
      if (document.readyState !== "interactive") return;
      window.rendered = document
        .querySelector("ca-timeline")
        .shadowRoot.querySelector("[data-event-slug]");
    });
  });
  await tab.goto(origin);
  await tab.waitForFunction(() => document.querySelector("ca-timeline").hasUpdated);
  const first = tab.locator("ca-timeline [data-event-slug]").first();
  assert.equal(await first.evaluate((node) => node === window.rendered), true);
  await first.locator("button").first().click();
  await tab.waitForURL((url) => url.searchParams.get("event") === timeline.events[0].slug);
  assert.equal(await first.locator("[part=details]").count(), 1);
  assert.deepEqual(errors, []);
  await context.close();
});
