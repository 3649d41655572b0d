// The GraphQL document the widget sends, as a trusted (persisted) document. Its owner is
// `@ca-timeline/schema/operations` (generated from operations/ca-timeline-events.graphql with its id, the
// SHA-256 hex of the document, and its result type); the build inlines it (no runtime dependency on the
// schema package), and this subpath re-exports it for tools that read the widget's documents from the widget:
//   import { persistedOperations } from "@ca-timeline/timeline-widget/operations";
// The widget sends `?documentId=<id>&variables=…` and falls back to `?query=<document>` only when the
// server does not know the id.
import { CA_TIMELINE_EVENTS, CA_TIMELINE_EVENTS_ID } from "@ca-timeline/schema/operations";

/** The widget's one operation: the vocabularies with the first page, then pages of events until done. */
export const EVENTS_QUERY = CA_TIMELINE_EVENTS;
/** SHA-256 (hex) of EVENTS_QUERY: its persisted-operation id (`documentId`). */
export const EVENTS_QUERY_ID = CA_TIMELINE_EVENTS_ID;

/** Every document the widget sends, by id (SHA-256 hex of the document): a gateway's persisted-operation store. */
export const persistedOperations: Readonly<Record<string, string>> = {
  [EVENTS_QUERY_ID]: EVENTS_QUERY,
};
