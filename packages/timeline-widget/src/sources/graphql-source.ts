import type { Dataset } from "@ca-timeline/data";
import type {
  CaTimelineDetailsQuery as DetailsResult,
  CaTimelineListQuery as ListResult,
} from "@ca-timeline/schema/operations";
import {
  DETAILS_QUERY,
  DETAILS_QUERY_ID,
  EVENT_QUERY,
  EVENT_QUERY_ID,
  LIST_QUERY,
  LIST_QUERY_ID,
} from "../operations.ts";
import { DataError } from "./data-error.ts";
import { fetchJson, type LoadOptions } from "./fetch-json.ts";
import { readDataset } from "./read-dataset.ts";

export const PAGE_SIZE = 100;
/** A guard against an endpoint whose pages never end. */
const MAX_PAGES = 200;

type Json = Record<string, unknown>;
// The answers' shapes, generated from the documents (`@ca-timeline/schema/operations`); an endpoint is
// untrusted, so every value is still checked (readDataset) rather than believed.
type Answer = Partial<ListResult>;
type Node = Partial<ListResult["events"]["nodes"][number]>;
type Details = Partial<DetailsResult["events"]["nodes"][number]>;
type Label = Partial<NonNullable<Answer["themes"]>[number]>;
type Name = Partial<NonNullable<Answer["actors"]>[number]>;

/** What a partial dataset still lacks: later pages of events, or the events' details. */
export type Missing = "events" | "details";

export interface GraphqlOptions extends LoadOptions {
  /**
   * Called with the dataset so far, before the load completes: after each page of the list, and after
   * each page of details (summaries, notes, places and sources; empty until then).
   */
  onPartial?: (dataset: Dataset, missing: Missing) => void;
}

const pair = (de: unknown, en: unknown) =>
  typeof de === "string" && typeof en === "string" ? { de, en } : undefined;
const label = (t: Label) => ({ id: t.id, label: pair(t.labelDe, t.labelEn) });
const name = (t: Name) => ({
  id: t.id,
  kind: t.kind?.toLowerCase(),
  name: pair(t.nameDe, t.nameEn),
});

/** The codes of a server that does not know (or keep) persisted documents: send the document itself. */
const NOT_PERSISTED = ["PERSISTED_QUERY_NOT_FOUND", "PERSISTED_QUERY_NOT_SUPPORTED"];

/** One GET per page: cacheable by the gateway's CDN headers, and a simple CORS request (no preflight). */
async function send(
  endpoint: string,
  params: Record<string, string>,
  options: LoadOptions,
): Promise<Json> {
  const url = new URL(endpoint, globalThis.document?.baseURI);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  const body = (await fetchJson(url.href, options, {
    accept: "application/graphql-response+json, application/json",
  })) as Json | null;
  const errors = body?.errors;
  if (Array.isArray(errors) && errors.length > 0) {
    const first = errors[0] as Json | null;
    const code = (first?.extensions as Json | null | undefined)?.code;
    throw new DataError(
      typeof first?.message === "string" ? first.message.slice(0, 200) : "",
      "server",
      typeof code === "string" ? code : undefined,
    );
  }
  if (typeof body?.data !== "object" || body.data === null)
    throw new DataError("the answer has no data");
  return body.data as Json;
}

/**
 * Asks for documents by persisted id (`?documentId=…`, a trusted document of the gateway); a server that
 * does not know an id gets the document itself (`?query=…`) from then on.
 */
function requester(endpoint: string, options: LoadOptions) {
  let persisted = true;
  return async (id: string, query: string, variables: Json): Promise<Json> => {
    const json = JSON.stringify(variables);
    if (persisted) {
      try {
        return await send(endpoint, { documentId: id, variables: json }, options);
      } catch (error) {
        if (!(error instanceof DataError && NOT_PERSISTED.includes(error.code ?? ""))) throw error;
        persisted = false;
      }
    }
    return send(endpoint, { query, variables: json }, options);
  };
}

/**
 * What became of an event the endpoint's list does not have (a link's slug): the slug of the event it
 * was merged into (CaTimelineEvent: `event(slug:)` follows retired slugs), or "" when it knows none.
 */
