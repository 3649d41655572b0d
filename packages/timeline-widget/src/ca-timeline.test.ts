import type { TimelineEvent } from "@ca-timeline/data";
import { createIndex, type EventFilter, foldText } from "@ca-timeline/data/query";
import { syntheticDataset } from "@ca-timeline/data/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { page, userEvent } from "vitest/browser";
import type { TimelineChangeDetail } from "./ca-timeline.ts";
import { formatDate } from "./format-date.ts";
import { $, $$, axeViolations, mount, slugs, until } from "./test-support/mount.ts";

const data = syntheticDataset(60);

// The wide layout: filter column beside the list (the narrow one is tested in layout.test.ts).
beforeAll(() => page.viewport(1280, 800));
const index = createIndex(data);
const expectSlugs = (filter: EventFilter) => index.filter(filter).map((e) => e.slug);
const checkbox = (el: HTMLElement, field: string, id: string) =>
  el.shadowRoot!.querySelector<HTMLInputElement>(`input[name="${field}"][value="${id}"]`)!;

describe("<ca-timeline> rendering", () => {
  it("renders every event with data-event-slug, grouped by year in date order, with a year overview", async () => {
    const el = await mount({ lang: "en" }, { events: data });
    expect(slugs(el)).toEqual(index.events.map((e) => e.slug));
    const years = $$(el, ".year h2").map((h) => h.textContent);
    expect(years).toEqual([...new Set(index.events.map((e) => e.start.slice(0, 4)))]);
    expect($(el, "[role=status]")!.textContent).toBe(`${index.size} events`);
    // Every year from the first to the last, with its count (empty years too: the axis has no holes).
    const bars = $$(el, ".overview .yr");
    const perYear = new Map<number, number>();
    for (const e of index.events) {
      const year = Number(e.start.slice(0, 4));
      perYear.set(year, (perYear.get(year) ?? 0) + 1);
    }
    const first = Math.min(...perYear.keys());
    expect(
      bars.map((b) => [Number(b.dataset.year), Number(b.querySelector(".c")!.textContent)]),
    ).toEqual(bars.map((_, i) => [first + i, perYear.get(first + i) ?? 0]));
    expect(bars.at(-1)!.dataset.year).toBe(String(Math.max(...perYear.keys())));
    // A year with one event has a visible bar.
    const one = bars.find((b) => b.querySelector(".c")!.textContent === "1");
    if (one) expect(one.querySelector("i")!.getBoundingClientRect().height).toBeGreaterThan(3);
    const target = bars.find((b) => Number(b.querySelector(".c")!.textContent) > 0)!;
    await userEvent.click(target);
    await until(() => el.shadowRoot!.activeElement?.id === `y${target.dataset.year}`);
    expect(await axeViolations()).toEqual([]);
  });

  it("shows each date at its precision", async () => {
    const el = await mount({ lang: "en" }, { events: data });
    const dates = $$(el, ".head .date").map((d) => d.textContent);
    expect(dates).toEqual(index.events.map((e) => formatDate(e.date, "en")));
    // A year-precise date shows as the bare year, a month-precise one as "Month YYYY".
    const year = index.events.findIndex((e) => e.precision === "year");
    expect(dates[year]).toBe(index.events[year]!.date);
    expect(dates.some((d) => /^[A-Z][a-z]+ \d{4}$/.test(d!))).toBe(true);
  });
});

