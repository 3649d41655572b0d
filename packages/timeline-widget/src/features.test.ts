import type { Dataset, TimelineEvent } from "@ca-timeline/data";
import { createIndex } from "@ca-timeline/data/query";
import { syntheticDataset } from "@ca-timeline/data/testing";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { page, userEvent } from "vitest/browser";
import { $, $$, axeViolations, domSlugs, mount, slugs, until } from "./test-support/mount.ts";

const base = syntheticDataset(60);
const index = createIndex(base);
const start = location.href;

beforeAll(() => page.viewport(1280, 800));
afterEach(() => {
  history.replaceState(null, "", start);
  vi.unstubAllGlobals();
  document.documentElement.style.colorScheme = "";
  document.querySelector('meta[name="color-scheme"]')?.remove();
});

/** A dataset with what the list must show: a gap, a two-day event, two events on one day, a side event, a milestone. */
function timeData(): Dataset {
  const [a, b, c, d, e] = base.events;
  const at = (
    x: TimelineEvent,
    slug: string,
    date: string,
    start: string,
    end: string,
    more = {},
  ) => ({
    ...x,
    slug,
    date,
    start,
    end,
    precision: date.length === 4 ? ("year" as const) : ("day" as const),
    partOf: undefined,
    milestone: undefined,
    ...more,
  });
  return {
    ...base,
    events: [
      at(a!, "early", "2007", "2007-01-01", "2007-12-31"),
      at(b!, "summit", "2010-05-03/2010-05-04", "2010-05-03", "2010-05-04", { milestone: true }),
      at(c!, "forum", "2010-05-03", "2010-05-03", "2010-05-03", { partOf: "summit" }),
      at(d!, "talks", "2010-06-07", "2010-06-07", "2010-06-07"),
      at(e!, "visit", "2010-06-07", "2010-06-07", "2010-06-07"),
    ],
  } as Dataset;
}

describe("<ca-timeline> list shows time", () => {
  it("names gaps, gives durations, groups one day, nests side events and marks milestones and types", async () => {
    const data = timeData();
    const el = await mount({ lang: "en" }, { events: data });
    expect($(el, "[part=gap]")!.textContent).toBe("2008–2009: no events match");
    const summit = $(el, '[data-event-slug="summit"]')!;
    expect(summit.querySelector(".meta")!.textContent).toContain("2 days");
    expect(summit.querySelector("[part=milestone]")!.textContent).toBe("Milestone");
    expect(summit.classList.contains("ms")).toBe(true);
    // The side event sits inside its parent's item, after it.
    expect(summit.querySelector('.parts [data-event-slug="forum"]')).not.toBeNull();
    expect(domSlugs(el)).toEqual(["early", "summit", "forum", "talks", "visit"]);
    // Same day: the date shown once for the group; each event keeps it for screen readers.
    const day = $(el, ".day")!;
    expect(day.querySelector(":scope > .date")!.textContent).toBe("7 June 2010");
    expect([...day.querySelectorAll(".head .date.vh")].length).toBe(2);
    // The type: a marker and its label, in both languages.
    const type = summit.querySelector("[part=type]")!;
    expect(type.textContent).toBe(
      data.eventTypes.find((t) => t.id === data.events[1]!.type)!.label.en,
    );
    expect(getComputedStyle(type, "::before").width).not.toBe("auto");
    expect(await axeViolations()).toEqual([]);
    el.lang = "de";
    await el.updateComplete;
    expect($(el, "[part=gap]")!.textContent).toBe("2008–2009: keine passenden Ereignisse");
    expect(summit.querySelector(".meta")!.textContent).toContain("2 Tage");
    expect(await axeViolations()).toEqual([]);
  });
});

