// The `events` property takes the dataset (the shape of events.json, e.g. `timeline` of
// @ca-timeline/data): its vocabularies label the filters and its documents name the sources. An array
// of events alone still renders, but nothing then labels the ids: the filters show them as they are
// (documented in the README, and the framework recipes pass the dataset).
import { timeline } from "@ca-timeline/data";
import { describe, expect, it } from "vitest";
import type { CaTimeline } from "./ca-timeline.ts";
import { $, $$, loaded, mount } from "./test-support/mount.ts";

/** The theme filters' labels: each checkbox's label text without its count. */
const themeLabels = (el: CaTimeline) =>
  $$(el, "input[name=themes]").map((box) =>
    [...box.closest("label")!.childNodes]
      .filter((node) => node.nodeType === Node.TEXT_NODE)
      .map((node) => node.textContent)
      .join("")
      .trim(),
  );

/** An event citing a document of the dataset, opened; returns the text of its sources. */
async function openedSources(events: typeof timeline | typeof timeline.events) {
  const cited = timeline.events.find((e) => e.sources.some((s) => s.document && !s.title))!;
  const el = await mount({ lang: "en" }, { events });
  await loaded(el);
  el._toggle(cited.slug);
  await el.updateComplete;
  const documentId = cited.sources.find((s) => s.document && !s.title)!.document!;
  return {
    el,
    text: $(el, "[part~=details]")!.textContent!,
    document: timeline.documents.find((d) => d.id === documentId)!,
  };
}

describe("the events property", () => {
  it("with the dataset: filters carry the vocabularies' labels, sources the documents' titles", async () => {
    const { el, text, document } = await openedSources(timeline);
    const labels = themeLabels(el);
    expect(labels).toEqual(timeline.themes.map((t) => t.label.en));
    expect(labels).not.toContain("regional-cooperation-resilience");
    expect(text).toContain(document.title);
  });

  it("with an array of events alone: still renders, the filters and sources show ids", async () => {
    const { el, text, document } = await openedSources(timeline.events);
    expect($$(el, "[data-event-slug]").length).toBeGreaterThan(0);
    expect(themeLabels(el)).toContain("regional-cooperation-resilience");
    expect(text).toContain(document.id);
    expect(text).not.toContain(document.title);
  });
});