describe("<ca-timeline> filters", () => {
  for (const field of ["themes", "types", "actors"] as const) {
    it(`filters by ${field} with counts, reflects the attribute and fires ca-timeline-change`, async () => {
      const el = await mount({ lang: "en" }, { events: data });
      const changes: TimelineChangeDetail[] = [];
      el.addEventListener("ca-timeline-change", (e) => changes.push(e.detail));
      const ids =
        field === "themes" ? data.themes : field === "types" ? data.eventTypes : data.actors;
      const [a, b] = [ids[0]!.id, ids[1]!.id];
      const counts = index.facets({})[field];
      const label = checkbox(el, field, a).closest("label")!;
      expect(label.querySelector(".n")!.textContent).toBe(
        String(counts.find((c) => c.id === a)!.count),
      );
      checkbox(el, field, a).click();
      await el.updateComplete;
      expect(slugs(el)).toEqual(expectSlugs({ [field]: [a] }));
      expect(el.getAttribute(field)).toBe(a);
      checkbox(el, field, b).click();
      await el.updateComplete;
      expect(slugs(el)).toEqual(expectSlugs({ [field]: [a, b] }));
      expect(el.getAttribute(field)).toBe(`${a},${b}`);
      expect(changes.at(-1)).toEqual({
        filter: { [field]: [a, b] },
        count: index.count({ [field]: [a, b] }),
      });
      expect(await axeViolations()).toEqual([]);
    });
  }

  it("filters by a year range and combines filters with AND", async () => {
    const el = await mount({ lang: "en", themes: data.themes[1]!.id }, { events: data });
    const from = $<HTMLInputElement>(el, 'input[name="from"]')!;
    const to = $<HTMLInputElement>(el, 'input[name="to"]')!;
    const theme = data.themes[1]!.id;
    const inYear = (year: number) =>
      index.filter({ themes: [theme] }).filter((e) => e.start.startsWith(String(year))).length;
    expect([from.type, from.getAttribute("aria-valuetext")]).toEqual([
      "range",
      `From 2007: ${inYear(2007)} events`,
    ]);
    from.value = "2010";
    from.dispatchEvent(new Event("input", { bubbles: true }));
    await el.updateComplete;
    to.value = "2013";
    to.dispatchEvent(new Event("input", { bubbles: true }));
    await el.updateComplete;
    expect(from.getAttribute("aria-valuetext")).toMatch(/^From 2010: \d+ events?$/);
    expect(slugs(el)).toEqual(
      expectSlugs({ themes: [data.themes[1]!.id], from: "2010", to: "2013" }),
    );
    expect([el.getAttribute("from"), el.getAttribute("to")]).toEqual(["2010", "2013"]);
    expect(await axeViolations()).toEqual([]);
  });

  it("follows attributes and properties set from outside, ignoring ids the data does not know", async () => {
    const el = await mount({ lang: "en" }, { events: data });
    el.setAttribute("types", `${data.eventTypes[2]!.id},no-such-type`);
    el.setAttribute("to", "2012-06");
    await el.updateComplete;
    expect(slugs(el)).toEqual(expectSlugs({ types: [data.eventTypes[2]!.id], to: "2012-06" }));
    el.actors = [data.actors[0]!.id];
    await el.updateComplete;
    expect(el.getAttribute("actors")).toBe(data.actors[0]!.id);
    el.types = [];
    el.from = "2015";
    el.to = "2010";
    await el.updateComplete;
    // An impossible period is turned around, never answered with an internal error message.
    expect(slugs(el)).toEqual(
      expectSlugs({ actors: [data.actors[0]!.id], from: "2010", to: "2015" }),
    );
    expect(el.shadowRoot!.textContent).not.toContain("filter.");
    expect($(el, ".note")!.textContent).toBe("From and To swapped: 2010–2015");
    el.lang = "de";
    await el.updateComplete;
    expect($(el, ".note")!.textContent).toBe("Von und Bis vertauscht: 2010–2015");
  });

  it("searches both languages with highlighting, shows none found, and resets", async () => {
    const el = await mount({ lang: "de" }, { events: data });
    const input = $<HTMLInputElement>(el, "input[type=search]")!;
    input.focus();
    await userEvent.keyboard("aussenminister 1");
    await el.updateComplete;
    expect(el.getAttribute("q")).toBe("aussenminister 1");
    expect(slugs(el)).toEqual(expectSlugs({ search: "aussenminister 1" }));
    const marks = $$(el, "mark").map((m) => foldText(m.textContent!));
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.every((m) => m.includes("aussenminister") || m.includes("1"))).toBe(true);
    expect($(el, "[role=status]")!.textContent).toBe(
      `${index.count({ search: "aussenminister 1" })} Ereignisse`,
    );
    expect(await axeViolations()).toEqual([]);

    el.q = "zzzz-nothing";
    await el.updateComplete;
    // The empty result says what was searched for and offers the ways out.
    expect($(el, ".msg p")!.textContent).toBe("Keine Ereignisse für: „zzzz-nothing“.");
    expect($$(el, ".msg button").map((b) => b.textContent)).toEqual([
      "Suche löschen",
      "Filter zurücksetzen",
    ]);
    expect(await axeViolations()).toEqual([]);

    $(el, "[part=reset]")!.click();
    await el.updateComplete;
    expect(slugs(el).length).toBe(index.size);
    expect(el.hasAttribute("q")).toBe(false);
    expect(input.value).toBe("");
  });
});

describe("<ca-timeline> language", () => {
  it("switches UI strings, numbers, dates and content live", async () => {
    const el = await mount({ lang: "en" }, { events: data });
    const first = index.events[0]!;
    expect($(el, ".title")!.textContent).toBe(first.title.en);
    el.lang = "de";
    await el.updateComplete;
    expect($(el, ".title")!.textContent).toBe(first.title.de);
    expect($(el, ".search")!.textContent).toContain("Suche");
    expect($(el, "summary")!.textContent).toBe("Themen");
    expect($$(el, ".date").map((d) => d.textContent)).toEqual(
      index.events.map((e) => formatDate(e.date, "de")),
    );
    expect($(el, "[lang]")!.getAttribute("lang")).toBe("de");
    expect(await axeViolations()).toEqual([]);
  });

  it("takes the page's language when it has no lang attribute", async () => {
    document.documentElement.lang = "de";
    try {
      const el = await mount({}, { events: data });
      expect($(el, "[role=status]")!.textContent).toBe(`${index.size} Ereignisse`);
    } finally {
      document.documentElement.lang = "en";
    }
  });
});

