import { resolveBound } from "../edtf.ts";
import type { Actor, EventType, Lang, Theme, TimelineEvent } from "../types.ts";
import { QueryError } from "./errors.ts";
import { foldedWords, searchTerms } from "./fold.ts";
import { type EventOrder, orderKey } from "./order.ts";

/** Which events to keep. OR within one list, AND across fields; empty lists and blank search keep all. */
export interface EventFilter {
  /** `2022`, `2022-03` or `2022-03-15`: keeps events that end on or after its first day. */
  from?: string | null;
  /** Keeps events that start on or before its last day. */
  to?: string | null;
  themes?: readonly string[] | null;
  types?: readonly string[] | null;
  actors?: readonly string[] | null;
  /** Words that must all occur (in either language; case-, accent- and ß/ss-insensitive). */
  search?: string | null;
}

export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export interface QueryOptions extends PageArgs {
  filter?: EventFilter | null;
  orderBy?: EventOrder | null;
}

export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface EventPage {
  /** The events of this page, in the requested order. */
  events: TimelineEvent[];
  /** Each event's cursor, parallel to `events`. */
  cursors: string[];
  /** How many events match the filter, over all pages. */
  totalCount: number;
  pageInfo: PageInfo;
}

export interface FacetCount {
  id: string;
  count: number;
}

export interface YearCount {
  year: number;
  count: number;
}

/** Counts per theme, type, actor and year (of the first day) over the events a filter keeps. */
export interface Facets {
  themes: FacetCount[];
  types: FacetCount[];
  actors: FacetCount[];
  years: YearCount[];
}

export interface Vocabulary {
  themes: readonly Pick<Theme, "id">[];
  eventTypes: readonly Pick<EventType, "id">[];
  actors: readonly Pick<Actor, "id">[];
}

export interface IndexOptions {
  /** Known ids; unknown ids in a filter are errors. Defaults to the ids the events use. */
  vocabulary?: Vocabulary;
  /** Largest `first`/`last` accepted; none by default. */
  maxPageSize?: number;
  /** Longest search string accepted, in characters. Default 200. */
  maxSearchLength?: number;
}

type Field = "themes" | "types" | "actors";

const CURSOR_PREFIX = "v1|";
/** How many search terms' event sets an index keeps (each is n/8 bytes: 12.5 KB at 100,000 events). */
const TERM_CACHE_SIZE = 256;