describe("<ca-timeline> overview and period", () => {
  it("selects a period by dragging across the years (pointer or touch)", async () => {
    const el = await mount({ lang: "en" }, { events: base });
    const bars = $(el, ".bars")!;
    const box = bars.getBoundingClientRect();
    const years = $$(el, ".overview .yr");
    const x = (i: number) => box.left + ((i + 0.5) * box.width) / years.length;
    const y = box.top + box.height / 2;
    const fire = (type: string, i: number) =>
      bars.dispatchEvent(
        new PointerEvent(type, {
          clientX: x(i),
          clientY: y,
          bubbles: true,
          pointerId: 1,
          pointerType: "touch",
        }),
      );
    fire("pointerdown", 3);
    fire("pointermove", 5);
    await el.updateComplete;
    expect(years.filter((b) => b.classList.contains("sel")).map((b) => b.dataset.year)).toEqual(
      [3, 4, 5].map((i) => years[i]!.dataset.year),
    );
    fire("pointermove", 6);
    fire("pointerup", 6);
    await el.updateComplete;
    expect([el.from, el.to]).toEqual([years[3]!.dataset.year, years[6]!.dataset.year]);
    expect(slugs(el)).toEqual(index.filter({ from: el.from, to: el.to }).map((e) => e.slug));
    // Shown as a chip, which clears it.
    const chip = $$(el, "[part=chip]").find((c) => c.textContent!.startsWith(el.from!))!;
    expect(chip.getAttribute("aria-label")).toBe(`Remove filter: ${el.from}–${el.to}`);
    chip.click();
    await el.updateComplete;
    expect([el.from, el.to]).toEqual([undefined, undefined]);
  });

  it("jumps to a year clicked with the mouse, and to one tapped, but not after a drag", async () => {
    const el = await mount({ lang: "en" }, { events: base });
    const bars = $(el, ".bars")!;
    const bar = (year: string) => $(el, `.overview [data-year="${year}"]`)!;
    const focused = () => el.shadowRoot!.activeElement?.id;
    const years = [...new Set(index.events.map((e) => e.start.slice(0, 4)))];
    const last = years.at(-1)!;
    // A real mouse click (through the browser's input pipeline, with the overview's pointer capture).
    await userEvent.click(bar(last));
    await until(() => focused() === `y${last}`);
    // A touch tap: down and up on one bar, then the click a browser sends after it, to whatever is under
    // the finger by then (hit-tested anew: a jump made on pointerup would have scrolled another event or
    // a filter box there).
    const at = (year: string) => {
      const box = bar(year).getBoundingClientRect();
      return { clientX: box.left + box.width / 2, clientY: box.top + box.height / 2 };
    };
    const touch = (type: string, year: string) =>
      bars.dispatchEvent(
        new PointerEvent(type, {
          ...at(year),
          bubbles: true,
          // The mouse pointer (id 1) is always active: setPointerCapture accepts it for synthetic events.
          pointerId: 1,
          pointerType: "touch",
        }),
      );
    const tap = async (year: string) => {
      bar(year).scrollIntoView({ block: "center" });
      const point = at(year);
      touch("pointerdown", year);
      touch("pointerup", year);
      await el.updateComplete;
      const under =
        el.shadowRoot!.elementFromPoint(point.clientX, point.clientY) ??
        document.elementFromPoint(point.clientX, point.clientY);
      (under as HTMLElement).dispatchEvent(
        new MouseEvent("click", { ...point, bubbles: true, composed: true }),
      );
    };
    const first = years[0]!;
    await tap(first);
    await until(() => focused() === `y${first}`);
    expect([el.from, el.to, el.themes, el._open]).toEqual([undefined, undefined, [], ""]);
    // From further down the list, too: nothing but the jump happens.
    await tap(years[years.length >> 1]!);
    await until(() => focused() === `y${years[years.length >> 1]}`);
    expect([el.from, el.to, el.themes, el._open]).toEqual([undefined, undefined, [], ""]);
    // A drag selects a period and does not jump: the click that ends it focuses no year.
    (el.shadowRoot!.activeElement as HTMLElement).blur();
    bar(first).scrollIntoView();
    touch("pointerdown", years[1]!);
    touch("pointermove", years[2]!);
    touch("pointerup", years[2]!);
    bar(years[2]!).click();
    await el.updateComplete;
    expect([el.from, el.to]).toEqual([years[1], years[2]]);
    expect(el.shadowRoot!.activeElement).toBeNull();
  });

  it("highlights the years whose events are on screen and marks milestones", async () => {
    const data: Dataset = {
      ...base,
      events: base.events.map((e, i) => (i === 5 ? { ...e, milestone: true as const } : e)),
    };
    const el = await mount({ lang: "en" }, { events: data });
    await until(() => $$(el, ".overview .in").length > 0);
    const firstYear = $(el, ".year h2")!.textContent;
    expect($$(el, ".overview .in").map((b) => b.dataset.year)).toContain(firstYear);
    const year = data.events[5]!.start.slice(0, 4);
    expect($(el, `.overview [data-year="${year}"] .mk`)).not.toBeNull();
    expect($$(el, ".overview .mk").length).toBe(1);
  });

  it("pushes one history entry for a period adjusted key by key, not one per key", async () => {
    const el = await mount({ lang: "en", "sync-url": "" }, { events: base });
    const length = history.length;
    const from = $<HTMLInputElement>(el, 'input[name="from"]')!;
    from.focus();
    await userEvent.keyboard("{ArrowRight}{ArrowRight}{ArrowRight}");
    await el.updateComplete;
    expect(el.from).toBe(String(Number(from.min) + 3));
    expect(new URLSearchParams(location.search).get("from")).toBe(el.from);
    expect(history.length).toBe(length + 1);
    // The To thumb cannot go below From: it pushes From along instead.
    const to = $<HTMLInputElement>(el, 'input[name="to"]')!;
    to.value = String(Number(from.min) + 1);
    to.dispatchEvent(new Event("input", { bubbles: true }));
    await el.updateComplete;
    const year = String(Number(from.min) + 1);
    expect([el.from, el.to]).toEqual([year, year]);
    expect(history.length).toBe(length + 1);
    expect(await axeViolations()).toEqual([]);
  });
});

