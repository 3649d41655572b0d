import type { Actor, EventType, Theme, TimelineEvent } from "../types.ts";
import type { EventOrder } from "./order.ts";

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

/** The filter fields that select by id. */
export type IdField = "themes" | "types" | "actors";
export const ID_FIELDS: readonly IdField[] = ["themes", "types", "actors"];