export async function movedTo(
  endpoint: string,
  slug: string,
  options: LoadOptions = {},
): Promise<string> {
  const data = await requester(endpoint, options)(EVENT_QUERY_ID, EVENT_QUERY, { slug });
  const to = (data.event as Json | null | undefined)?.slug;
  return typeof to === "string" && to !== slug ? to : "";
}

/**
 * Loads the events with their vocabularies from a GraphQL endpoint and checks the answer like a file:
 * first what the list and the filters need (CaTimelineList, page by page), then each event's details
 * (CaTimelineDetails); `onPartial` gets the dataset after each page. Each page is asked for by its
 * persisted id (`?documentId=…`, a trusted document of the gateway); a server that does not know an id
 * gets the document itself (`?query=…`) for the rest of the load.
 */
export async function loadGraphql(
  endpoint: string,
  options: GraphqlOptions = {},
): Promise<Dataset> {
  const request = requester(endpoint, options);
  /**
   * Every page of a document's `events`, each handed to `read`; the dataset so far to `onPartial` after
   * pages 1, 2, 4, 8… but the last (each partial dataset is checked and indexed whole: after every page,
   * 10,000 events in 100 pages would be indexed 100 times over).
   */
  const pages = async (
    id: string,
    query: string,
    vocabulary: boolean,
    read: (data: Json, nodes: Json[]) => void,
    missing: Missing,
  ) => {
    let after: string | null = null;
    for (let page = 0; page < MAX_PAGES; page++) {
      const variables: Json = { first: PAGE_SIZE, after };
      if (vocabulary) variables.vocabulary = page === 0;
      const data = await request(id, query, variables);
      // An answer may still arrive after the caller gave up: then no further page is asked for.
      options.signal?.throwIfAborted();
      const connection = data.events as { nodes?: unknown; pageInfo?: Json } | undefined;
      if (!Array.isArray(connection?.nodes)) throw new DataError("the answer has no events");
      read(data, connection.nodes);
      const next = connection.pageInfo;
      if (!next?.hasNextPage) return;
      if (typeof next.endCursor !== "string")
        throw new DataError("the answer has no cursor for the next page");
      after = next.endCursor;
      if ((page & (page + 1)) === 0) options.onPartial?.(dataset(), missing);
    }
    throw new DataError("the endpoint returned too many pages");
  };
  const events: Json[] = [];
  const details = new Map<unknown, Json>();
  // Cited documents arrive inside each source; they are collected once, like events.json's `documents`.
  const documents = new Map<unknown, unknown>();
  let head: Json = {};
  const dataset = () =>
    readDataset({
      version: (head.dataset as Json | null)?.version,
      themes: (head.themes as Label[] | undefined)?.map(label),
      eventTypes: (head.eventTypes as Label[] | undefined)?.map(label),
      actors: (head.actors as Name[] | undefined)?.map(name),
      documents: [...documents.values()],
      events: events.map((event) => ({ ...event, ...details.get(event.slug) })),
    });

  await pages(
    LIST_QUERY_ID,
    LIST_QUERY,
    true,
    (data, nodes: Node[]) => {
      if (!events.length) head = data;
      for (const node of nodes)
        events.push({
          ...node,
          title: pair(node.titleDe, node.titleEn),
          // Until its details arrive.
          summary: { de: "", en: "" },
          type: node.type?.id,
          themes: node.themes?.map((t) => t?.id),
          actors: node.actors?.map((a) => a?.id),
          partOf: node.partOf?.slug,
        });
    },
    "events",
  );
  options.onPartial?.(dataset(), "details");
  await pages(
    DETAILS_QUERY_ID,
    DETAILS_QUERY,
    false,
    (_, nodes: Details[]) => {
      for (const node of nodes)
        details.set(node.slug, {
          summary: pair(node.summaryDe, node.summaryEn),
          notes: pair(node.notesDe, node.notesEn),
          places: node.places?.map((p) => ({
            country: p?.country,
            name: pair(p?.nameDe, p?.nameEn),
          })),
          sources: (node.sources as Json[] | null | undefined)?.map((source) => {
            const doc = source?.document as Json | null | undefined;
            if (typeof doc?.id !== "string") return { ...source, document: undefined };
            documents.set(doc.id, doc);
            return { ...source, document: doc.id };
          }),
        });
    },
    "details",
  );
  return dataset();
}
