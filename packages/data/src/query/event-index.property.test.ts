import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { events as realEvents } from "../index.ts";
import { syntheticDataset } from "../testing/index.ts";
import type { TimelineEvent } from "../types.ts";
import { EventIndex } from "./event-index.ts";
import { foldedWords } from "./fold.ts";
import type { EventFilter, EventPage } from "./types.ts";

const dataset = syntheticDataset(600, { seed: 5 });
const synthetic = dataset.events;
const SYNTHETIC_THEMES = dataset.themes.map((t) => t.id);
const SYNTHETIC_TYPES = dataset.eventTypes.map((t) => t.id);
const SYNTHETIC_ACTORS = dataset.actors.map((a) => a.id);
const index = new EventIndex(synthetic);
const realIndex = new EventIndex(realEvents);

const slugs = (list: readonly TimelineEvent[]) => list.map((e) => e.slug);
const subset = <T>(values: readonly T[]) => fc.subarray([...values], { maxLength: 3 });
const year = fc.integer({ min: 2005, max: 2028 }).map(String);
const bound = fc.oneof(
  year,
  fc
    .tuple(year, fc.integer({ min: 1, max: 12 }))
    .map(([y, m]) => `${y}-${String(m).padStart(2, "0")}`),
  fc
    .tuple(year, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
    .map(([y, m, d]) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`),
);
const words = [
  ...new Set(synthetic.flatMap((e) => foldedWords(`${e.title.de} ${e.summary.en}`))),
].filter((w) => !/^\d+$/.test(w));
const searchText = fc.subarray(words, { minLength: 1, maxLength: 2 }).map((w) => w.join(" "));

/** Filters that are valid for the synthetic index (from ≤ to is ensured by the caller). */
const filterArb: fc.Arbitrary<EventFilter> = fc.record(
  {
    themes: subset(SYNTHETIC_THEMES),
    types: subset(SYNTHETIC_TYPES),
    actors: subset(SYNTHETIC_ACTORS),
    from: bound,
    to: bound,
    search: searchText,
  },
  { requiredKeys: [] },
);

function valid(filter: EventFilter): EventFilter {
  // An inverted range is an error by design; keep generated ranges ordered.
  if (filter.from && filter.to && filter.from.slice(0, 4) > filter.to.slice(0, 4)) {
    return { ...filter, from: filter.to, to: filter.from };
  }
  if (filter.from && filter.to && filter.from.slice(0, 4) === filter.to.slice(0, 4)) {
    return { ...filter, to: undefined };
  }
  return filter;
}

// Each property checks at most NUM_RUNS generated cases (about 0.1 s here) and gets an explicit budget far
// above that, so that a loaded machine (parallel test runs on two cores) does not hit vitest's 5 s default.
// fast-check prints the seed and path of a failure; rerun it with `{ seed, path }` in the options.
const NUM_RUNS = 100;
const BUDGET_MS = 60_000;

describe("query semantics, property-based", { timeout: BUDGET_MS }, () => {
  it("AND across fields equals the intersection of the single-field results", () => {
    fc.assert(
      fc.property(filterArb.map(valid), (filter) => {
        const combined = new Set(slugs(index.filter(filter)));
        let expected: Set<string> | undefined;
        for (const [key, value] of Object.entries(filter)) {
          if (value === undefined) continue;
          const part = new Set(slugs(index.filter({ [key]: value })));
          expected = expected ? new Set([...expected].filter((s) => part.has(s))) : part;
        }
        expected ??= new Set(slugs(index.filter()));
        expect([...combined].sort()).toEqual([...expected].sort());
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it("OR within a field equals the union of the single-value results", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("themes", "types", "actors" as const),
        fc.subarray(SYNTHETIC_THEMES, { minLength: 1 }),
        fc.subarray(SYNTHETIC_TYPES, { minLength: 1 }),
        fc.subarray(SYNTHETIC_ACTORS, { minLength: 1 }),
        (field, themes, types, actors) => {
          const values = { themes, types, actors }[field];
          const union = new Set(values.flatMap((v) => slugs(index.filter({ [field]: [v] }))));
          expect(slugs(index.filter({ [field]: values })).sort()).toEqual([...union].sort());
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it("pagination never skips or repeats an event, in either direction and order", () => {
    fc.assert(
      fc.property(
        filterArb.map(valid),
        fc.integer({ min: 1, max: 60 }),
        fc.constantFrom("DATE_ASC", "DATE_DESC" as const),
        fc.boolean(),
        (filter, size, orderBy, backwards) => {
          const expected = slugs(index.filter(filter));
          if (orderBy === "DATE_DESC") expected.reverse();
          const seen: string[] = [];
          let cursor: string | null = null;
          for (let pages = 0; pages <= expected.length + 1; pages++) {
            const page: EventPage = backwards
              ? index.query({ filter, orderBy, last: size, before: cursor })
              : index.query({ filter, orderBy, first: size, after: cursor });
            expect(page.totalCount).toBe(expected.length);
            if (backwards) seen.unshift(...slugs(page.events));
            else seen.push(...slugs(page.events));
            const more = backwards ? page.pageInfo.hasPreviousPage : page.pageInfo.hasNextPage;
            if (!more) break;
            cursor = backwards ? page.pageInfo.startCursor : page.pageInfo.endCursor;
          }
          expect(seen).toEqual(expected);
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  /** Writes a word the way a visitor might: other case, ß for ss, accents on vowels. */
  const variant = (word: string) =>
    fc
      .tuple(fc.boolean(), fc.boolean(), fc.boolean(), fc.boolean())
      .map(([upper, eszett, accents, capital]) => {
        let text = word;
        if (eszett) text = text.replace(/ss/g, "ß");
        if (accents) text = text.replace(/[aeiou]/g, (v) => `${v}\u0301`).normalize("NFC");
        if (upper) text = text.toUpperCase();
        else if (capital) text = text.charAt(0).toUpperCase() + text.slice(1);
        return text;
      });

  it("search is invariant under case, accents and ß/ss (synthetic and real data)", () => {
    const realWords = [
      ...new Set(realEvents.flatMap((e) => foldedWords(`${e.title.de} ${e.title.en}`))),
    ].filter((w) => w.length > 3);
    for (const [idx, pool] of [
      [index, words],
      [realIndex, realWords],
    ] as const) {
      fc.assert(
        fc.property(
          fc.constantFrom(...pool).chain((word) => fc.tuple(fc.constant(word), variant(word))),
          ([word, written]) => {
            expect(slugs(idx.filter({ search: written }))).toEqual(
              slugs(idx.filter({ search: word })),
            );
            expect(idx.count({ search: word })).toBeGreaterThan(0);
          },
        ),
        { numRuns: NUM_RUNS },
      );
    }
  });

  it("facet counts always agree with the filtered events", () => {
    fc.assert(
      fc.property(filterArb.map(valid), (filter) => {
        const matched = index.filter(filter);
        const facets = index.facets(filter);
        for (const { id, count } of facets.actors) {
          expect(count).toBe(matched.filter((e) => e.actors.includes(id)).length);
        }
        for (const { id, count } of facets.types) {
          expect(count).toBe(matched.filter((e) => e.type === id).length);
        }
        expect(facets.years.reduce((sum, y) => sum + y.count, 0)).toBe(matched.length);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
