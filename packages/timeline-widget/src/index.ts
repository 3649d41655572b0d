export { CaTimeline, type TimelineChangeDetail } from "./ca-timeline.ts";
export { formatDate } from "./format-date.ts";
export { loadFile } from "./sources/file-source.ts";
export { EVENTS_QUERY, loadGraphql } from "./sources/graphql-source.ts";
export { DataError, readDataset } from "./sources/read-dataset.ts";
