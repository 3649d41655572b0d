// The demo as `npm start` serves it (the real gateway CLI, its strict CSP, the built demo pages) in real
// Chromium: server-rendered, readable and navigable without JavaScript, hydrated without losing a node.
import { timeline } from "@ca-timeline/data";
import { type Browser, type BrowserContextOptions, chromium, type Page } from "playwright";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumLaunchOptions as launchOptions } from "../scripts/chromium.ts";
import { type DemoServer, startDemoServer } from "../scripts/demo-server.ts";
import { pageAxeViolations } from "./page-axe.ts";

const EVENTS = timeline.events.length;
let server: DemoServer;
let browser: Browser;

beforeAll(async () => {
  server = await startDemoServer();
  browser = await chromium.launch({ ...launchOptions, headless: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A fresh tab; every console error or warning and every page error is collected. */
async function open(options: BrowserContextOptions = {}, init?: () => void) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const tab = await context.newPage();
  const problems: string[] = [];
  tab.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") problems.push(m.text());
  });
  tab.on("pageerror", (e) => problems.push(e.message));
  if (init) await tab.addInitScript(init);
  return { tab, problems };
}

const events = (tab: Page) => tab.locator("ca-timeline [data-event-slug]");

describe("the demo without JavaScript", () => {
  it("shows every event, styled, with no policy violation", async () => {
    const { tab, problems } = await open({ javaScriptEnabled: false });
    await tab.goto(server.url);
    await expect.poll(() => events(tab).count()).toBe(EVENTS);
    const first = events(tab).first();
    await expect.poll(() => first.isVisible()).toBe(true);
    // The element's own styles apply (inline, allowed by hash): the filters sit beside the list.
    const filters = await tab.locator("ca-timeline [part=filters]").boundingBox();
    const list = await tab.locator("ca-timeline [part=list]").boundingBox();
    expect(filters!.x + filters!.width).toBeLessThanOrEqual(list!.x);
    expect(await first.locator(".type").textContent()).toBeTruthy();
    // No filter is set, so no box is ticked (a server renders only attributes).
    expect(
      await tab.locator("ca-timeline [part=filters] input[type=checkbox]").count(),
    ).toBeGreaterThan(10);
    expect(await tab.locator("ca-timeline [part=filters] input:checked").count()).toBe(0);
    expect(problems).toEqual([]);
    await tab.context().close();
  });

  it("leads to every event's details on the chronicle page, by year and by anchor", async () => {
    const { tab, problems } = await open({ javaScriptEnabled: false });
    await tab.goto(server.url);
    await tab.getByRole("link", { name: "the chronicle page" }).click();
    await tab.waitForURL(/chronicle\.html$/);
    expect(await tab.locator("article[id]").count()).toBe(EVENTS);
    const year = timeline.events[0]!.start.slice(0, 4);
    await tab.getByRole("navigation", { name: "Years" }).getByRole("link", { name: year }).click();
    expect(new URL(tab.url()).hash).toBe(`#y${year}`);
    const event = timeline.events.find((e) => e.sources.some((s) => s.url))!;
    const article = tab.locator(`article[id="${event.slug}"]`);
    expect(await article.locator("h3").textContent()).toBe(event.title.en);
    expect(await article.textContent()).toContain(event.summary.en);
    expect(await article.locator("dd a[href^='http']").count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await tab.context().close();
  });
});

describe("the demo pages themselves", () => {
  it.each(["/", "/chronicle.html", "/with-data.html"])(
    "%s has no axe violations and fits 320 px",
    async (path) => {
      const { tab, problems } = await open({ viewport: { width: 320, height: 640 } });
      await tab.goto(new URL(path, server.url).href);
      await tab.locator("main").waitFor();
      const widths = await tab.evaluate(() => [
        document.documentElement.scrollWidth,
        document.documentElement.clientWidth,
      ]);
      expect(widths[0]).toBeLessThanOrEqual(widths[1]!);
      expect(await pageAxeViolations(tab)).toEqual([]);
      expect(problems).toEqual([]);
      await tab.context().close();
    },
  );
});

describe("the demo with JavaScript", () => {
  /** Before any script of the page runs: marks the server's event nodes and records every removal. */
  function watch() {
    document.addEventListener("readystatechange", () => {
      if (document.readyState !== "interactive") return;
      const root = document.querySelector("ca-timeline")!.shadowRoot!;
      const w = window as unknown as { ssr: Element[]; removed: number; messages: number };
      w.ssr = [...root.querySelectorAll("[data-event-slug]")];
      w.removed = w.messages = 0;
      new MutationObserver((records) => {
        for (const r of records) {
          for (const n of r.removedNodes)
            if (
              n instanceof Element &&
              (n.matches("[data-event-slug]") || n.querySelector("[data-event-slug]"))
            )
              w.removed++;
          for (const n of r.addedNodes)
            if (n instanceof Element && n.matches("[part~=message]")) w.messages++;
        }
      }).observe(root, { childList: true, subtree: true });
    });
  }

  const hydrated = (tab: Page) =>
    tab.waitForFunction(() => {
      const el = document.querySelector("ca-timeline") as HTMLElement & { hasUpdated: boolean };
      return el.hasUpdated;
    });

  it("hydrates the server's DOM: no node replaced, no loading state, no warning", async () => {
    const { tab, problems } = await open({}, watch);
    await tab.goto(server.url);
    await hydrated(tab);
    const state = await tab.evaluate(() => {
      const w = window as unknown as { ssr: Element[]; removed: number; messages: number };
      const el = document.querySelector("ca-timeline")!;
      const now = [...el.shadowRoot!.querySelectorAll("[data-event-slug]")];
      return {
        ssr: w.ssr.length,
        kept: w.ssr.every((n, i) => n.isConnected && now[i] === n),
        removed: w.removed,
        messages: w.messages,
      };
    });
    expect(state).toEqual({ ssr: EVENTS, kept: true, removed: 0, messages: 0 });
    expect(problems).toEqual([]);
    await tab.context().close();
  });

  it("keeps its colours and its layout through hydration, on a dark system too", async () => {
    const { tab, problems } = await open({ colorScheme: "dark" }, () => {
      const w = window as unknown as { shift: number; before: string[] };
      w.shift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries())
          w.shift += (entry as unknown as { value: number }).value;
      }).observe({ type: "layout-shift", buffered: true });
      document.addEventListener("readystatechange", () => {
        if (document.readyState !== "interactive") return;
        const root = document.querySelector("ca-timeline")!.shadowRoot!;
        const head = root.querySelector(".head")!;
        w.before = [
          getComputedStyle(root.querySelector(".root")!).backgroundColor,
          getComputedStyle(head).color,
        ];
      });
    });
    await tab.goto(server.url);
    await hydrated(tab);
    // One more frame: whatever hydration changed is laid out and reported.
    const after = await tab.evaluate(
      () =>
        new Promise<{ shift: number; before: string[]; after: string[] }>((resolve) =>
          requestAnimationFrame(() => {
            const w = window as unknown as { shift: number; before: string[] };
            const root = document.querySelector("ca-timeline")!.shadowRoot!;
            const head = root.querySelector(".head")!;
            resolve({
              shift: w.shift,
              before: w.before,
              after: [
                getComputedStyle(root.querySelector(".root")!).backgroundColor,
                getComputedStyle(head).color,
              ],
            });
          }),
        ),
    );
    expect(after.before).toEqual(["rgb(22, 22, 26)", "rgb(236, 236, 241)"]);
    expect(after.after).toEqual(after.before);
    expect(after.shift).toBe(0);
    expect(problems).toEqual([]);
    await tab.context().close();
  });

  it("is interactive once hydrated: an event opens, a filter filters", async () => {
    const { tab, problems } = await open({}, watch);
    await tab.goto(server.url);
    await hydrated(tab);
    const first = events(tab).first();
    await first.locator(".head").click();
    await expect.poll(() => first.locator("[part=details]").count()).toBe(1);
    expect(new URL(tab.url()).searchParams.get("event")).toBe(
      await first.getAttribute("data-event-slug"),
    );
    await tab.locator("ca-timeline [part=filters] input[type=checkbox]").first().check();
    await expect.poll(() => events(tab).count()).toBeLessThan(EVENTS);
    expect(problems).toEqual([]);
    await tab.context().close();
  });

  it("applies a shared link's state after hydrating", async () => {
    const event = timeline.events.at(-1)!;
    const { tab, problems } = await open();
    await tab.goto(`${server.url}?event=${event.slug}`);
    const item = tab.locator(`ca-timeline [data-event-slug="${event.slug}"]`);
    await expect.poll(() => item.locator("[part=details]").count()).toBe(1);
    expect(problems).toEqual([]);
    await tab.context().close();
  });

  it("shows a shared link's filters in the hydrated text: the Filters (n) button, the groups' counts", async () => {
    const [theme, type] = [timeline.themes[0]!.id, timeline.eventTypes[0]!.id];
    const { tab, problems } = await open();
    await tab.goto(`${server.url}?lang=de&themes=${theme}&types=${type}`);
    const button = tab.locator("ca-timeline [part=filters-button]");
    await expect.poll(() => button.textContent()).toBe("Filter (2)");
    expect(await tab.locator("ca-timeline summary").first().textContent()).toMatch(/\(1\)$/);
    // Text the server rendered empty is filled in as text, never into Lit's markers: every comment
    // left in the shadow root is a marker.
    const comments = await tab.locator("ca-timeline").evaluate((el) => {
      const walker = document.createTreeWalker(el.shadowRoot!, NodeFilter.SHOW_COMMENT);
      const data: string[] = [];
      while (walker.nextNode()) data.push((walker.currentNode as Comment).data);
      return data;
    });
    // (Lit's markers: `lit-part …`, `/lit-part`, `lit-node n` from the server; empty or `?…` from the client.)
    const marker = /^(\/?lit-part( \S+)?|lit-node \d+|\?(lit\$\d+\$)?|)$/;
    expect(comments.filter((c) => !marker.test(c))).toEqual([]);
    expect(problems).toEqual([]);
    await tab.context().close();
  });

  it("follows a shared link's retired slug after hydrating: the endpoint says what it became", async () => {
    const [old, current] = Object.entries(timeline.retired ?? {})[0]!;
    const { tab, problems } = await open();
    await tab.goto(`${server.url}?event=${old}`);
    const item = tab.locator(`ca-timeline [data-event-slug="${current}"]`);
    await expect.poll(() => item.locator("[part=details]").count()).toBe(1);
    await expect.poll(() => new URL(tab.url()).searchParams.get("event")).toBe(current);
    expect(await tab.locator("ca-timeline .note").count()).toBe(0);
    expect(problems).toEqual([]);
    await tab.context().close();
  });

  it("keeps the server's list when the API is down, says so, and hydrates after a retry", async () => {
    const { tab, problems } = await open({}, watch);
    await tab.route(/graphql\?/, (route) => route.abort());
    await tab.goto(server.url);
    const notice = tab.locator("ca-timeline .ssr-notice[role=alert]");
    await notice.waitFor();
    expect(await notice.textContent()).toContain("Filters and search are not available right now");
    // Every server-rendered event is still there, none removed.
    const kept = () =>
      tab.evaluate(() => {
        const w = window as unknown as { ssr: Element[]; removed: number };
        return {
          ssr: w.ssr.length,
          connected: w.ssr.every((n) => n.isConnected),
          removed: w.removed,
        };
      });
    expect(await kept()).toEqual({ ssr: EVENTS, connected: true, removed: 0 });
    // The API is back: the retry hydrates the same DOM, and the element works.
    await tab.unroute(/graphql\?/);
    await notice.getByRole("button", { name: "Try again" }).click();
    await hydrated(tab);
    await expect.poll(() => notice.count()).toBe(0);
    expect(await kept()).toEqual({ ssr: EVENTS, connected: true, removed: 0 });
    // The focus waits on the events (the retry button went with the notice).
    expect(
      await tab.evaluate(
        () => document.querySelector("ca-timeline")!.shadowRoot!.activeElement?.id,
      ),
    ).toBe("main");
    await tab.locator("ca-timeline [part=filters] input[type=checkbox]").first().check();
    await expect.poll(() => events(tab).count()).toBeLessThan(EVENTS);
    // Only the browser's reports of the aborted requests, nothing from the element.
    expect(problems.filter((p) => !/^Failed to load resource/.test(p))).toEqual([]);
    await tab.context().close();
  });

  it("renders live data of another version afresh instead of hydrating it", async () => {
    const { tab, problems } = await open();
    const slug = timeline.events[0]!.slug;
    await tab.route(/graphql\?/, async (route) => {
      const response = await route.fetch();
      const body = await response.json();
      if (body.data?.dataset) body.data.dataset.version = "0.0.0+other";
      body.data.events.nodes = body.data.events.nodes.filter(
        (n: { slug: string }) => n.slug !== slug,
      );
      await route.fulfill({ response, json: body });
    });
    await tab.goto(server.url);
    await hydrated(tab);
    await expect.poll(() => events(tab).count()).toBeGreaterThan(0);
    expect(await tab.locator(`ca-timeline [data-event-slug="${slug}"]`).count()).toBe(0);
    await events(tab).first().locator(".head").click();
    await expect.poll(() => tab.locator("ca-timeline [part=details]").count()).toBe(1);
    expect(problems).toEqual([]);
    // The details may still be on their way: their handlers end quietly with the tab.
    await tab.unrouteAll({ behavior: "ignoreErrors" });
    await tab.context().close();
  });

  it("describes every event as a schema.org Event in JSON-LD", async () => {
    const { tab } = await open({ javaScriptEnabled: false });
    await tab.goto(server.url);
    const ld = JSON.parse((await tab.locator('script[type="application/ld+json"]').textContent())!);
    expect(ld["@context"]).toBe("https://schema.org");
    expect(ld["@graph"]).toHaveLength(EVENTS);
    for (const [i, e] of timeline.events.entries()) {
      const item = ld["@graph"][i];
      expect(item).toMatchObject({
        "@type": "Event",
        identifier: e.slug,
        url: `chronicle.html#${e.slug}`,
        name: e.title.en,
        description: e.summary.en,
        startDate: e.start,
        endDate: e.end,
      });
      expect(item.location?.length ?? 0).toBe(e.places.length);
    }
    await tab.context().close();
  });
});

describe("the with-data demo page", () => {
  it("renders the bundled events and fills in an open event from the details file beside the bundle", async () => {
    const { tab, problems } = await open();
    const requested: string[] = [];
    tab.on("requestfinished", (r) => requested.push(new URL(r.url()).pathname));
    await tab.goto(new URL("with-data.html", server.url).href);
    await expect.poll(() => events(tab).count()).toBe(EVENTS);
    const event = timeline.events.find((e) => e.summary.de)!;
    await tab.locator(`ca-timeline [data-event-slug="${event.slug}"] .head`).first().click();
    await tab
      .locator(`ca-timeline [data-event-slug="${event.slug}"] [part=details]`)
      .first()
      .filter({ hasText: event.summary.de })
      .waitFor();
    expect(requested).toContain("/ca-timeline-with-data.details.json");
    expect(problems).toEqual([]);
    await tab.context().close();
  });
});
