// The GraphQL documents the widget sends, as trusted (persisted) documents. A plain module without
// any import, built to dist/operations.js, so that a gateway can persist exactly these documents:
//   import { persistedOperations } from "@ca-timeline/timeline-widget/operations";
// The widget sends `?documentId=<id>&variables=…` and falls back to `?query=<document>` only when the
// server does not know the id. An id is the SHA-256 (hex) of its document exactly as written here;
// a test recomputes it, so editing a document without updating its id fails the tests.

/**
 * The one operation of the widget (DESIGN §4): the vocabularies and the dataset version with the
 * first page, then pages of 100 events until done. Both languages come at once through aliases so that
 * switching `lang` needs no request.
 */
export const EVENTS_QUERY = `query CaTimelineEvents($first: Int!, $after: String, $vocabulary: Boolean!) {
  dataset @include(if: $vocabulary) { version }
  themes @include(if: $vocabulary) { id de: label(lang: DE) en: label(lang: EN) }
  eventTypes @include(if: $vocabulary) { id de: label(lang: DE) en: label(lang: EN) }
  actors @include(if: $vocabulary) { id kind de: name(lang: DE) en: name(lang: EN) }
  events(first: $first, after: $after) {
    pageInfo { hasNextPage endCursor }
    nodes {
      slug date start end precision status
      titleDe: title(lang: DE) titleEn: title(lang: EN)
      summaryDe: summary(lang: DE) summaryEn: summary(lang: EN)
      notesDe: notes(lang: DE) notesEn: notes(lang: EN)
      type { id } themes { id } actors { id }
      places { country de: name(lang: DE) en: name(lang: EN) }
      sources { url title publisher published document { id title publisher published url } }
      partOf { slug } milestone
    }
  }
}`;

/** SHA-256 (hex) of EVENTS_QUERY: its persisted-operation id (`documentId`). */
export const EVENTS_QUERY_ID = "e46359b609841034974edd4cca3fccdf04df656410a448c0234721fe8fbf86b5";

/** Every document the widget sends, by id (SHA-256 hex of the document): a gateway's persisted-operation store. */
export const persistedOperations: Readonly<Record<string, string>> = {
  [EVENTS_QUERY_ID]: EVENTS_QUERY,
};
