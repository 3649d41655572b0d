import axe from "axe-core";
import type { CaTimeline } from "../ca-timeline.ts";
import "../define.ts";

/** Mounts a <ca-timeline> with the given attributes and properties and waits for its first render. */
export async function mount(
  attributes: Record<string, string> = {},
  properties: Partial<CaTimeline> = {},
): Promise<CaTimeline> {
  document.body.replaceChildren();
  const element = document.createElement("ca-timeline");
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  Object.assign(element, properties);
  document.body.append(element);
  await element.updateComplete;
  return element;
}

export const $ = <T extends Element = HTMLElement>(el: CaTimeline, selector: string): T | null =>
  el.shadowRoot!.querySelector<T>(selector);

export const $$ = <T extends Element = HTMLElement>(el: CaTimeline, selector: string): T[] => [
  ...el.shadowRoot!.querySelectorAll<T>(selector),
];

/**
 * The slugs of the rendered events, in date order (the data's order: side events nested under their
 * parent come after it in the page; `domSlugs` gives the page order).
 */
export const slugs = (el: CaTimeline): string[] => {
  const order = new Map(el._data.data?.index.events.map((e, i) => [e.slug, i]));
  return domSlugs(el).sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
};

/** The slugs of the rendered events, in page order. */
export const domSlugs = (el: CaTimeline): string[] =>
  $$(el, "[data-event-slug]").map((e) => e.getAttribute("data-event-slug")!);

/** Waits until a condition holds (for loads that finish in a later task). */
export async function until(condition: () => boolean, timeout = 10_000): Promise<void> {
  const end = performance.now() + timeout;
  while (!condition()) {
    if (performance.now() > end) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Runs axe-core (WCAG 2.0–2.2 A/AA rules) over the page and returns the violations, summarised. */
export async function axeViolations(): Promise<string[]> {
  const result = await axe.run(document, {
    runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
  });
  return result.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`,
  );
}

/**
 * Waits until a load has rendered its events, the whole list included (not just the first frame), and
 * has finished: from an endpoint the later pages and the details too (or it failed). `partial` waits for
 * the rendered events only, for tests of what comes first.
 */
export async function loaded(el: CaTimeline, { partial = false } = {}): Promise<void> {
  await until(
    () =>
      slugs(el).length > 0 && (partial || el._data.missing === "" || el._data.status === "error"),
  );
  await el.updateComplete;
}