describe("<ca-timeline> filters", () => {
  it("makes options that would add nothing look unavailable, and names ids from a link it does not know", async () => {
    const type = base.eventTypes[0]!.id;
    const el = await mount(
      { lang: "en", types: type, themes: "no-such-theme", q: index.events[0]!.title.en },
      { events: base },
    );
    const boxes = $$<HTMLInputElement>(el, 'input[name="types"]');
    const zero = boxes.filter((b) => b.closest("label")!.querySelector(".n")!.textContent === "0");
    expect(zero.length).toBeGreaterThan(0);
    for (const box of zero) {
      expect(box.disabled).toBe(box.value !== type);
      expect(box.closest("label")!.classList.contains("none")).toBe(box.value !== type);
    }
    expect($(el, ".note")!.textContent).toBe("Not found, ignored: Themes: no-such-theme");
    expect(await axeViolations()).toEqual([]);
    el.lang = "de";
    await el.updateComplete;
    expect($(el, ".note")!.textContent).toBe("Nicht gefunden, ignoriert: Themen: no-such-theme");
  });

  it("says what was searched when nothing matches and offers to clear the search or widen the period", async () => {
    const el = await mount({ lang: "en", q: "zzzz", from: "2010", to: "2012" }, { events: base });
    expect($(el, ".msg p")!.textContent).toBe("No events match: 2010–2012, “zzzz”.");
    const buttons = $$(el, ".msg button");
    expect(buttons.map((b) => b.textContent)).toEqual([
      "Clear search",
      "Show all years",
      "Reset filters",
    ]);
    expect(await axeViolations()).toEqual([]);
    // Each button removes itself; the focus moves on (to the events, the search field), never to the body.
    const press = async (button: HTMLElement) => {
      button.focus();
      await userEvent.keyboard("{Enter}");
      await el.updateComplete;
    };
    await press(buttons[1]!);
    expect([el.from, el.to, el.q]).toEqual([undefined, undefined, "zzzz"]);
    expect(el.shadowRoot!.activeElement!.id).toBe("main");
    await press($(el, ".msg button")!);
    expect(slugs(el).length).toBe(index.size);
    expect(el.shadowRoot!.activeElement).toBe($(el, "[part=search]"));
    // "Reset filters" in the bar: the chips go, the focus goes to the events.
    el.themes = [base.themes[0]!.id];
    await el.updateComplete;
    await press($(el, "[part=reset]")!);
    expect(el.themes).toEqual([]);
    expect(el.shadowRoot!.activeElement!.id).toBe("main");
  });
});

