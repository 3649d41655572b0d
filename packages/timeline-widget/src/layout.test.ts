import { timeline } from "@ca-timeline/data";
import { syntheticDataset } from "@ca-timeline/data/testing";
import { afterEach, describe, expect, it } from "vitest";
import { page, userEvent } from "vitest/browser";
import type { CaTimeline } from "./ca-timeline.ts";
import { $, $$, axeViolations, mount, slugs, until } from "./test-support/mount.ts";

afterEach(async () => {
  await page.viewport(1280, 800);
});

/** Elements wider than the element itself (what makes a page scroll sideways at 320 px). */
const overflowing = (el: CaTimeline) =>
  $$(el, "*")
    .filter((e) => e.getBoundingClientRect().right > el.getBoundingClientRect().right + 1)
    .map((e) => e.className || e.tagName);

describe("<ca-timeline> layout", () => {
  it("fits 320 px without sideways scrolling, with a compact year strip and the filters behind a button", async () => {
    await page.viewport(320, 640);
    const el = await mount({ lang: "de" }, { events: syntheticDataset(40) });
    $(el, ".head")!.click();
    await el.updateComplete;
    expect(overflowing(el)).toEqual([]);
    expect(el.getBoundingClientRect().right).toBeLessThanOrEqual(
      document.documentElement.clientWidth,
    );
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(
      document.documentElement.clientWidth,
    );
    expect(getComputedStyle($(el, ".filters")!).display).toBe("none");
    expect($(el, ".overview")!.getBoundingClientRect().height).toBeLessThan(80);
    expect(await axeViolations()).toEqual([]);
  });

  it("scrolls what the keyboard focuses into view below the sticky bar, not under it", async () => {
    for (const [width, filters] of [
      [1280, {}],
      [375, { themes: timeline.themes[0]!.id, types: timeline.eventTypes[0]!.id }],
    ] as const) {
      await page.viewport(width, 700);
      const el = await mount({ lang: "de", ...filters }, { events: timeline });
      const bar = $(el, "[part=bar]")!;
      const heads = $$(el, ".head");
      const years = $$(el, ".year h2");
      // Enough of the list below the fold for focusing to scroll.
      expect(heads.length).toBeGreaterThan(3);
      expect(years.length).toBeGreaterThan(1);
      for (const target of [heads[heads.length >> 1]!, heads.at(-1)!, years.at(-1)!]) {
        // From further down the page, so that focusing scrolls back up to it.
        scrollTo(0, document.documentElement.scrollHeight);
        target.focus();
        expect(target.getBoundingClientRect().top).toBeGreaterThanOrEqual(
          bar.getBoundingClientRect().bottom - 1,
        );
      }
    }
  });

  it("builds a long list to its end when the page goes on below it for more than a screen", async () => {
    await page.viewport(375, 700);
    const count = 2600;
    const el = await mount({ lang: "en" }, { events: syntheticDataset(count) });
    // A footer taller than the screen: at the bottom of the page the list's end is above the viewport.
    const footer = document.createElement("div");
    footer.style.height = "2000px";
    el.after(footer);
    await el.updateComplete;
    const rows = () => el.shadowRoot!.querySelectorAll("[data-event-slug]").length;
    expect(rows()).toBeLessThan(count);
    await until(() => {
      scrollTo(0, document.documentElement.scrollHeight);
      return rows() === count;
    });
    expect($(el, ".more")).toBeNull();
  });

  it("keeps every facet count on one line beside long labels", async () => {
    for (const width of [320, 1280]) {
      await page.viewport(width, 800);
      const el = await mount({ lang: "de" }, { events: timeline });
      for (const count of $$(el, ".opts .n")) {
        const lineHeight = Number.parseFloat(getComputedStyle(count).lineHeight) || 24;
        expect(
          count.getBoundingClientRect().height,
          `${width}px: "${count.textContent}"`,
        ).toBeLessThan(lineHeight * 1.5);
      }
    }
  });

  it("shows the year overview and a sticky filter column on wide screens", async () => {
    const el = await mount({ lang: "de" }, { events: timeline });
    expect(getComputedStyle($(el, ".fbtn")!).display).toBe("none");
    expect(getComputedStyle($(el, ".layout")!).gridTemplateColumns.split(" ").length).toBe(2);
    const filters = $(el, ".filters")!;
    expect(getComputedStyle(filters).position).toBe("sticky");
    // German labels get room: the column is at least 15rem wide.
    expect(filters.getBoundingClientRect().width).toBeGreaterThanOrEqual(240);
    scrollTo(0, 3000);
    await new Promise((r) => requestAnimationFrame(r));
    expect(filters.getBoundingClientRect().top).toBeGreaterThanOrEqual(0);
    expect(filters.getBoundingClientRect().top).toBeLessThan(120);
    expect($(el, ".bar")!.getBoundingClientRect().top).toBe(0);
    scrollTo(0, 0);
  });

  it("puts the first event on the first screen of a phone, with filters behind Filters (n)", async () => {
    await page.viewport(375, 800);
    const data = syntheticDataset(40);
    const el = await mount(
      { lang: "en", themes: data.themes[0]!.id, from: "2010" },
      { events: data },
    );
    const first = $(el, "[data-event-slug] .head")!;
    expect(first.getBoundingClientRect().bottom).toBeLessThanOrEqual(800);
    const button = $(el, "[part=filters-button]")!;
    expect(button.textContent).toBe("Filters (2)");
    expect(button.getAttribute("aria-expanded")).toBe("false");
    // Active filters are chips in the sticky bar; each one removes its filter.
    const chips = $$(el, "[part=chip]");
    expect(chips.map((c) => c.getAttribute("aria-label"))).toEqual([
      `Remove filter: ${data.themes[0]!.label.en}`,
      "Remove filter: 2010–…",
    ]);
    expect(await axeViolations()).toEqual([]);
    button.focus();
    await userEvent.keyboard("{Enter}");
    await el.updateComplete;
    await el.updateComplete;
    expect(button.getAttribute("aria-expanded")).toBe("true");
    expect(getComputedStyle($(el, ".filters")!).display).toBe("block");
    expect($(el, ".filters")!.contains(el.shadowRoot!.activeElement)).toBe(true);
    expect(await axeViolations()).toEqual([]);
    await userEvent.keyboard("{Escape}");
    await el.updateComplete;
    expect(button.getAttribute("aria-expanded")).toBe("false");
    expect(el.shadowRoot!.activeElement).toBe(button);
    chips[0]!.focus();
    await userEvent.keyboard("{Enter}");
    await el.updateComplete;
    expect(el.themes).toEqual([]);
    // The focus stays in the bar: on the next chip.
    expect(el.shadowRoot!.activeElement?.getAttribute("aria-label")).toBe("Remove filter: 2010–…");
    expect(button.textContent).toBe("Filters (1)");
  });

  it("renders the real dataset and an event with notes without axe violations", async () => {
    const el = await mount({ lang: "en" }, { events: timeline });
    expect(slugs(el).length).toBe(timeline.events.length);
    // Each event type has a marker of its own beside its label.
    const markers = new Map($$(el, "[part=type]").map((t) => [t.textContent, t.className]));
    expect(markers.size).toBe(timeline.eventTypes.length);
    expect(new Set(markers.values()).size).toBe(markers.size);
    const withNotes = timeline.events.find((e) => e.notes);
    if (withNotes) {
      $(el, `[data-event-slug="${withNotes.slug}"] .head`)!.click();
      await el.updateComplete;
      expect($(el, "[part=details]")!.textContent).toContain(withNotes.notes!.en);
    }
    expect(await axeViolations()).toEqual([]);
  });
});