describe("<ca-timeline> details and keyboard", () => {
  it("opens an event to its details, fires ca-timeline-select and closes with Escape", async () => {
    const el = await mount({ lang: "en" }, { events: data });
    const event = index.events.find((e) => e.notes && e.sources.some((s) => s.document))!;
    const documentOf = (s: TimelineEvent["sources"][number]) =>
      data.documents.find((d) => d.id === s.document);
    const cited = documentOf(event.sources.find((s) => s.document)!)!;
    const selected: TimelineEvent[] = [];
    el.addEventListener("ca-timeline-select", (e) => selected.push(e.detail));
    const item = $(el, `[data-event-slug="${event.slug}"]`)!;
    const button = item.querySelector("button")!;
    button.focus();
    await userEvent.keyboard("{Enter}");
    await el.updateComplete;
    expect(button.getAttribute("aria-expanded")).toBe("true");
    expect(selected.map((e) => e.slug)).toEqual([event.slug]);
    const details = item.querySelector("[part=details]")!;
    expect(details.textContent).toContain(event.summary.en);
    expect(details.textContent).toContain(event.notes!.en);
    expect(details.textContent).toContain(cited.title);
    const links = [...details.querySelectorAll("a")].map((a) => a.getAttribute("href"));
    // A cited document links to its URL when it has one, like a source with its own URL.
    expect(links).toEqual(event.sources.map((s) => s.url ?? documentOf(s)?.url).filter(Boolean));
    expect(await axeViolations()).toEqual([]);

    details.querySelector("a")!.focus();
    await userEvent.keyboard("{Escape}");
    await el.updateComplete;
    expect(item.querySelector("[part=details]")).toBeNull();
    expect(el.shadowRoot!.activeElement).toBe(button);
  });

  it("moves with arrow keys, Home and End within a filter group and the event list", async () => {
    const el = await mount({ lang: "en" }, { events: data });
    const boxes = $$<HTMLInputElement>(el, 'input[name="themes"]');
    boxes[0]!.focus();
    await userEvent.keyboard("{ArrowDown}");
    expect(el.shadowRoot!.activeElement).toBe(boxes[1]);
    await userEvent.keyboard("{End}");
    expect(el.shadowRoot!.activeElement).toBe(boxes.at(-1));
    await userEvent.keyboard(" ");
    await el.updateComplete;
    expect(el.themes).toEqual([boxes.at(-1)!.value]);

    const heads = $$(el, ".head");
    heads[0]!.focus();
    await userEvent.keyboard("{ArrowDown}{ArrowDown}");
    expect(el.shadowRoot!.activeElement).toBe(heads[2]);
    await userEvent.keyboard("{Home}");
    expect(el.shadowRoot!.activeElement).toBe(heads[0]);
    await userEvent.keyboard("{Tab}");
    expect(el.shadowRoot!.activeElement).toBe(heads[1]);
  });
});

describe("<ca-timeline> untrusted text", () => {
  it("renders markup in the data as text and links only http(s) URLs", async () => {
    const payload = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';
    const [base] = syntheticDataset(1).events;
    const hostile: TimelineEvent = {
      ...base!,
      slug: "hostile",
      title: { de: payload, en: payload },
      summary: { de: `${payload} summary`, en: `${payload} summary` },
      places: [{ name: { de: payload, en: payload }, country: "KZ" }],
      sources: [
        { url: "javascript:window.__xss=3", title: "js link" },
        { url: " javascript:window.__xss=4", title: "spaced js link" },
        { url: "data:text/html,<script>alert(1)</script>", title: payload },
        { url: "https://example.org/ok", title: payload },
      ],
    };
    const el = await mount({ lang: "en", q: "img" }, { events: [hostile] });
    $(el, ".head")!.click();
    await el.updateComplete;
    const root = el.shadowRoot!;
    expect(root.querySelector("img, script")).toBeNull();
    expect($(el, ".title")!.textContent).toBe(payload);
    expect([...root.querySelectorAll("a")].map((a) => a.getAttribute("href"))).toEqual([
      "https://example.org/ok",
    ]);
    expect(root.textContent).toContain("js link");
    await new Promise((r) => setTimeout(r, 50));
    expect((window as { __xss?: number }).__xss).toBeUndefined();
    expect(await axeViolations()).toEqual([]);
  });
});