describe("<ca-timeline> filter boxes follow the filters", () => {
  it("unticks a box the visitor ticked when its chip, reset or the property removes the filter", async () => {
    const el = await mount({ lang: "en" }, { events: base });
    const box = () => $<HTMLInputElement>(el, 'input[name="themes"]')!;
    // Ticked by the visitor (its checkedness is then the property's, not the attribute's).
    await userEvent.click(box());
    await el.updateComplete;
    expect(el.themes).toEqual([box().value]);
    expect(box().checked).toBe(true);
    $(el, "[part=chip]")!.click();
    await el.updateComplete;
    expect(el.themes).toEqual([]);
    expect(box().checked).toBe(false);
    // Set from outside, and cleared by reset.
    el.themes = [box().value];
    await el.updateComplete;
    expect(box().checked).toBe(true);
    $(el, "[part=reset]")!.click();
    await el.updateComplete;
    expect(box().checked).toBe(false);
  });
});

describe("<ca-timeline> keyboard, language and colour scheme", () => {
  it("has a skip link past the filters and one past the whole element", async () => {
    const el = await mount({ lang: "en" }, { events: base });
    const [toEvents, past] = $$(el, "[part=skip-link]");
    expect([toEvents!.textContent, past!.textContent]).toEqual([
      "Skip to the events",
      "Skip past the timeline",
    ]);
    // First in the tab order.
    document.body.focus();
    await userEvent.keyboard("{Tab}");
    expect(el.shadowRoot!.activeElement).toBe(toEvents);
    expect(toEvents!.getBoundingClientRect().width).toBeGreaterThan(10);
    await userEvent.keyboard("{Enter}");
    expect(el.shadowRoot!.activeElement!.id).toBe("main");
    await userEvent.keyboard("{Tab}");
    expect(el.shadowRoot!.activeElement!.classList.contains("head")).toBe(true);
    // Past the element: the next Tab reaches what follows it on the page.
    const after = document.createElement("a");
    after.href = "#after";
    after.textContent = "after";
    el.after(after);
    past!.focus();
    await userEvent.keyboard("{Enter}");
    expect(el.shadowRoot!.activeElement!.id).toBe("end");
    expect($(el, "#end")!.getBoundingClientRect().width).toBeGreaterThan(100);
    await userEvent.keyboard("{Tab}");
    expect(document.activeElement).toBe(after);
    // And back into the element, on its last event, with Shift+Tab; the end mark is out of the tab order.
    await userEvent.keyboard("{Shift>}{Tab}{/Shift}");
    expect(el.shadowRoot!.activeElement).toBe($$(el, ".head").at(-1));
    expect(await axeViolations()).toEqual([]);
  });

  it("switches language with a visible DE/EN switch, kept in the URL with sync-url, hidden by no-lang-switch", async () => {
    const el = await mount({ lang: "en", "sync-url": "" }, { events: base });
    const [de, en] = $$(el, "[part=lang-switch] button");
    expect([de!.textContent, en!.getAttribute("aria-pressed")]).toEqual(["DE", "true"]);
    de!.click();
    await el.updateComplete;
    expect(el.getAttribute("lang")).toBe("de");
    expect($(el, "[role=status]")!.textContent).toBe(`${index.size} Ereignisse`);
    expect(new URLSearchParams(location.search).get("lang")).toBe("de");
    expect(await axeViolations()).toEqual([]);
    // A shared link opens in its language.
    history.replaceState(null, "", "?lang=de");
    const linked = await mount({ "sync-url": "", lang: "en" }, { events: base });
    expect(linked.lang).toBe("de");
    const hidden = await mount({ lang: "en", "no-lang-switch": "" }, { events: base });
    expect($(hidden, "[part=lang-switch]")).toBeNull();
  });

  it("follows the page's declared colour scheme, not the system's, unless color-scheme says otherwise", async () => {
    const el = await mount({ lang: "en" }, { events: base });
    expect($(el, ".root")!.classList.contains("dark")).toBe(false);
    document.documentElement.style.colorScheme = "dark";
    // The page's scheme is read when the element is added to the page.
    el.remove();
    document.body.append(el);
    await el.updateComplete;
    expect($(el, ".root")!.classList.contains("dark")).toBe(true);
    expect(getComputedStyle($(el, ".root")!).colorScheme).toBe("dark");
    // Following the page, the element's box has no padding of its own.
    expect(getComputedStyle($(el, ".root")!).paddingLeft).toBe("0px");
    $(el, ".head")!.click();
    await el.updateComplete;
    // Let the hover/background transitions of the scheme switch finish.
    await new Promise((r) => setTimeout(r, 300));
    expect(await axeViolations()).toEqual([]);
    el.setAttribute("color-scheme", "light");
    await el.updateComplete;
    expect($(el, ".root")!.classList.contains("dark")).toBe(false);
    // A scheme of its own (here light on a dark page): its controls keep off the box's edges.
    expect(parseFloat(getComputedStyle($(el, ".root")!).paddingLeft)).toBeGreaterThan(8);
    // "light dark" on the page (or color-scheme="auto") follows the visitor's system setting.
    document.documentElement.style.colorScheme = "light dark";
    el.setAttribute("color-scheme", "auto");
    await el.updateComplete;
    expect($(el, ".root")!.classList.contains("dark")).toBe(
      matchMedia("(prefers-color-scheme: dark)").matches,
    );
  });
});

