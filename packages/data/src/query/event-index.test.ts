import { describe, expect, it } from "vitest";
import { syntheticDataset } from "../testing/index.ts";
import type { TimelineEvent } from "../types.ts";
import { QueryError } from "./errors.ts";
import { EventIndex } from "./event-index.ts";
import { foldText } from "./fold.ts";
import { createIndex, facetEvents, filterEvents, searchEvents } from "./index.ts";

function event(
  slug: string,
  date: string,
  start: string,
  end: string,
  extra: Partial<TimelineEvent> = {},
): TimelineEvent {
  return {
    slug,
    date,
    start,
    end,
    precision: date.length === 4 ? "year" : date.length === 7 ? "month" : "day",
    status: "held",
    type: "summit",
    themes: ["security"],
    actors: ["KZ"],
    places: [],
    title: { de: `Titel ${slug}`, en: `Title ${slug}` },
    summary: { de: "Zusammenfassung.", en: "Summary." },
    sources: [{ document: "doc" }],
    ...extra,
  };
}

const EVENTS: TimelineEvent[] = [
  event("berlin-2023", "2023-09-29", "2023-09-29", "2023-09-29", {
    themes: ["economy", "people"],
    actors: ["DE", "KZ", "UZ"],
    title: { de: "Gipfel im Kanzleramt mit dem Außenminister", en: "Summit at the Chancellery" },
  }),
  event("year-2022", "2022", "2022-01-01", "2022-12-31", {
    type: "crisis",
    themes: ["security"],
    actors: ["KZ"],
  }),
  event("month-2022", "2022-03", "2022-03-01", "2022-03-31", {
    type: "forum",
    themes: ["economy"],
    actors: ["EU"],
  }),
  event("samarkand-2025", "2025-04-03/2025-04-04", "2025-04-03", "2025-04-04", {
    themes: ["economy", "security"],
    actors: ["EU", "UZ"],
    places: [{ name: { de: "Samarkand", en: "Samarkand" }, country: "UZ" }],
    title: { de: "EU-Zentralasien-Gipfel", en: "EU–Central Asia summit" },
  }),
  event("side-2023", "2023-09-29", "2023-09-29", "2023-09-29", {
    type: "forum",
    partOf: "berlin-2023",
    themes: ["economy"],
    actors: ["DE"],
    summary: { de: "Wirtschaftsforum am Rande", en: "Business forum on the sidelines" },
  }),
];

const index = new EventIndex(EVENTS);
const slugs = (list: readonly TimelineEvent[]) => list.map((e) => e.slug);

describe("EventIndex.filter", () => {
  it("keeps every event in date order without a filter", () => {
    expect(slugs(index.filter())).toEqual([
      "year-2022",
      "month-2022",
      "berlin-2023",
      "side-2023",
      "samarkand-2025",
    ]);
    expect(slugs(index.filter({ themes: [], search: "  " }))).toHaveLength(5);
  });

  it("ORs within a field and ANDs across fields", () => {
    expect(slugs(index.filter({ actors: ["EU", "DE"] }))).toEqual([
      "month-2022",
      "berlin-2023",
      "side-2023",
      "samarkand-2025",
    ]);
    expect(slugs(index.filter({ actors: ["EU", "DE"], types: ["forum"] }))).toEqual([
      "month-2022",
      "side-2023",
    ]);
    expect(
      slugs(index.filter({ actors: ["EU", "DE"], types: ["forum"], themes: ["security"] })),
    ).toEqual([]);
  });

  it("keeps events that overlap the date range, at every precision of the bound", () => {
    // from: keeps events that end on or after its first day; to: that start on or before its last day.
    expect(slugs(index.filter({ from: "2022-06" }))).toEqual([
      "year-2022",
      "berlin-2023",
      "side-2023",
      "samarkand-2025",
    ]);
    expect(slugs(index.filter({ to: "2022-02" }))).toEqual(["year-2022"]);
    expect(slugs(index.filter({ from: "2022-03-31", to: "2022-03-31" }))).toEqual([
      "year-2022",
      "month-2022",
    ]);
    expect(slugs(index.filter({ from: "2025-04-04", to: "2025" }))).toEqual(["samarkand-2025"]);
    expect(slugs(index.filter({ from: "2023", to: "2023" }))).toEqual(["berlin-2023", "side-2023"]);
  });

  it("searches both languages, case-, accent- and ß/ss-insensitively, all words required", () => {
    expect(slugs(index.filter({ search: "aussenminister" }))).toEqual(["berlin-2023"]);
    expect(slugs(index.filter({ search: "AUSSENMINISTER" }))).toEqual(["berlin-2023"]);
    expect(slugs(index.filter({ search: "Chancellery" }))).toEqual(["berlin-2023"]);
    expect(slugs(index.filter({ search: "minister" }))).toEqual(["berlin-2023"]);
    expect(slugs(index.filter({ search: "gipfel samarkand" }))).toEqual(["samarkand-2025"]);
    expect(slugs(index.filter({ search: "sidelines forum" }))).toEqual(["side-2023"]);
    expect(slugs(index.filter({ search: "gipfel nowhere" }))).toEqual([]);
  });

  it("builds the word index once, on the first search or when asked, with the same results", () => {
    const lazy = new EventIndex(EVENTS);
    const prepared = new EventIndex(EVENTS);
    prepared.prepareSearch();
    prepared.prepareSearch();
    for (const search of ["aussenminister", "gipfel samarkand", "sidelines", "nowhere"]) {
      expect(slugs(lazy.filter({ search })), search).toEqual(slugs(prepared.filter({ search })));
      expect(slugs(lazy.filter({ search })), search).toEqual(slugs(index.filter({ search })));
    }
  });

  it("combines search with the other fields", () => {
    expect(slugs(index.filter({ search: "gipfel", actors: ["DE"] }))).toEqual(["berlin-2023"]);
  });
});

