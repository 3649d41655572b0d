import { timeline } from "@ca-timeline/data";
import { createSchema } from "@ca-timeline/schema";
import type { GraphQLSchema } from "graphql";
import type { YogaServerInstance } from "graphql-yoga";
import { type ContentCoding, webCompressor } from "./compression.ts";
import { preflight } from "./cors.ts";
import { createGatewayYoga } from "./create-yoga.ts";
import { GRAPHIQL_PREFIX, graphiqlAsset } from "./graphiql.ts";
import { createGraphQLHttp } from "./graphql-http.ts";
import { json } from "./json-answer.ts";
import { createJsonLogger, type Logger } from "./logger.ts";
import { DEFAULTS, type FetchHandlerOptions } from "./options.ts";
import { ResponseCache } from "./response-cache.ts";

export type { FetchHandlerOptions } from "./options.ts";

/** What the Node server passes along with a request (the raw URL, for its own cache lookups). */
export interface ServerContext {
  req?: { url?: string; headers?: Record<string, string | string[] | undefined> };
}

export interface FetchHandler {
  /** Answers one request: the whole gateway, for any runtime with the fetch API. */
  fetch(request: Request, context?: ServerContext): Promise<Response>;
  /** The executable schema over the dataset. */
  readonly schema: GraphQLSchema;
  /** The yoga server behind /graphql. */
  readonly yoga: YogaServerInstance<object, object>;
  /** Cached GraphQL GET responses (the Node server reads it directly for its fast path). */
  readonly cache: ResponseCache;
  readonly datasetVersion: string;
  readonly logger: Logger;
  /** Whether /ready reports ready; false while draining for shutdown. */
  ready: boolean;
}

const GRAPHQL = "/graphql";

/** Builds the gateway as a fetch-API handler: the core that the Node server and edge runtimes share. */
export function createFetchHandler(options: FetchHandlerOptions = {}): FetchHandler {
  const dataset = options.dataset ?? timeline;
  const logger =
    typeof options.logger === "object"
      ? options.logger
      : createJsonLogger(options.logger ?? "info");
  const setting = <K extends keyof typeof DEFAULTS>(key: K): number =>
    options[key] ?? DEFAULTS[key];
  // Requests whose result had errors (flagged by a yoga plugin): their answers are never cached.
  const withErrors = new WeakSet<Request>();
  const schema = createSchema({ dataset, maxPageSize: setting("maxPageSize") });
  const yoga = createGatewayYoga({
    schema,
    logger,
    persistedOnly: options.persistedOnly ?? false,
    introspection: options.introspection ?? true,
    graphiql: options.graphiql ?? true,
    maxDepth: setting("maxDepth"),
    maxAliases: setting("maxAliases"),
    maxTokens: setting("maxTokens"),
    maxCost: setting("maxCost"),
    maxPageSize: setting("maxPageSize"),
    maxBodyBytes: setting("maxBodyBytes"),
    resultsWithErrors: withErrors,
    ...(options.persistedDocuments ? { trustedDocuments: options.persistedDocuments } : {}),
    ...(options.onAcceptedOperation ? { onAccepted: options.onAcceptedOperation } : {}),
  });
  const cache = new ResponseCache(setting("responseCacheEntries"), setting("responseCacheBytes"));
  const cacheControl = `public, max-age=${setting("cacheMaxAge")}, s-maxage=${setting("cacheSMaxAge")}, stale-while-revalidate=${setting("cacheStaleWhileRevalidate")}`;
  const maxBodyBytes = setting("maxBodyBytes");
  const maxResponseBytes = setting("maxResponseBytes");

  const datasetVersion = dataset.version;
  // Codings: the runtime's compressors for stored (cached, compressed once) and per-request answers.
  const none = { compress: () => undefined, codings: new Set<ContentCoding>() };
  const web = options.compression === false ? none : webCompressor();
  const stored = options.compression === false ? none : (options.compression?.stored ?? web);
  const dynamic = options.compression === false ? none : (options.compression?.dynamic ?? web);
  const graphiql = options.graphiql ?? true;
  const observe = options.onRequestDone;
  const graphql = createGraphQLHttp({
    yoga,
    cache,
    withErrors,
    logger,
    datasetVersion,
    cacheControl,
    maxBodyBytes,
    maxResponseBytes,
    graphiql,
    stored,
    dynamic,
  });

  async function route(
    request: Request,
    context: ServerContext | undefined,
  ): Promise<[string, Response]> {
    const url = new URL(request.url);
    const path = url.pathname;
    if (request.method === "OPTIONS") return ["preflight", preflight(request)];
    if (path === GRAPHQL) {
      if (request.method === "GET") return ["graphql", await graphql.get(request, url, context)];
      if (request.method === "POST") return ["graphql", await graphql.post(request, context)];
      if (request.method === "HEAD") {
        // The GET's answer without its body (RFC 9110 §9.1): same status and headers, ETag and
        // Content-Length included, from the same cache entry.
        const asGet = new Request(request.url, {
          method: "GET",
          headers: request.headers,
          signal: request.signal,
        });
        const answer = await graphql.get(asGet, url, context);
        await answer.body?.cancel();
        return ["graphql", new Response(null, { status: answer.status, headers: answer.headers })];
      }
      return [
        "graphql",
        json(
          405,
          { errors: [{ message: "Use GET or POST" }] },
          { allow: "GET, HEAD, POST, OPTIONS" },
        ),
      ];
    }
    if (graphiql && path.startsWith(GRAPHIQL_PREFIX)) {
      const asset = await graphiqlAsset(request, path);
      if (asset) return ["graphiql", asset];
    }
    if (path === "/health") return ["health", json(200, { status: "ok" })];
    if (path === "/ready") {
      return handler.ready
        ? [
            "ready",
            json(200, { status: "ready", version: datasetVersion, events: dataset.events.length }),
          ]
        : ["ready", json(503, { status: "draining", version: datasetVersion })];
    }
    if (path === "/metrics" && options.metrics) {
      const { contentType, body } = await options.metrics();
      return [
        "metrics",
        new Response(body, {
          headers: { "content-type": contentType, "cache-control": "no-store" },
        }),
      ];
    }
    const fallback = options.fallback ? await options.fallback(request) : undefined;
    if (fallback) return ["static", fallback];
    return ["not-found", json(404, { error: "Not found" })];
  }

  const handler: FetchHandler = {
    schema,
    yoga,
    cache,
    datasetVersion,
    logger,
    ready: true,
    async fetch(request, context) {
      const started = performance.now();
      let routeName = "error";
      let response: Response;
      try {
        [routeName, response] = await route(request, context);
      } catch (error) {
        if (request.signal.aborted || (error as Error | undefined)?.name === "AbortError") {
          // The client went away mid-request (a truncated body, a closed tab): not a server error.
          // Nobody reads this answer; 499 ("client closed request", as nginx logs it) tells metrics.
          logger.debug("request aborted by the client", {
            method: request.method,
            url: request.url,
          });
          response = new Response(null, { status: 499 });
        } else {
          logger.error("request failed", { error, method: request.method, url: request.url });
          response = json(500, { errors: [{ message: "Unexpected error." }] });
        }
      }
      // Never let a browser guess a type: every answer (JSON, HTML, errors) says what it is.
      response.headers.set("x-content-type-options", "nosniff");
      observe?.(routeName, response.status, (performance.now() - started) / 1000);
      return response;
    },
  };
  return handler;
}
