// The gateway's built-in trusted (persisted) documents: the <ca-timeline> widget's operations (the list,
// its details, a link's event; and CaTimelineEvents, which widgets before progressive loading send) and
// two documented operations for other frontends. Their owner is `@ca-timeline/schema/operations`, generated
// from .graphql files with their ids (SHA-256 hex of each document) and types; the gateway does not need
// the widget for them. Clients send an id instead of the document:
//   GET  /graphql?documentId=<id>&variables={"after":null}            (cache- and CDN-friendly)
//   POST /graphql {"documentId":"<id>","variables":{…}}
//   Apollo's form: {"extensions":{"persistedQuery":{"version":1,"sha256Hash":"<id>"}}}

export {
  CA_TIMELINE_DETAILS,
  CA_TIMELINE_DETAILS_ID,
  CA_TIMELINE_EVENT,
  CA_TIMELINE_EVENT_ID,
  CA_TIMELINE_EVENTS,
  CA_TIMELINE_EVENTS_ID,
  CA_TIMELINE_LIST,
  CA_TIMELINE_LIST_ID,
  persistedOperations,
  /** Every event, 100 per page, with all fields in both languages (aliases `…De`/`…En`). */
  TIMELINE_EVENTS,
  TIMELINE_EVENTS_ID,
  /** The vocabularies with labels in both languages, and the dataset's version and extent. */
  TIMELINE_VOCABULARY,
  TIMELINE_VOCABULARY_ID,
} from "@ca-timeline/schema/operations";