describe("<ca-timeline> the open event", () => {
  it("opens in a visible container with a Copy link action when sync-url is on; German titles carry lang", async () => {
    const writeText = vi.fn(async () => {});
    vi.stubGlobal("navigator", { ...navigator, clipboard: { writeText } });
    const [model] = base.events;
    const event: TimelineEvent = {
      ...model!,
      slug: "german-source",
      sources: [{ url: "https://example.org/a", title: "Neuer Blick auf Zentralasien" }],
    };
    const el = await mount({ lang: "en", "sync-url": "" }, { events: [event] });
    $(el, ".head")!.click();
    await el.updateComplete;
    const details = $(el, "[part=details]")!;
    const style = getComputedStyle(details);
    expect(style.borderTopStyle).toBe("solid");
    expect(style.backgroundColor).not.toBe("rgba(0, 0, 0, 0)");
    expect(details.querySelector('a [lang="de"]')!.textContent).toBe(
      "Neuer Blick auf Zentralasien",
    );
    details.querySelector<HTMLElement>("[part=copy-link]")!.click();
    await until(() => details.textContent!.includes("Link copied"));
    expect(writeText).toHaveBeenCalledWith(location.href);
    expect(new URL(location.href).searchParams.get("event")).toBe("german-source");
    expect(await axeViolations()).toEqual([]);
    const plain = await mount({ lang: "en" }, { events: [event] });
    $(plain, ".head")!.click();
    await plain.updateComplete;
    expect($(plain, "[part=copy-link]")).toBeNull();
  });

  it("opens the new event for a retired slug in a link, and names an unknown one", async () => {
    const data = { ...base, retired: { "old-slug": index.events[7]!.slug } };
    history.replaceState(null, "", "?event=old-slug");
    const el = await mount({ lang: "en", "sync-url": "" }, { events: data });
    expect(
      el.shadowRoot!.querySelector(`[data-event-slug="${index.events[7]!.slug}"] [part=details]`),
    ).not.toBeNull();
    await until(() => new URLSearchParams(location.search).get("event") === index.events[7]!.slug);
    history.replaceState(null, "", "?event=nowhere");
    const missing = await mount({ lang: "en", "sync-url": "" }, { events: data });
    expect($(missing, ".note")!.textContent).toBe("Not found, ignored: event: nowhere");
  });
});

describe("<ca-timeline> loading and errors fit the layout", () => {
  it("says Loading events… once, and shows an error across the whole width", async () => {
    let fail: (r: Response) => void = () => {};
    vi.stubGlobal("fetch", () => new Promise<Response>((resolve) => (fail = resolve)));
    const el = await mount({ lang: "en", src: "https://x.test/events.json" });
    const text = el.shadowRoot!.textContent!;
    expect(text.split("Loading events…").length - 1).toBe(1);
    expect($(el, ".filters")).toBeNull();
    fail(new Response("nope", { status: 500 }));
    await until(() => $(el, "[role=alert]") !== null);
    const alert = $(el, "[role=alert]")!;
    expect(alert.closest(".layout")).toBeNull();
    expect(alert.getBoundingClientRect().width).toBeGreaterThan(
      el.getBoundingClientRect().width - 2,
    );
    expect(await axeViolations()).toEqual([]);
  });
});
