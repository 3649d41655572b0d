import type { Dataset, TimelineEvent } from "@ca-timeline/data";
import { syntheticDataset } from "@ca-timeline/data/testing";
import { afterEach, describe, expect, it, vi } from "vitest";
import { page } from "vitest/browser";
import type { CaTimeline } from "./ca-timeline.ts";
import { fakeGraphqlEndpoint } from "./test-support/fake-graphql.ts";
import { $$, axeViolations, loaded, mount, slugs, until } from "./test-support/mount.ts";
import { failOnUncaught } from "./test-support/uncaught.ts";

failOnUncaught();
afterEach(async () => {
  vi.unstubAllGlobals();
  await page.viewport(1280, 800);
});

const XSS = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';
const LONG = "x".repeat(100_000);
const LONG_WORDS = "Lorem ipsum dolor sit amet ".repeat(4000);

/** A dataset of ordinary events and hostile ones, as an endpoint or a file could deliver it. */
function hostileDataset(): Dataset {
  const base = syntheticDataset(6);
  const [model] = base.events;
  const hostile: TimelineEvent[] = [
    {
      ...model!,
      slug: `"]><script>window.__xss=5</script>`,
      // A date must be EDTF (the reader rejects anything else: see the error test below).
      date: "2020",
      status: "<b>constructor</b>" as TimelineEvent["status"],
      title: { de: XSS, en: XSS },
      summary: { de: XSS, en: XSS },
      notes: { de: XSS, en: XSS },
      places: [{ name: { de: XSS, en: XSS }, country: "<KZ>" }],
      sources: [
        { url: "javascript:window.__xss=3", title: "js link" },
        { url: "JAVASCRIPT:window.__xss=3", title: "upper-case js link" },
        { url: " javascript:window.__xss=4", title: "spaced js link" },
        { url: "java\tscript:window.__xss=4", title: "tabbed js link" },
        { url: "vbscript:msgbox(1)", title: "vbscript link" },
        { url: "data:text/html,<script>alert(1)</script>", title: XSS },
        { url: "//evil.test/x", title: "protocol-relative link" },
        { url: "https://example.org/ok", title: XSS },
      ],
    },
    {
      ...model!,
      slug: "overlong",
      date: "2020-01-01/2025-05-01",
      status: "constructor" as TimelineEvent["status"],
      title: { de: LONG, en: LONG },
      summary: { de: LONG_WORDS, en: LONG_WORDS },
      notes: { de: LONG, en: LONG },
      sources: [{ url: `https://example.org/${LONG}`, title: LONG }],
    },
  ];
  return {
    ...base,
    themes: base.themes.map((t, i) => (i === 0 ? { ...t, label: { de: XSS, en: LONG } } : t)),
    events: [...base.events, ...hostile],
  };
}

/** Elements reaching past the element's right edge, or whose text runs out of their own box. */
const overflowing = (el: CaTimeline) =>
  $$(el, "*")
    .filter(
      (e) =>
        e.getBoundingClientRect().right > el.getBoundingClientRect().right + 1 ||
        e.scrollWidth > e.clientWidth + 1,
    )
    .map((e) => e.className || e.tagName);

const open = async (el: CaTimeline, slug: string) => {
  const item = $$(el, "[data-event-slug]").find((e) => e.dataset.eventSlug === slug)!;
  item.querySelector<HTMLElement>(".head")!.click();
  await el.updateComplete;
  return item;
};

describe("<ca-timeline> hostile data from an endpoint or a file", () => {
  for (const source of ["endpoint", "src"] as const) {
    it(`renders script, markup and javascript: URLs from ${source} as inert text`, async () => {
      const data = hostileDataset();
      vi.stubGlobal(
        "fetch",
        source === "endpoint" ? fakeGraphqlEndpoint(data).fetch : async () => Response.json(data),
      );
      const el = await mount({ [source]: "https://api.test/graphql", lang: "en", q: "img" });
      await loaded(el);
      const hostile = data.events.at(-2)!;
      const item = await open(el, hostile.slug);
      const root = el.shadowRoot!;
      expect(root.querySelector("img, script, b, :not(.yr) > i")).toBeNull();
      expect(item.querySelector(".title")!.textContent).toBe(XSS);
      expect(item.querySelector(".status")!.textContent).toBe("<b>constructor</b>");
      expect(item.querySelector("[part=details]")!.textContent).toContain(XSS);
      expect(item.querySelectorAll("mark").length).toBeGreaterThan(0);
      // Only http(s) URLs become links; every other source is plain text.
      expect([...item.querySelectorAll("a")].map((a) => a.getAttribute("href"))).toEqual([
        "https://example.org/ok",
      ]);
      for (const title of ["js link", "tabbed js link", "vbscript link", "protocol-relative link"])
        expect(item.textContent).toContain(title);
      await new Promise((r) => setTimeout(r, 50));
      expect((window as { __xss?: number }).__xss).toBeUndefined();
      expect(await axeViolations()).toEqual([]);
    });
  }

  it("quotes a hostile date that is no EDTF date as inert text in its error message", async () => {
    const data = hostileDataset();
    data.events[0] = { ...data.events[0]!, date: XSS };
    vi.stubGlobal("fetch", async () => Response.json(data));
    const el = await mount({ src: "/events.json", lang: "en" });
    await until(() => el.shadowRoot!.querySelector("[role=alert]") !== null);
    const alert = el.shadowRoot!.querySelector("[role=alert]")!.textContent;
    expect(alert).toContain('.date: "<img src=x onerror="window.__xss=1"><script>');
    expect(alert).toContain("is not an EDTF date");
    expect(el.shadowRoot!.querySelector("img, script")).toBeNull();
    await new Promise((r) => setTimeout(r, 50));
    expect((window as { __xss?: number }).__xss).toBeUndefined();
  });

  it("lays out 100,000-character texts at 320 px without sideways scrolling", async () => {
    await page.viewport(320, 640);
    const data = hostileDataset();
    const el = await mount({ lang: "en" }, { events: data });
    const item = await open(el, "overlong");
    expect(item.querySelector(".title")!.textContent!.length).toBe(LONG.length);
    expect(item.querySelector(".status")!.textContent).toBe("constructor");
    expect(item.querySelector(".date")!.textContent).toBe(
      new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" }).formatRange(
        Date.UTC(2020, 0, 1),
        Date.UTC(2025, 4, 1),
      ),
    );
    expect(overflowing(el)).toEqual([]);
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(
      document.documentElement.clientWidth,
    );
    // A search through the long texts still answers and highlights.
    el.q = "xxxx";
    await el.updateComplete;
    expect(slugs(el)).toEqual(["overlong"]);
    expect($$(el, "mark").length).toBeGreaterThan(0);
    expect(overflowing(el)).toEqual([]);
  });
});
