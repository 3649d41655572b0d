import type { Dataset, TimelineEvent } from "../types.ts";
import { EventIndex } from "./event-index.ts";
import { datasetOptions } from "./filter.ts";
import type { EventFilter, Facets, IndexOptions } from "./types.ts";

export { QueryError } from "./errors.ts";
export { EventIndex } from "./event-index.ts";
export { FilterIndex } from "./filter-index.ts";
export { foldedWords, foldText, matchRanges, searchTerms } from "./fold.ts";
export { compareEvents, type EventOrder, orderKey } from "./order.ts";
export type {
  EventFilter,
  EventPage,
  FacetCount,
  Facets,
  IndexOptions,
  PageArgs,
  PageInfo,
  QueryOptions,
  Vocabulary,
  YearCount,
} from "./types.ts";

/** Builds the query index for a dataset (its vocabulary makes unknown ids errors; actor names are searchable). */
export function createIndex(
  dataset: Omit<Dataset, "version">,
  options: Omit<IndexOptions, "vocabulary"> = {},
): EventIndex {
  return new EventIndex(dataset.events, datasetOptions(dataset, options));
}

const cache = new WeakMap<readonly TimelineEvent[], EventIndex>();

function indexOf(events: readonly TimelineEvent[]): EventIndex {
  let index = cache.get(events);
  if (!index) {
    index = new EventIndex(events);
    cache.set(events, index);
  }
  return index;
}

/** The events a filter keeps, in date order (indexes `events` once and reuses the index). */
export function filterEvents(
  events: readonly TimelineEvent[],
  filter?: EventFilter | null,
): TimelineEvent[] {
  return indexOf(events).filter(filter);
}

/** The events that contain every word of `search`, in either language. */
export function searchEvents(events: readonly TimelineEvent[], search: string): TimelineEvent[] {
  return indexOf(events).filter({ search });
}

/** Counts per theme, type, actor and year over the events a filter keeps. */
export function facetEvents(events: readonly TimelineEvent[], filter?: EventFilter | null): Facets {
  return indexOf(events).facets(filter);
}