// Keys are ASCII (ISO days and slugs), so btoa/atob suffice, in Node and in browsers alike.
function encodeCursor(key: string): string {
  return btoa(CURSOR_PREFIX + key)
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

function decodeBase64Url(text: string): string {
  try {
    return atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  } catch {
    return "";
  }
}

/** Text an event is found by: titles, summaries, notes, place and actor names, in both languages. */
function searchableText(event: TimelineEvent, actorNames: Map<string, string>): string {
  const parts: string[] = [];
  for (const lang of ["de", "en"] satisfies Lang[]) {
    parts.push(event.title[lang], event.summary[lang]);
    if (event.notes) parts.push(event.notes[lang]);
    for (const place of event.places) parts.push(place.name[lang]);
  }
  for (const actor of event.actors) parts.push(actorNames.get(actor) ?? actor);
  return parts.join(" ");
}

/**
 * The one implementation of the query semantics (filter, search, order, cursor pagination, facets)
 * that the data package, the GraphQL schema and the widget share. Built once per dataset: per-value
 * posting lists, a word index for search, and events kept in date order so that date bounds are
 * binary searches and pages are slices.
 */
export class EventIndex {
  /** All events in date order (DATE_ASC). */
  readonly events: readonly TimelineEvent[];
  readonly #keys: string[];
  readonly #starts: string[];
  readonly #ends: string[];
  readonly #bySlug = new Map<string, number>();
  readonly #postings: Record<Field, Map<string, Uint32Array>>;
  readonly #actorNames: Map<string, string>;
  /** Folded word → positions of the events that contain it; built on the first search (folding is the costly part). */
  #words: Map<string, Uint32Array> | undefined;
  #wordList: string[] = [];
  readonly #known: Record<Field, string[]>;
  readonly #parts = new Map<string, TimelineEvent[]>();
  readonly #years: { first: number; last: number } | undefined;
  readonly #maxPageSize: number;
  readonly #maxSearchLength: number;
  readonly #termCache = new Map<string, Uint32Array>();
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
    this.#keys = keyed.map((k) => k.key);
    this.#starts = sorted.map((e) => e.start);
    this.#ends = sorted.map((e) => e.end);
    this.#maxPageSize = options.maxPageSize ?? Number.POSITIVE_INFINITY;
    this.#maxSearchLength = options.maxSearchLength ?? 200;

    const lists: Record<Field, Map<string, number[]>> = {
      themes: new Map(),
      types: new Map(),
      actors: new Map(),
    };
    const add = (map: Map<string, number[]>, key: string, position: number) => {
      const list = map.get(key);
      if (list) list.push(position);
      else map.set(key, [position]);
    };
    this.#actorNames = options.actorNames ?? new Map<string, string>();
    sorted.forEach((event, position) => {
      this.#bySlug.set(event.slug, position);
      for (const theme of event.themes) add(lists.themes, theme, position);
      add(lists.types, event.type, position);
      for (const actor of event.actors) add(lists.actors, actor, position);
      if (event.partOf) {
        const siblings = this.#parts.get(event.partOf);
        if (siblings) siblings.push(event);
        else this.#parts.set(event.partOf, [event]);
      }
    });
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
    if (this.#words) return;
    const lists = new Map<string, number[]>();
    const folded = new Map<string, string[]>();
    this.events.forEach((event, position) => {
      for (const word of new Set(foldedWords(searchableText(event, this.#actorNames), folded))) {
        const list = lists.get(word);
        if (list) list.push(position);
        else lists.set(word, [position]);
      }
    });
    this.#words = new Map([...lists].map(([word, list]) => [word, Uint32Array.from(list)]));
    this.#wordList = [...this.#words.keys()];
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

  /** Checks a filter and says what is wrong with it; returns the resolved bounds and terms. */
  #resolve(filter: EventFilter | null | undefined) {
    const from = filter?.from ?? undefined;
    const to = filter?.to ?? undefined;
    const fromDay = from === undefined ? undefined : resolveBound(from, "start");
    if (from !== undefined && fromDay === undefined) {
      throw new QueryError(
        "filter.from",
        `"${from}" is not a date; use YYYY, YYYY-MM or YYYY-MM-DD`,
      );
    }
    const toDay = to === undefined ? undefined : resolveBound(to, "end");
    if (to !== undefined && toDay === undefined) {
      throw new QueryError("filter.to", `"${to}" is not a date; use YYYY, YYYY-MM or YYYY-MM-DD`);
    }
    if (fromDay !== undefined && toDay !== undefined && fromDay > toDay) {
      throw new QueryError("filter.from", `"${from}" is after filter.to "${to}"`);
    }
    for (const field of ["themes", "types", "actors"] as const) {
      const values = filter?.[field];
      if (!values) continue;
      const known = this.#known[field];
      const unknown = values.filter((v) => !known.includes(v));
      if (unknown.length > 0) {
        throw new QueryError(
          `filter.${field}`,
          `unknown id${unknown.length > 1 ? "s" : ""} ${unknown.map((u) => `"${u}"`).join(", ")}; known: ${known.join(", ")}`,
        );
      }
    }
    const search = filter?.search ?? undefined;
    if (search !== undefined && search.length > this.#maxSearchLength) {
      throw new QueryError("filter.search", `is longer than ${this.#maxSearchLength} characters`);
    }
    return { fromDay, toDay, terms: searchTerms(search) };
  }

  /** Positions (in date order) of the events a filter keeps. Throws QueryError for a bad filter. */
  #match(filter: EventFilter | null | undefined): number[] {
    const { fromDay, toDay, terms } = this.#resolve(filter);
    const n = this.events.length;
    const words = (n + 31) >>> 5;
    let mask: Uint32Array | undefined;
    const intersect = (bits: Uint32Array) => {
      // The first set is copied: it may be a cached term set, which must stay as it is.
      if (!mask) mask = bits.slice();
      else for (let i = 0; i < words; i++) mask[i]! &= bits[i]!;
    };
    const union = (lists: Iterable<Uint32Array | undefined>) => {
      const bits = new Uint32Array(words);
      for (const list of lists) {
        if (!list) continue;
        for (let i = 0; i < list.length; i++) {
          const p = list[i]!;
          bits[p >>> 5]! |= 1 << (p & 31);
        }
      }
      return bits;
    };
    for (const field of ["themes", "types", "actors"] as const) {
      const values = filter?.[field];
      if (!values || values.length === 0) continue;
      intersect(union(values.map((v) => this.#postings[field].get(v))));
    }
    for (const term of terms) intersect(this.#termSet(term, union));
    if (!mask && fromDay === undefined && toDay === undefined) {
      this.#all ??= Array.from({ length: n }, (_, i) => i);
      return this.#all;
    }
    // Events are in start order: those that start on or before `to` form a prefix.
    const limit = toDay === undefined ? n : this.#upperBound(this.#starts, toDay);
    const out: number[] = [];
    const ends = this.#ends;
    const bits = mask;
    for (let p = 0; p < limit; p++) {
      if (bits && (bits[p >>> 5]! & (1 << (p & 31))) === 0) continue;
      if (fromDay !== undefined && ends[p]! < fromDay) continue;
      out.push(p);
    }
    return out;
  }

  /**
   * The events whose words contain `term` ("minister" finds "außenminister"), as a bit set. Finding the
   * words means scanning the whole word list, so recent terms are kept (bounded, least recently used out).
   */
  #termSet(
    term: string,
    union: (lists: Iterable<Uint32Array | undefined>) => Uint32Array,
  ): Uint32Array {
    let bits = this.#termCache.get(term);
    if (bits) {
      this.#termCache.delete(term);
    } else {
      this.prepareSearch();
      const words = this.#words!;
      bits = union(this.#wordList.filter((w) => w.includes(term)).map((w) => words.get(w)));
      if (this.#termCache.size >= TERM_CACHE_SIZE) {
        this.#termCache.delete(this.#termCache.keys().next().value!);
      }
    }
    this.#termCache.set(term, bits);
    return bits;
  }

  /** First index whose value is greater than `value` in an ascending array. */
  #upperBound(values: readonly string[], value: string): number {
    let lo = 0;
    let hi = values.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (values[mid]! <= value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The events a filter keeps, in date order. */
  filter(filter?: EventFilter | null): TimelineEvent[] {
    return this.#match(filter).map((p) => this.events[p]!);
  }

  /** How many events a filter keeps. */
  count(filter?: EventFilter | null): number {
    return this.#match(filter).length;
  }

  #decodeCursor(argument: string, cursor: string): string {
    const text = /^[A-Za-z0-9_-]{1,400}$/.test(cursor) ? decodeBase64Url(cursor) : "";
    const key = text.slice(CURSOR_PREFIX.length);
    if (
      !text.startsWith(CURSOR_PREFIX) ||
      !/^\d{4}-\d{2}-\d{2}\|\d{4}-\d{2}-\d{2}\|[a-z0-9-]+$/.test(key)
    ) {
      throw new QueryError(argument, `"${cursor.slice(0, 60)}" is not a cursor of this API`);
    }
    return key;
  }

  #pageSize(argument: "first" | "last", value: number | null | undefined): number | undefined {
    if (value === undefined || value === null) return undefined;
    if (!Number.isInteger(value) || value < 0) {
      throw new QueryError(argument, `must be a whole number ≥ 0, got ${value}`);
    }
    if (value > this.#maxPageSize) {
      throw new QueryError(argument, `must be at most ${this.#maxPageSize}, got ${value}`);
    }
    return value;
  }

  /** Filters, orders and pages events (Relay cursor connections: first/after, last/before). */
  query(options: QueryOptions = {}): EventPage {
    const first = this.#pageSize("first", options.first);
    const last = this.#pageSize("last", options.last);
    const after = options.after ? this.#decodeCursor("after", options.after) : undefined;
    const before = options.before ? this.#decodeCursor("before", options.before) : undefined;
    const positions = this.#match(options.filter);
    const descending = options.orderBy === "DATE_DESC";
    const count = positions.length;
    // Work in the requested order: index i of the ordered list is positions[at(i)].
    const at = descending ? (i: number) => count - 1 - i : (i: number) => i;
    const keyAt = (i: number) => this.#keys[positions[at(i)]!]!;
    const isAfter = descending ? (k: string, c: string) => k < c : (k: string, c: string) => k > c;
    // First ordered index whose key lies after the cursor (keys are monotonic in the requested order).
    const firstAfter = (cursor: string, inclusive: boolean) => {
      let lo = 0;
      let hi = count;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        const k = keyAt(mid);
        if (isAfter(k, cursor) || (inclusive && k === cursor)) hi = mid;
        else lo = mid + 1;
      }
      return lo;
    };
    let startIndex = after === undefined ? 0 : firstAfter(after, false);
    let endIndex = before === undefined ? count : firstAfter(before, true);
    if (endIndex < startIndex) endIndex = startIndex;
    if (first !== undefined) endIndex = Math.min(endIndex, startIndex + first);
    if (last !== undefined) startIndex = Math.max(startIndex, endIndex - last);
    const events: TimelineEvent[] = [];
    const cursors: string[] = [];
    for (let i = startIndex; i < endIndex; i++) {
      const position = positions[at(i)]!;
      events.push(this.events[position]!);
      cursors.push(encodeCursor(this.#keys[position]!));
    }
    return {
      events,
      cursors,
      totalCount: count,
      pageInfo: {
        hasNextPage: endIndex < count,
        hasPreviousPage: startIndex > 0,
        startCursor: cursors[0] ?? null,
        endCursor: cursors[cursors.length - 1] ?? null,
      },
    };
  }

  /** Counts per theme, type, actor and year over the events a filter keeps (all known ids, zeros too). */
  facets(filter?: EventFilter | null): Facets {
    const positions = this.#match(filter);
    const tally = (field: Field) => new Map(this.#known[field].map((id) => [id, 0]));
    const themes = tally("themes");
    const types = tally("types");
    const actors = tally("actors");
    const years = new Map<number, number>();
    if (this.#years) for (let y = this.#years.first; y <= this.#years.last; y++) years.set(y, 0);
    const bump = (map: Map<string, number>, id: string) => map.set(id, (map.get(id) ?? 0) + 1);
    for (const p of positions) {
      const event = this.events[p]!;
      for (const theme of event.themes) bump(themes, theme);
      bump(types, event.type);
      for (const actor of event.actors) bump(actors, actor);
      const year = Number(event.start.slice(0, 4));
      years.set(year, (years.get(year) ?? 0) + 1);
    }
    const list = (map: Map<string, number>) => [...map].map(([id, count]) => ({ id, count }));
    return {
      themes: list(themes),
      types: list(types),
      actors: list(actors).sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : 1)),
      years: [...years].map(([year, count]) => ({ year, count })).sort((a, b) => a.year - b.year),
    };
  }
}
