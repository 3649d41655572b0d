import type { TimelineEvent } from "../types.ts";
import { hasBit, intersectInto, unionOf, wordsFor } from "./bitset.ts";
import { checkFilter } from "./check-filter.ts";
import { countFacets } from "./facets.ts";
import { orderKey } from "./order.ts";
import { SearchIndex } from "./search-index.ts";
import {
  type EventFilter,
  type Facets,
  ID_FIELDS,
  type IdField,
  type IndexOptions,
} from "./types.ts";

/**
 * The query semantics without pagination (filter, search, order, facets): what the widget needs, in
 * fewer bytes (`@ca-timeline/data/query/filter`). EventIndex adds cursor pagination. Built once per
 * dataset: per-value posting lists, a word index for search, and events kept in date order so that
 * date bounds are binary searches.
 */
export class FilterIndex {
  /** All events in date order (DATE_ASC). */
  readonly events: readonly TimelineEvent[];
  /** Each event's order key (DATE_ASC), parallel to `events`. */
  protected readonly keys: string[];
  readonly #starts: string[];
  readonly #ends: string[];
  readonly #bySlug = new Map<string, number>();
  readonly #postings: Record<IdField, Map<string, Uint32Array>>;
  readonly #search: SearchIndex;
  readonly #known: Record<IdField, string[]>;
  readonly #parts = new Map<string, TimelineEvent[]>();
  readonly #years: { first: number; last: number } | undefined;
  readonly #maxSearchLength: number;
  #all: number[] | undefined;

  constructor(
    events: readonly TimelineEvent[],
    options: IndexOptions & { actorNames?: Map<string, string> } = {},
  ) {
    // Sort once by precomputed keys rather than building two keys per comparison.
    const keyed = events.map((event) => ({ event, key: orderKey(event) }));
    keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const sorted = keyed.map((k) => k.event);
    this.events = sorted;
    this.keys = keyed.map((k) => k.key);
    this.#starts = sorted.map((e) => e.start);
    this.#ends = sorted.map((e) => e.end);
    this.#maxSearchLength = options.maxSearchLength ?? 200;
    this.#search = new SearchIndex(sorted, options.actorNames ?? new Map());

    const lists: Record<IdField, Map<string, number[]>> = {
      themes: new Map(),
      types: new Map(),
      actors: new Map(),
    };
    const add = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
      const list = map.get(key);
      if (list) list.push(value);
      else map.set(key, [value]);
    };
    sorted.forEach((event, position) => {
      this.#bySlug.set(event.slug, position);
      for (const theme of event.themes) add(lists.themes, theme, position);
      add(lists.types, event.type, position);
      for (const actor of event.actors) add(lists.actors, actor, position);
    });
    for (const event of sorted) if (event.partOf) add(this.#parts, event.partOf, event);
    const freeze = (map: Map<string, number[]>) =>
      new Map([...map].map(([key, list]) => [key, Uint32Array.from(list)]));
    this.#postings = {
      themes: freeze(lists.themes),
      types: freeze(lists.types),
      actors: freeze(lists.actors),
    };
    const vocabulary = options.vocabulary;
    this.#known = {
      themes: vocabulary ? vocabulary.themes.map((t) => t.id) : [...lists.themes.keys()].sort(),
      types: vocabulary ? vocabulary.eventTypes.map((t) => t.id) : [...lists.types.keys()].sort(),
      actors: vocabulary ? vocabulary.actors.map((a) => a.id) : [...lists.actors.keys()].sort(),
    };
    if (sorted.length > 0) {
      const lastYear = this.#ends.reduce((max, end) => Math.max(max, Number(end.slice(0, 4))), 0);
      this.#years = { first: Number(sorted[0]!.start.slice(0, 4)), last: lastYear };
    }
  }

  /**
   * Builds the word index for search now. It is otherwise built by the first search, so an index that is
   * never searched never pays for it; call this when there is time to spare (e.g. after a first render).
   */
  prepareSearch(): void {
    this.#search.prepare();
  }

  get size(): number {
    return this.events.length;
  }

  /** The event with this slug, if any. */
  get(slug: string): TimelineEvent | undefined {
    const position = this.#bySlug.get(slug);
    return position === undefined ? undefined : this.events[position];
  }

  /** The events whose `partOf` is this slug, in date order. */
  parts(slug: string): readonly TimelineEvent[] {
    return this.#parts.get(slug) ?? [];
  }

  /** Positions (in date order) of the events a filter keeps. Throws QueryError for a bad filter. */
  protected match(filter: EventFilter | null | undefined): number[] {
    const { fromDay, toDay, terms } = checkFilter(filter, this.#known, this.#maxSearchLength);
    const n = this.events.length;
    const words = wordsFor(n);
    let mask: Uint32Array | undefined;
    for (const field of ID_FIELDS) {
      const values = filter?.[field];
      if (!values || values.length === 0) continue;
      mask = intersectInto(
        mask,
        unionOf(
          values.map((v) => this.#postings[field].get(v)),
          words,
        ),
      );
    }
    for (const term of terms) mask = intersectInto(mask, this.#search.termSet(term));
    if (!mask && fromDay === undefined && toDay === undefined) {
      this.#all ??= Array.from({ length: n }, (_, i) => i);
      return this.#all;
    }
    // Events are in start order: those that start on or before `to` form a prefix.
    const limit = toDay === undefined ? n : upperBound(this.#starts, toDay);
    const out: number[] = [];
    const ends = this.#ends;
    for (let p = 0; p < limit; p++) {
      if (mask && !hasBit(mask, p)) continue;
      if (fromDay !== undefined && ends[p]! < fromDay) continue;
      out.push(p);
    }
    return out;
  }

  /** The events a filter keeps, in date order. */
  filter(filter?: EventFilter | null): TimelineEvent[] {
    return this.match(filter).map((p) => this.events[p]!);
  }

  /** How many events a filter keeps. */
  count(filter?: EventFilter | null): number {
    return this.match(filter).length;
  }

  /** Counts per theme, type, actor and year over the events a filter keeps (all known ids, zeros too). */
  facets(filter?: EventFilter | null): Facets {
    return countFacets(this.match(filter), this.events, this.#known, this.#years);
  }
}

/** First index whose value is greater than `value` in an ascending array. */
function upperBound(values: readonly string[], value: string): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
