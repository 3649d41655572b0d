// The trusted (persisted) documents of the gateway: the operation the <ca-timeline> widget sends (owned
// by the widget, which ships it as `@ca-timeline/timeline-widget/operations`) and two documented
// operations for other frontends. A plain module with no server dependencies.
//
// An id is the SHA-256 (hex) of its document, exactly as written here; a test checks every id.
// Clients send an id instead of the document, in either form graphql-yoga's persisted-operations
// plugin reads here:
//   GET  /graphql?documentId=<id>&variables={"after":null}            (cache- and CDN-friendly)
//   POST /graphql {"documentId":"<id>","variables":{…}}
//   Apollo's form: {"extensions":{"persistedQuery":{"version":1,"sha256Hash":"<id>"}}}

import { persistedOperations as widgetOperations } from "@ca-timeline/timeline-widget/operations";

/** Every event, 100 per page, with all fields in both languages (aliases `…De`/`…En`). */
export const TIMELINE_EVENTS = `query TimelineEvents($after: String) {
  events(first: 100, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      slug
      date
      start
      end
      precision
      status
      type {
        id
      }
      themes {
        id
      }
      actors {
        id
      }
      titleDe: title(lang: DE)
      titleEn: title(lang: EN)
      summaryDe: summary(lang: DE)
      summaryEn: summary(lang: EN)
      notesDe: notes(lang: DE)
      notesEn: notes(lang: EN)
      places {
        nameDe: name(lang: DE)
        nameEn: name(lang: EN)
        country
      }
      sources {
        url
        title
        publisher
        published
        document {
          id
          title
          publisher
          published
          language
          url
        }
      }
      partOf {
        slug
      }
    }
  }
}
`;

/** The vocabularies with labels in both languages, and the dataset's version and extent. */
export const TIMELINE_VOCABULARY = `query TimelineVocabulary {
  dataset {
    version
    eventCount
    firstDate
    lastDate
  }
  themes {
    id
    labelDe: label(lang: DE)
    labelEn: label(lang: EN)
  }
  eventTypes {
    id
    labelDe: label(lang: DE)
    labelEn: label(lang: EN)
  }
  actors {
    id
    kind
    nameDe: name(lang: DE)
    nameEn: name(lang: EN)
  }
}
`;

export const TIMELINE_EVENTS_ID =
  "af9fc8c295e28dc536d5052185020af1cda042bc9eb286c77e392cf9cfe12e6a";
export const TIMELINE_VOCABULARY_ID =
  "b8bd76557dbcd1f5c99ff4729a7052fe805794cef793591e2b57198b16465993";

/** id (SHA-256 hex of the document) → document. */
export const persistedOperations: Readonly<Record<string, string>> = {
  ...widgetOperations,
  [TIMELINE_EVENTS_ID]: TIMELINE_EVENTS,
  [TIMELINE_VOCABULARY_ID]: TIMELINE_VOCABULARY,
};