describe("EventIndex: bad filters are errors that name the argument", () => {
  it.each([
    [{ from: "2022-13" }, "filter.from", /"2022-13" is not a date/],
    [{ to: "yesterday" }, "filter.to", /not a date/],
    [{ from: "2024", to: "2023" }, "filter.from", /after filter.to/],
    [{ themes: ["weather"] }, "filter.themes", /unknown id "weather"/],
    [{ actors: ["XX", "YY"] }, "filter.actors", /unknown ids "XX", "YY"/],
    [{ search: "x".repeat(201) }, "filter.search", /longer than 200/],
  ])("%j", (filter, argument, message) => {
    try {
      index.filter(filter);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(QueryError);
      expect((error as QueryError).argument).toBe(argument);
      expect((error as QueryError).message).toMatch(message);
    }
  });

  it("validates against the vocabulary when one is given", () => {
    const withVocabulary = new EventIndex(EVENTS, {
      vocabulary: { themes: [{ id: "security" }, { id: "unused" }], eventTypes: [], actors: [] },
    });
    expect(withVocabulary.filter({ themes: ["unused"] })).toEqual([]);
    expect(() => withVocabulary.filter({ themes: ["economy"] })).toThrow(QueryError);
  });
});

describe("EventIndex.query: order and cursor pagination", () => {
  const big = new EventIndex(syntheticDataset(2_000, { seed: 7 }).events);

  it("walks every event exactly once, in order, forwards and backwards, in both orders", () => {
    for (const orderBy of ["DATE_ASC", "DATE_DESC"] as const) {
      const filter = { themes: ["security", "migration"] };
      const expected = slugs(big.filter(filter));
      if (orderBy === "DATE_DESC") expected.reverse();
      const forward: string[] = [];
      let after: string | null = null;
      for (;;) {
        const page = big.query({ filter, orderBy, first: 37, after });
        forward.push(...slugs(page.events));
        expect(page.totalCount).toBe(expected.length);
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(forward).toEqual(expected);
      const backward: string[] = [];
      let before: string | null = null;
      for (;;) {
        const page = big.query({ filter, orderBy, last: 41, before });
        backward.unshift(...slugs(page.events));
        if (!page.pageInfo.hasPreviousPage) break;
        before = page.pageInfo.startCursor;
      }
      expect(backward).toEqual(expected);
    }
  });

  it("reports page info and cursors for a page in the middle", () => {
    const all = index.query();
    expect(all.cursors).toHaveLength(5);
    const page = index.query({ first: 2, after: all.cursors[0] });
    expect(slugs(page.events)).toEqual(["month-2022", "berlin-2023"]);
    expect(page.pageInfo).toEqual({
      hasPreviousPage: true,
      hasNextPage: true,
      startCursor: all.cursors[1],
      endCursor: all.cursors[2],
    });
    const between = index.query({ after: all.cursors[0], before: all.cursors[4] });
    expect(slugs(between.events)).toEqual(["month-2022", "berlin-2023", "side-2023"]);
    const desc = index.query({ orderBy: "DATE_DESC", first: 2 });
    expect(slugs(desc.events)).toEqual(["samarkand-2025", "side-2023"]);
  });

  it("keeps working when the cursor's event is filtered out", () => {
    const all = index.query();
    const page = index.query({ filter: { types: ["forum"] }, after: all.cursors[2] });
    expect(slugs(page.events)).toEqual(["side-2023"]);
  });

  it("returns an empty page for first: 0 and rejects bad sizes and cursors", () => {
    expect(index.query({ first: 0 }).events).toEqual([]);
    const limited = new EventIndex(EVENTS, { maxPageSize: 100 });
    expect(() => limited.query({ first: 101 })).toThrow(/first: must be at most 100, got 101/);
    expect(() => index.query({ last: -1 })).toThrow(/last: must be a whole number ≥ 0/);
    expect(() => index.query({ first: 1.5 })).toThrow(QueryError);
    expect(() => index.query({ after: "bm9wZQ" })).toThrow(/after: "bm9wZQ" is not a cursor/);
    expect(() => index.query({ before: "!!!" })).toThrow(/before: .* is not a cursor/);
  });
});

describe("EventIndex.facets", () => {
  it("counts themes, types, actors and start years over the filtered set", () => {
    const facets = index.facets({ actors: ["DE", "UZ"] });
    expect(facets.themes).toEqual(
      expect.arrayContaining([
        { id: "economy", count: 3 },
        { id: "people", count: 1 },
        { id: "security", count: 1 },
      ]),
    );
    expect(facets.types).toEqual(
      expect.arrayContaining([
        { id: "summit", count: 2 },
        { id: "forum", count: 1 },
        { id: "crisis", count: 0 },
      ]),
    );
    expect(facets.actors[0]).toEqual({ id: "DE", count: 2 });
    expect(facets.years).toEqual([
      { year: 2022, count: 0 },
      { year: 2023, count: 2 },
      { year: 2024, count: 0 },
      { year: 2025, count: 1 },
    ]);
  });

  it("agrees with filter() for every value", () => {
    const big = new EventIndex(syntheticDataset(500, { seed: 3 }).events);
    const filter = { search: "energy", from: "2010" };
    const matched = big.filter(filter);
    const facets = big.facets(filter);
    for (const { id, count } of facets.themes) {
      expect(count).toBe(matched.filter((e) => e.themes.includes(id)).length);
    }
    expect(facets.years.reduce((sum, y) => sum + y.count, 0)).toBe(matched.length);
  });
});

describe("convenience helpers", () => {
  it("filter, search and facet a plain array of events", () => {
    expect(slugs(filterEvents(EVENTS, { types: ["crisis"] }))).toEqual(["year-2022"]);
    expect(slugs(searchEvents(EVENTS, "Kanzleramt"))).toEqual(["berlin-2023"]);
    expect(facetEvents(EVENTS).types.find((t) => t.id === "forum")?.count).toBe(2);
  });

  it("createIndex makes actor names searchable in both languages", () => {
    const dataset = {
      themes: [
        { id: "security", label: { de: "Sicherheit", en: "Security" } },
        { id: "economy", label: { de: "W", en: "E" } },
        { id: "people", label: { de: "M", en: "P" } },
      ],
      eventTypes: [
        { id: "summit", label: { de: "Gipfel", en: "Summit" } },
        { id: "crisis", label: { de: "K", en: "C" } },
        { id: "forum", label: { de: "F", en: "F" } },
      ],
      actors: ["KZ", "DE", "UZ", "EU"].map((id) => ({
        id,
        kind: "state" as const,
        name: { de: id === "KZ" ? "Kasachstan" : id, en: id === "KZ" ? "Kazakhstan" : id },
      })),
      documents: [],
      events: EVENTS,
    };
    const withNames = createIndex(dataset);
    expect(slugs(withNames.filter({ search: "kasachstan" }))).toEqual(["year-2022", "berlin-2023"]);
    expect(slugs(withNames.filter({ search: "KAZAKHSTAN" }))).toEqual(["year-2022", "berlin-2023"]);
  });

  it("search is the same as a brute-force scan of folded text", () => {
    const events = syntheticDataset(300, { seed: 11 }).events;
    const big = new EventIndex(events);
    for (const term of ["außen", "AUSSEN", "ergiepartner", "glacier", "Taschkent", "ASGABAT"]) {
      const folded = foldText(term);
      const expected = events
        .filter((e) =>
          foldText(
            [
              e.title.de,
              e.title.en,
              e.summary.de,
              e.summary.en,
              ...(e.notes ? [e.notes.de, e.notes.en] : []),
              ...e.places.flatMap((p) => [p.name.de, p.name.en]),
              ...e.actors,
            ].join(" "),
          ).includes(folded),
        )
        .map((e) => e.slug)
        .sort();
      expect(expected.length, term).toBeGreaterThan(0);
      expect(slugs(big.filter({ search: term })).sort(), term).toEqual(expected);
    }
  });
});
