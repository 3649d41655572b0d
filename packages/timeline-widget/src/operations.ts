// The GraphQL documents the widget sends, as trusted (persisted) documents. Their owner is
// `@ca-timeline/schema/operations` (generated from operations/ca-timeline-*.graphql with their ids, the
// SHA-256 hex of each document, and their result types); the build inlines them (no runtime dependency on
// the schema package), and this subpath re-exports them for tools that read the widget's documents from
// the widget:
//   import { persistedOperations } from "@ca-timeline/timeline-widget/operations";
// The widget sends `?documentId=<id>&variables=…` and falls back to `?query=<document>` only when the
// server does not know the id.
import {
  CA_TIMELINE_DETAILS,
  CA_TIMELINE_DETAILS_ID,
  CA_TIMELINE_EVENT,
  CA_TIMELINE_EVENT_ID,
  CA_TIMELINE_EVENTS,
  CA_TIMELINE_EVENTS_ID,
  CA_TIMELINE_LIST,
  CA_TIMELINE_LIST_ID,
} from "@ca-timeline/schema/operations";

/** The list and the filters first: the vocabularies with the first page, then pages of events until done. */
export const LIST_QUERY = CA_TIMELINE_LIST;
/** SHA-256 (hex) of LIST_QUERY: its persisted-operation id (`documentId`). */
export const LIST_QUERY_ID = CA_TIMELINE_LIST_ID;
/** After the first render: the events' summaries, notes, places and sources, page by page. */
export const DETAILS_QUERY = CA_TIMELINE_DETAILS;
/** SHA-256 (hex) of DETAILS_QUERY. */
export const DETAILS_QUERY_ID = CA_TIMELINE_DETAILS_ID;
/** Only for a link's unknown event: the event a retired slug became. */
export const EVENT_QUERY = CA_TIMELINE_EVENT;
/** SHA-256 (hex) of EVENT_QUERY. */
export const EVENT_QUERY_ID = CA_TIMELINE_EVENT_ID;
/**
 * @deprecated What widgets before progressive loading send (every field of a page at once); gateways keep
 * trusting it. The widget now sends LIST_QUERY and DETAILS_QUERY.
 */
export const EVENTS_QUERY = CA_TIMELINE_EVENTS;
/** @deprecated SHA-256 (hex) of EVENTS_QUERY. */
export const EVENTS_QUERY_ID = CA_TIMELINE_EVENTS_ID;

/**
 * Every document the widget sends or sent, by id (SHA-256 hex of the document): a gateway's
 * persisted-operation store that also serves older widgets.
 */
export const persistedOperations: Readonly<Record<string, string>> = {
  [LIST_QUERY_ID]: LIST_QUERY,
  [DETAILS_QUERY_ID]: DETAILS_QUERY,
  [EVENT_QUERY_ID]: EVENT_QUERY,
  [EVENTS_QUERY_ID]: EVENTS_QUERY,
};
