import type { Dataset, TimelineEvent } from "@ca-timeline/data";
import { createIndex } from "@ca-timeline/data/query";
import { buildSchema, graphql } from "graphql";
import { persistedOperations } from "../operations.ts";

/** The part of DESIGN §4's schema the widget uses, so that its query document is validated for real. */
const SDL = `
enum Lang { DE EN }
enum DatePrecision { YEAR MONTH DAY }
input EventFilter { from: String to: String themes: [String!] types: [String!] actors: [String!] search: String }
type Query {
  events(filter: EventFilter, first: Int, after: String): EventConnection!
  themes: [Theme!]!
  eventTypes: [EventType!]!
  actors: [Actor!]!
  dataset: Dataset!
}
type PageInfo { hasNextPage: Boolean! hasPreviousPage: Boolean! startCursor: String endCursor: String }
type EventConnection { totalCount: Int! pageInfo: PageInfo! nodes: [Event!]! }
type Event {
  slug: String! date: String! start: String! end: String! precision: DatePrecision! status: String!
  title(lang: Lang = EN): String! summary(lang: Lang = EN): String! notes(lang: Lang = EN): String
  type: EventType! themes: [Theme!]! actors: [Actor!]! places: [Place!]! sources: [Source!]! partOf: Event
}
type Theme { id: String! label(lang: Lang = EN): String! }
type EventType { id: String! label(lang: Lang = EN): String! }
type Actor { id: String! kind: String! name(lang: Lang = EN): String! }
type Place { name(lang: Lang = EN): String! country: String! }
type Source { document: SourceDocument url: String title: String publisher: String published: String }
type SourceDocument { id: String! title: String! publisher: String! published: String! language: String! url: String }
type Dataset { version: String! eventCount: Int! }
`;

type Args = { lang?: "DE" | "EN" };
const text = (value: { de: string; en: string }) => (args: Args) =>
  args.lang === "DE" ? value.de : value.en;
const labelled = (term: { id: string; label: { de: string; en: string } }) => ({
  id: term.id,
  label: text(term.label),
});

/** One request the fake received: the persisted id or the document it was sent, and its variables. */
export interface FakeRequest extends Record<string, unknown> {
  documentId: string | null;
  query: string | null;
}

export interface FakeEndpoint {
  fetch: typeof fetch;
  /** Every request's variables (with documentId and query), in order. */
  requests: FakeRequest[];
}

export interface FakeOptions {
  /** The trusted documents the fake knows by id (default: the widget's; `{}` for a gateway that knows none). */
  persisted?: Readonly<Record<string, string>>;
  /** Refuse documents sent as `query`, like the gateway's `persistedOnly` option. */
  persistedOnly?: boolean;
}

const refuse = (message: string, code: string) =>
  new Response(JSON.stringify({ errors: [{ message, extensions: { code } }] }), {
    status: 400,
    headers: { "content-type": "application/graphql-response+json" },
  });

/**
 * A GraphQL endpoint over a dataset, answering GETs like the gateway would (graphql-yoga with its
 * persisted-operations plugin and error codes), as a `fetch` replacement.
 */
export function fakeGraphqlEndpoint(dataset: Dataset, options: FakeOptions = {}): FakeEndpoint {
  const { persisted = persistedOperations, persistedOnly = false } = options;
  const schema = buildSchema(SDL);
  const index = createIndex(dataset);
  const themes = new Map(dataset.themes.map((t) => [t.id, labelled(t)]));
  const types = new Map(dataset.eventTypes.map((t) => [t.id, labelled(t)]));
  const actors = new Map(
    dataset.actors.map((a) => [a.id, { id: a.id, kind: a.kind.toUpperCase(), name: text(a.name) }]),
  );
  const documents = new Map(dataset.documents.map((d) => [d.id, d]));
  const node = (e: TimelineEvent): Record<string, unknown> => ({
    ...e,
    precision: e.precision.toUpperCase(),
    title: text(e.title),
    summary: text(e.summary),
    notes: e.notes ? text(e.notes) : () => null,
    type: types.get(e.type),
    themes: e.themes.map((id) => themes.get(id)),
    actors: e.actors.map((id) => actors.get(id)),
    sources: e.sources.map((s) => ({
      ...s,
      document: s.document ? documents.get(s.document) : null,
    })),
    places: e.places.map((p) => ({ country: p.country, name: text(p.name) })),
    partOf: () => (e.partOf ? node(index.get(e.partOf)!) : null),
  });
  const rootValue = {
    dataset: { version: dataset.version, eventCount: index.size },
    themes: [...themes.values()],
    eventTypes: [...types.values()],
    actors: [...actors.values()],
    events: (args: { first?: number; after?: string }) => {
      const page = index.query(args);
      return { totalCount: page.totalCount, pageInfo: page.pageInfo, nodes: page.events.map(node) };
    },
  };
  const requests: FakeRequest[] = [];
  const fake = async (input: RequestInfo | URL) => {
    const url = new URL(String(input));
    const documentId = url.searchParams.get("documentId");
    const query = url.searchParams.get("query");
    const variables = JSON.parse(url.searchParams.get("variables") ?? "{}");
    requests.push({ ...variables, documentId, query });
    if (query !== null && persistedOnly)
      return refuse("This gateway runs persisted operations only", "PERSISTED_QUERY_ONLY");
    const source =
      documentId === null
        ? query
        : Object.hasOwn(persisted, documentId)
          ? persisted[documentId]
          : undefined;
    if (source === undefined)
      return refuse("documentId: no persisted operation has this id", "PERSISTED_QUERY_NOT_FOUND");
    if (source === null)
      return refuse("Missing query: send a query or a documentId", "BAD_REQUEST");
    const result = await graphql({
      schema,
      source,
      rootValue,
      variableValues: variables,
    });
    return new Response(JSON.stringify(result), {
      status: result.errors ? 400 : 200,
      headers: { "content-type": "application/graphql-response+json" },
    });
  };
  return { fetch: fake as typeof fetch, requests };
}
