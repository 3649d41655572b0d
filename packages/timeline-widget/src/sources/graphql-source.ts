import type { Dataset } from "@ca-timeline/data";
import type { CaTimelineEventsQuery as EventsQueryResult } from "@ca-timeline/schema/operations";
import { EVENTS_QUERY, EVENTS_QUERY_ID } from "../operations.ts";
import { DataError } from "./data-error.ts";
import { fetchJson, type LoadOptions } from "./fetch-json.ts";
import { readDataset } from "./read-dataset.ts";

export { EVENTS_QUERY, EVENTS_QUERY_ID };

export const PAGE_SIZE = 100;
/** A guard against an endpoint whose pages never end. */
const MAX_PAGES = 200;

type Json = Record<string, unknown>;
// The answer's shape, generated from the document (`@ca-timeline/schema/operations`); an endpoint is
// untrusted, so every value is still checked (readDataset) rather than believed.
type Answer = Partial<EventsQueryResult>;
type Node = Partial<EventsQueryResult["events"]["nodes"][number]>;
type Label = Partial<NonNullable<Answer["themes"]>[number]>;
type Name = Partial<NonNullable<Answer["actors"]>[number]>;

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
 * Loads every event with its vocabularies from a GraphQL endpoint and checks the answer like a file.
 * Each page is asked for by its persisted id (`?documentId=…`, a trusted document of the gateway); a
 * server that does not know the id gets the document itself (`?query=…`) for the rest of the load.
 */
export async function loadGraphql(endpoint: string, options: LoadOptions = {}): Promise<Dataset> {
  let persisted = true;
  const request = async (variables: Json): Promise<Json> => {
    const json = JSON.stringify(variables);
    if (persisted) {
      try {
        return await send(endpoint, { documentId: EVENTS_QUERY_ID, variables: json }, options);
      } catch (error) {
        if (!(error instanceof DataError && NOT_PERSISTED.includes(error.code ?? ""))) throw error;
        persisted = false;
      }
    }
    return send(endpoint, { query: EVENTS_QUERY, variables: json }, options);
  };
  const events: unknown[] = [];
  // Cited documents arrive inside each source; they are collected once, like events.json's `documents`.
  const documents = new Map<string, unknown>();
  let head: Json | undefined;
  let after: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const data = await request({ first: PAGE_SIZE, after, vocabulary: !head });
    // An answer may still arrive after the caller gave up: then no further page is asked for.
    options.signal?.throwIfAborted();
    head ??= data;
    const connection = data.events as { nodes?: unknown; pageInfo?: Json } | undefined;
    if (!Array.isArray(connection?.nodes)) throw new DataError("the answer has no events");
    for (const node of connection.nodes as Node[]) {
      events.push({
        ...node,
        title: pair(node.titleDe, node.titleEn),
        summary: pair(node.summaryDe, node.summaryEn),
        notes: pair(node.notesDe, node.notesEn),
        type: node.type?.id,
        themes: node.themes?.map((t) => t?.id),
        actors: node.actors?.map((a) => a?.id),
        places: node.places?.map((p) => ({
          country: p?.country,
          name: pair(p?.nameDe, p?.nameEn),
        })),
        partOf: node.partOf?.slug,
        sources: (node.sources as Json[] | null | undefined)?.map((source) => {
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
        themes: (head.themes as Label[] | undefined)?.map(label),
        eventTypes: (head.eventTypes as Label[] | undefined)?.map(label),
        actors: (head.actors as Name[] | undefined)?.map(name),
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
