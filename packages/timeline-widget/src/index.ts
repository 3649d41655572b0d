// The data types the element's API and custom-elements.json name (its events' details, the `events` property).
export type { Dataset, TimelineEvent } from "@ca-timeline/data";
export { CaTimeline, type TimelineChangeDetail } from "./ca-timeline.ts";
export { formatDate } from "./format-date.ts";
export {
  DETAILS_QUERY,
  DETAILS_QUERY_ID,
  EVENT_QUERY,
  EVENT_QUERY_ID,
  EVENTS_QUERY,
  EVENTS_QUERY_ID,
  LIST_QUERY,
  LIST_QUERY_ID,
  persistedOperations,
} from "./operations.ts";
export { DataError, type DataErrorReason } from "./sources/data-error.ts";
export { DEFAULT_TIMEOUT, type LoadOptions } from "./sources/fetch-json.ts";
export { loadFile } from "./sources/file-source.ts";
export {
  type GraphqlOptions,
  loadGraphql,
  type Missing,
  movedTo,
} from "./sources/graphql-source.ts";
export { readDataset } from "./sources/read-dataset.ts";
