// `@ca-timeline/data/query/filter`: the query semantics without cursor pagination (filter, search,
// order, facets), for a client that shows every match (the widget): the same code as `./query`, in
// fewer bytes.
import type { Dataset } from "../types.ts";
import { FilterIndex } from "./filter-index.ts";
import type { IndexOptions } from "./types.ts";

export { QueryError } from "./errors.ts";
export { FilterIndex } from "./filter-index.ts";
export { foldedWords, foldText, matchRanges, searchTerms } from "./fold.ts";
export type {
  EventFilter,
  FacetCount,
  Facets,
  IndexOptions,
  Vocabulary,
  YearCount,
} from "./types.ts";

/** The options of an index over a dataset: its vocabulary (unknown ids are errors) and its actors' names (searchable). */
export function datasetOptions(dataset: Omit<Dataset, "version">, options: IndexOptions = {}) {
  const actorNames = new Map(dataset.actors.map((a) => [a.id, `${a.name.de} ${a.name.en}`]));
  return { ...options, vocabulary: dataset, actorNames };
}

/** Builds the filter index for a dataset (no pagination: see `createIndex` of `./query` for pages). */
export function createFilterIndex(
  dataset: Omit<Dataset, "version">,
  options: Omit<IndexOptions, "vocabulary"> = {},
): FilterIndex {
  return new FilterIndex(dataset.events, datasetOptions(dataset, options));
}
