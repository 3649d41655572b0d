import type { Dataset } from "@ca-timeline/data";
import { createSchema } from "@ca-timeline/schema";
import { graphql } from "graphql";
import { persistedOperations } from "../operations.ts";

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
 * A GraphQL endpoint over a dataset, answering GETs like the gateway would (the real schema, graphql-yoga's
 * persisted-operations plugin and its error codes), as a `fetch` replacement.
 */
export function fakeGraphqlEndpoint(dataset: Dataset, options: FakeOptions = {}): FakeEndpoint {
  const { persisted = persistedOperations, persistedOnly = false } = options;
  // The real schema of @ca-timeline/schema over the dataset: the widget's documents are validated and
  // answered exactly as the gateway would, without a hand-kept copy of the SDL.
  const schema = createSchema({ dataset });
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
    const result = await graphql({ schema, source, contextValue: {}, variableValues: variables });
    return new Response(JSON.stringify(result), {
      status: result.errors ? 400 : 200,
      headers: { "content-type": "application/graphql-response+json" },
    });
  };
  return { fetch: fake as typeof fetch, requests };
}
