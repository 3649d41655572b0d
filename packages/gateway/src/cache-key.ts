// The key of a cached GraphQL GET is the normalised request, so that a client cannot multiply the
// entries of one answer (and evict the hot ones) by varying what does not change it: the media type
// yoga will answer with (not the raw Accept header), and the parameters yoga reads, in one order.

import stableStringify from "safe-stable-stringify";

const JSON_TYPES = ["application/graphql-response+json", "application/json"] as const;
export type CacheableMediaType = (typeof JSON_TYPES)[number];

// yoga's result processors in the order it tries them (graphql-yoga, use-result-processor.ts).
const PROCESSORS: ReadonlyArray<readonly string[]> = [
  ["text/event-stream"],
  ["multipart/mixed"],
  JSON_TYPES,
];

const matches = (asked: string, offered: string) => {
  const [askedType, askedSub] = asked.split("/");
  const [type, sub] = offered.split("/");
  return (type === "*" || type === askedType) && (sub === "*" || sub === askedSub);
};

/**
 * The media type yoga answers a query result with for this Accept header, when it is one of the two
 * JSON types (otherwise undefined: not cacheable). Mirrors yoga's negotiation, which ignores q-values,
 * skips ranges with a charset other than utf-8 and lets the first listed range win; the gateway also
 * checks the type of the actual answer before storing it, so a mismatch costs a miss, never a wrong hit.
 */
export function negotiatedMediaType(
  accept: string | null | undefined,
): CacheableMediaType | undefined {
  const asked: string[] = [];
  for (const range of (accept || "*/*").replace(/\s/g, "").toLowerCase().split(",")) {
    const [type, ...params] = range.split(";");
    const charset = params.find((p) => p.includes("charset=")) ?? "charset=utf-8";
    if (type !== undefined && charset === "charset=utf-8") asked.push(type);
  }
  asked.reverse();
  let chosen: string | undefined;
  for (const offered of PROCESSORS) {
    for (const type of asked) {
      for (const candidate of offered) if (matches(candidate, type)) chosen = candidate;
    }
  }
  return (JSON_TYPES as readonly string[]).includes(chosen ?? "")
    ? (chosen as CacheableMediaType)
    : undefined;
}

/** The GET parameters that decide an answer, in this order; anything else is left out of the key. */
const PARAMS = ["documentId", "query", "operationName", "variables", "extensions"] as const;

/**
 * A `variables` or `extensions` value as the key holds it: its canonical JSON, or undefined when it
 * means nothing (`null`, `{}`: yoga and graphql-js read them as absent). Text that is not JSON is kept
 * as it is (yoga refuses it; refusals are never cached).
 */
function jsonParamKey(text: string): string | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return text;
  }
  if (value === null) return undefined;
  if (typeof value === "object" && !Array.isArray(value) && Object.keys(value).length === 0)
    return undefined;
  // One spelling for equal values: every object's keys sorted.
  return stableStringify(value) as string;
}

/**
 * The cache key of a GraphQL GET: the negotiated media type and the parameters yoga reads (the first
 * of each, as yoga's parser takes it) in a fixed order, normalised so that equivalent spellings share
 * one entry: an empty parameter is absent (yoga reads `get(name) || undefined`), `variables` and
 * `extensions` are keyed by their canonical JSON (`{}` and `null` are absent). Variables the operation
 * does not declare are refused on GET (strict-get-params.ts), so they never make an entry either.
 * `search` is the URL's query, as the URL parser encoded it (`url.search`), so that every path to the
 * same request yields the same key.
 */
export function getCacheKey(mediaType: CacheableMediaType, search: string): string {
  const params = new URLSearchParams(search);
  const canonical = new URLSearchParams();
  for (const name of PARAMS) {
    const text = params.get(name);
    if (!text) continue;
    const value = name === "variables" || name === "extensions" ? jsonParamKey(text) : text;
    if (value !== undefined) canonical.append(name, value);
  }
  return `${mediaType} ${canonical}`;
}

/**
 * The cache key of a GET to /graphql with this Accept header and query, or undefined when its answer is
 * not cached: GraphiQL's page (a browser asking for HTML, when GraphiQL is on) or a media type other
 * than the two JSON ones. The fetch handler and the Node fast path both key by this.
 */
export function cacheKeyOf(
  accept: string | null | undefined,
  search: string,
  graphiql: boolean,
): string | undefined {
  if (graphiql && accept?.includes("text/html")) return undefined;
  const type = negotiatedMediaType(accept);
  return type === undefined ? undefined : getCacheKey(type, search);
}
