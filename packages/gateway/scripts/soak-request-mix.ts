// The soak's request mix: what the widget and other frontends send — the widget's pages by id, cached
// GETs and revalidations, uncached POSTs with filters, searches, pagination both ways, facets and
// single events, persisted POSTs and probes — interleaved by a fixed shuffle (reproducible).
import { timeline } from "@ca-timeline/data";
import { CA_TIMELINE_EVENTS_ID as EVENTS_QUERY_ID } from "@ca-timeline/schema/operations";
import type { Request as SoakRequest } from "autocannon";
import { TIMELINE_EVENTS_ID, TIMELINE_VOCABULARY_ID } from "../src/persisted-operations.ts";

export type Kind = "cached GET" | "304 GET" | "uncached POST" | "persisted POST" | "probe";

/** The requests of the mix against the gateway at `base` (cursors and ETags are read from it first). */
export async function requestMix(base: string): Promise<Array<SoakRequest & { kind: Kind }>> {
  const json = { "content-type": "application/json", accept: "application/graphql-response+json" };
  const acceptGraphql = { accept: "application/graphql-response+json" };
  const getPath = (params: Record<string, unknown>) =>
    `/graphql?${new URLSearchParams(
      Object.entries(params).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]),
    )}`;

  async function graphql(body: unknown): Promise<{ data: Record<string, unknown> }> {
    const response = await fetch(`${base}/graphql`, {
      method: "POST",
      headers: json,
      body: JSON.stringify(body),
    });
    const result = (await response.json()) as { data: Record<string, unknown>; errors?: unknown };
    if (response.status !== 200 || result.errors)
      throw new Error(`setup query failed: ${JSON.stringify(result)}`);
    return result;
  }

  // The widget's pages: every cursor of its 100-event pages.
  const widgetPages: Array<string | null> = [null];
  for (;;) {
    const { data } = await graphql({
      documentId: EVENTS_QUERY_ID,
      variables: { first: 100, after: widgetPages.at(-1), vocabulary: false },
    });
    const page = (data.events as { pageInfo: { hasNextPage: boolean; endCursor: string } })
      .pageInfo;
    if (!page.hasNextPage) break;
    widgetPages.push(page.endCursor);
  }
  const firstWidgetGet = getPath({
    documentId: EVENTS_QUERY_ID,
    variables: { first: 100, after: null, vocabulary: true },
  });
  // The ETag of the uncompressed representation: autocannon asks without Accept-Encoding.
  const etag = (
    await fetch(base + firstWidgetGet, {
      headers: { ...acceptGraphql, "accept-encoding": "identity" },
    })
  ).headers.get("etag")!;
  // Cursors to page through filtered results, 10 at a time.
  const tenCursors = (
    (await graphql({ query: "{ events(first: 60) { edges { cursor } } }" })).data.events as {
      edges: Array<{ cursor: string }>;
    }
  ).edges
    .map((edge) => edge.cursor)
    .filter((_, i) => i % 10 === 9);

  const FILTERED = `query Filtered($filter: EventFilter, $first: Int, $after: String, $order: EventOrder) {
    events(filter: $filter, first: $first, after: $after, orderBy: $order) {
      totalCount pageInfo { hasNextPage endCursor }
      nodes { slug date start end title(lang: DE) summary(lang: DE) type { id } themes { id } actors { id } }
    }
  }`;
  const FACETS = `query Facets($filter: EventFilter) { facets(filter: $filter) {
    themes { id label(lang: DE) count } types { id count } actors { id label count } years { year count } } }`;
  const SEARCH = `query Search($search: String!) { events(filter: { search: $search }, first: 20) {
    totalCount nodes { slug date title summary } } }`;
  const BACK = `query Back($before: String) { events(last: 10, before: $before) {
    pageInfo { hasPreviousPage startCursor } nodes { slug date title(lang: DE) } } }`;
  const ONE = `query One($slug: String!) { event(slug: $slug) { slug date title(lang: DE) summary(lang: DE)
    sources { url title document { id title } } places { name country } partOf { slug } parts { slug } } }`;

  const themes = timeline.themes.map((theme) => theme.id);
  const types = timeline.eventTypes.map((type) => type.id);
  const actors = timeline.actors.map((actor) => actor.id);
  const slugs = timeline.events.map((event) => event.slug);
  const searches = [
    "minister",
    "außenminister",
    "energie",
    "Kasachstan",
    "samarkand",
    "strategy",
    "wasser",
    "Global Gateway",
  ];
  const years = ["2007", "2010", "2013", "2015", "2019", "2022", "2023", "2024-06"];

  const filters: Array<Record<string, unknown>> = [
    {},
    ...themes.map((id) => ({ themes: [id] })),
    ...types.slice(0, 6).map((id) => ({ types: [id] })),
    ...actors.slice(0, 6).map((id) => ({ actors: [id] })),
    ...years.map((from, i) => ({ from, to: years[Math.min(i + 3, years.length - 1)] })),
    { themes: themes.slice(0, 2), from: "2019", search: "minister" },
  ];

  const requests: Array<SoakRequest & { kind: Kind }> = [];
  const add = (kind: Kind, request: SoakRequest) => requests.push({ ...request, kind });
  // Cached GETs: the widget's pages by documentId (as the widget sends them), the vocabulary, facets.
  for (const [i, after] of widgetPages.entries()) {
    add("cached GET", {
      method: "GET",
      path: getPath({
        documentId: EVENTS_QUERY_ID,
        variables: { first: 100, after, vocabulary: i === 0 },
      }),
      headers: acceptGraphql,
    });
  }
  add("cached GET", {
    method: "GET",
    path: `/graphql?documentId=${TIMELINE_VOCABULARY_ID}`,
    headers: acceptGraphql,
  });
  for (const filter of filters.slice(0, 8))
    add("cached GET", {
      method: "GET",
      path: getPath({ query: FACETS, variables: { filter } }),
      headers: acceptGraphql,
    });
  for (const search of searches.slice(0, 4))
    add("cached GET", {
      method: "GET",
      path: getPath({ query: SEARCH, variables: { search } }),
      headers: acceptGraphql,
    });
  // Revalidation: the widget's first page with its ETag.
  for (let i = 0; i < 3; i++)
    add("304 GET", {
      method: "GET",
      path: firstWidgetGet,
      headers: { ...acceptGraphql, "if-none-match": etag },
    });
  // Uncached POSTs: filters, searches, pagination both ways, facets, single events.
  for (const [i, filter] of filters.entries()) {
    add("uncached POST", {
      method: "POST",
      path: "/graphql",
      headers: json,
      body: JSON.stringify({
        query: FILTERED,
        variables: { filter, first: 10 + (i % 3) * 20, order: i % 2 ? "DATE_DESC" : "DATE_ASC" },
      }),
    });
  }
  for (const filter of filters.filter((_, i) => i % 3 === 0))
    add("uncached POST", {
      method: "POST",
      path: "/graphql",
      headers: json,
      body: JSON.stringify({ query: FACETS, variables: { filter } }),
    });
  for (const search of searches)
    add("uncached POST", {
      method: "POST",
      path: "/graphql",
      headers: json,
      body: JSON.stringify({ query: SEARCH, variables: { search } }),
    });
  for (const after of tenCursors) {
    add("uncached POST", {
      method: "POST",
      path: "/graphql",
      headers: json,
      body: JSON.stringify({ query: FILTERED, variables: { first: 10, after } }),
    });
    add("uncached POST", {
      method: "POST",
      path: "/graphql",
      headers: json,
      body: JSON.stringify({ query: BACK, variables: { before: after } }),
    });
  }
  for (const slug of slugs.filter((_, i) => i % Math.max(1, Math.floor(slugs.length / 8)) === 0))
    add("uncached POST", {
      method: "POST",
      path: "/graphql",
      headers: json,
      body: JSON.stringify({ query: ONE, variables: { slug } }),
    });
  // The persisted operations by POST (yoga's whole pipeline): the widget's page and TimelineEvents.
  add("persisted POST", {
    method: "POST",
    path: "/graphql",
    headers: json,
    body: JSON.stringify({
      documentId: EVENTS_QUERY_ID,
      variables: { first: 100, after: widgetPages.at(-1), vocabulary: true },
    }),
  });
  add("persisted POST", {
    method: "POST",
    path: "/graphql",
    headers: json,
    body: JSON.stringify({ documentId: TIMELINE_EVENTS_ID, variables: { after: null } }),
  });
  add("probe", { method: "GET", path: "/health" });
  add("probe", { method: "GET", path: "/ready" });

  // Interleave the kinds (a fixed shuffle), so that every connection sees the whole mix.
  let seed = 42;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  for (let i = requests.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [requests[i], requests[j]] = [requests[j]!, requests[i]!];
  }

  return requests;
}
