import type { Dataset } from "@ca-timeline/data";
import { fetchJson } from "./fetch-json.ts";
import { DataError, readDataset } from "./read-dataset.ts";

/**
 * The one operation the widget sends (DESIGN §4): the vocabularies and the dataset version with the
 * first page, then pages of 100 events until done. Both languages come at once through aliases so that
 * switching `lang` needs no request. Kept in this module alone so that it can become a persisted
 * operation id of the gateway without touching the element.
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
      partOf { slug }
    }
  }
}`;

export const PAGE_SIZE = 100;
/** A guard against an endpoint whose pages never end. */
const MAX_PAGES = 200;

type Json = Record<string, unknown>;
type Term = { id: string; de?: string; en?: string; kind?: string; country?: string };

const pair = (de: unknown, en: unknown) =>
  typeof de === "string" && typeof en === "string" ? { de, en } : undefined;
const term = (key: "label" | "name") => (t: Term) => ({
  id: t.id,
  kind: t.kind?.toLowerCase(),
  [key]: pair(t.de, t.en),
});

/** One GET per page: cacheable by the gateway's CDN headers, and a simple CORS request (no preflight). */
async function request(endpoint: string, variables: Json, signal: AbortSignal): Promise<Json> {
  const url = new URL(endpoint, document.baseURI);
  url.searchParams.set("query", EVENTS_QUERY);
  url.searchParams.set("variables", JSON.stringify(variables));
  const body = (await fetchJson(url.href, signal, {
    headers: { accept: "application/graphql-response+json, application/json" },
  })) as Json | null;
  const errors = body?.errors;
  if (Array.isArray(errors) && errors.length > 0) {
    const message = (errors[0] as Json | null)?.message;
    throw new DataError(
      typeof message === "string" ? message.slice(0, 200) : "the server reported an error",
    );
  }
  if (typeof body?.data !== "object" || body.data === null)
    throw new DataError("the answer has no data");
  return body.data as Json;
}

/** Loads every event with its vocabularies from a GraphQL endpoint and checks the answer like a file. */
export async function loadGraphql(endpoint: string, signal: AbortSignal): Promise<Dataset> {
  const events: unknown[] = [];
  // Cited documents arrive inside each source; they are collected once, like events.json's `documents`.
  const documents = new Map<string, unknown>();
  let head: Json | undefined;
  let after: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const data = await request(endpoint, { first: PAGE_SIZE, after, vocabulary: !head }, signal);
    head ??= data;
    const connection = data.events as { nodes?: unknown; pageInfo?: Json } | undefined;
    if (!Array.isArray(connection?.nodes)) throw new DataError("the answer has no events");
    for (const node of connection.nodes as Json[]) {
      events.push({
        ...node,
        title: pair(node.titleDe, node.titleEn),
        summary: pair(node.summaryDe, node.summaryEn),
        notes: pair(node.notesDe, node.notesEn),
        type: (node.type as Term | null)?.id,
        themes: (node.themes as Term[] | null)?.map((t) => t?.id),
        actors: (node.actors as Term[] | null)?.map((a) => a?.id),
        places: (node.places as Term[] | null)?.map((p) => ({
          country: p?.country,
          name: pair(p?.de, p?.en),
        })),
        partOf: (node.partOf as Json | null)?.slug,
        sources: (node.sources as Json[] | null)?.map((source) => {
          const doc = source?.document as Json | null | undefined;
          if (typeof doc?.id !== "string") return { ...source, document: undefined };
          documents.set(doc.id, doc);
          return { ...source, document: doc.id };
        }),
      });
    }
    const next = connection.pageInfo;
    if (!next?.hasNextPage) {
      return readDataset({
        version: (head.dataset as Json | null)?.version,
        themes: (head.themes as Term[] | undefined)?.map(term("label")),
        eventTypes: (head.eventTypes as Term[] | undefined)?.map(term("label")),
        actors: (head.actors as Term[] | undefined)?.map(term("name")),
        documents: [...documents.values()],
        events,
      });
    }
    if (typeof next.endCursor !== "string")
      throw new DataError("the answer has no cursor for the next page");
    after = next.endCursor;
  }
  throw new DataError("the endpoint returned too many pages");
}
