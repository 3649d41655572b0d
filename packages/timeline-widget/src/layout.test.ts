import { timeline } from "@ca-timeline/data";
import { syntheticDataset } from "@ca-timeline/data/testing";
import { afterEach, describe, expect, it } from "vitest";
import { page } from "vitest/browser";
import type { CaTimeline } from "./ca-timeline.ts";
import { $, $$, axeViolations, mount, slugs } from "./test-support/mount.ts";

afterEach(async () => {
  await page.viewport(1280, 800);
});

/** Elements wider than the element itself (what makes a page scroll sideways at 320 px). */
const overflowing = (el: CaTimeline) =>
  $$(el, "*")
    .filter((e) => e.getBoundingClientRect().right > el.getBoundingClientRect().right + 1)
    .map((e) => e.className || e.tagName);

describe("<ca-timeline> layout", () => {
  it("fits 320 px without sideways scrolling, with the year overview hidden", async () => {
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
    expect(getComputedStyle($(el, ".overview")!).display).toBe("none");
    expect(await axeViolations()).toEqual([]);
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

  it("shows the year overview and a filter column on wide screens", async () => {
    const el = await mount({ lang: "en" }, { events: syntheticDataset(40) });
    expect(getComputedStyle($(el, ".overview")!).display).toBe("block");
    expect(getComputedStyle($(el, ".layout")!).gridTemplateColumns.split(" ").length).toBe(2);
  });

  it("renders the real dataset and an event with notes without axe violations", async () => {
    const el = await mount({ lang: "en" }, { events: timeline });
    expect(slugs(el).length).toBe(timeline.events.length);
    const withNotes = timeline.events.find((e) => e.notes);
    if (withNotes) {
      $(el, `[data-event-slug="${withNotes.slug}"] .head`)!.click();
      await el.updateComplete;
      expect($(el, "[part=details]")!.textContent).toContain(withNotes.notes!.en);
    }
    expect(await axeViolations()).toEqual([]);
  });
});
