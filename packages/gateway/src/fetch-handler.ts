import { timeline } from "@ca-timeline/data";
import { createSchema } from "@ca-timeline/schema";
import type { GraphQLSchema } from "graphql";
import type { YogaServerInstance } from "graphql-yoga";
import { getCacheKey, negotiatedMediaType } from "./cache-key.ts";
import {
  type Coding,
  type ContentCoding,
  MIN_COMPRESS_BYTES,
  negotiateCoding,
  VARY,
  webCompressor,
} from "./compression.ts";
import { CORS_HEADERS, preflight, withCors } from "./cors.ts";
import { createGatewayYoga } from "./create-yoga.ts";
import { GRAPHIQL_CSP, GRAPHIQL_PREFIX, graphiqlAsset } from "./graphiql.ts";
import { createJsonLogger, type Logger } from "./logger.ts";
import { DEFAULTS, type FetchHandlerOptions } from "./options.ts";
import {
  type CachedResponse,
  matchesIfNoneMatch,
  ResponseCache,
  representationFor,
  sha256Hex,
} from "./response-cache.ts";

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
// Content types a browser may POST cross-site without a CORS preflight ("simple requests"): refusing
// them makes POST CSRF-safe; GET runs queries only (no mutations, no side effects).
const POST_TYPES = ["application/json", "application/graphql+json", "application/graphql"];

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      ...CORS_HEADERS,
      "content-type": "application/json; charset=utf-8",
      "cache-control": "no-store",
      ...headers,
    },
  });
}

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

  function fromCache(entry: CachedResponse, request: Request): Response {
    const chosen = representationFor(
      entry,
      negotiateCoding(request.headers.get("accept-encoding"), stored.codings),
    );
    if (matchesIfNoneMatch(request.headers.get("if-none-match"), chosen.etag)) {
      return new Response(null, { status: 304, headers: chosen.notModifiedHeaders });
    }
    return new Response(chosen.body as Uint8Array<ArrayBuffer>, {
      status: 200,
      headers: chosen.headers,
    });
  }

  /**
   * Stores a successful GET answer in every coding offered: its bytes, and a strong ETag over dataset
   * version, cache key and body (suffixed with the coding, so each representation has its own).
   */
  async function store(
    key: string,
    body: Uint8Array,
    contentType: string,
  ): Promise<CachedResponse> {
    const hash = await sha256Hex(datasetVersion, "\n", key, "\n", body);
    const representation = (bytes: Uint8Array, coding: Coding) => {
      const etag = coding === "identity" ? `"${hash}"` : `"${hash}-${coding}"`;
      const notModifiedHeaders = {
        ...CORS_HEADERS,
        "cache-control": cacheControl,
        etag,
        vary: VARY,
        "x-content-type-options": "nosniff",
      };
      return {
        body: bytes,
        etag,
        notModifiedHeaders,
        headers: {
          ...notModifiedHeaders,
          "content-type": contentType,
          "content-length": String(bytes.byteLength),
          ...(coding === "identity" ? {} : { "content-encoding": coding }),
        },
      };
    };
    const entry: CachedResponse = { identity: representation(body, "identity") };
    if (body.byteLength >= MIN_COMPRESS_BYTES) {
      for (const coding of stored.codings) {
        const compressed = await stored.compress(body, coding);
        if (compressed && compressed.byteLength < body.byteLength)
          entry[coding] = representation(compressed, coding);
      }
    }
    cache.set(key, entry);
    return entry;
  }

  /** An uncached answer in the coding the client prefers (compressed per request, when worth it). */
  async function encoded(
    request: Request,
    response: Response,
    body?: Uint8Array,
  ): Promise<Response> {
    response.headers.set("vary", VARY);
    if (body === undefined || body.byteLength < MIN_COMPRESS_BYTES) return response;
    const coding = negotiateCoding(request.headers.get("accept-encoding"), dynamic.codings);
    if (coding === "identity") return response;
    const compressed = await dynamic.compress(body, coding);
    if (!compressed || compressed.byteLength >= body.byteLength) return response;
    const headers = new Headers(response.headers);
    headers.set("content-encoding", coding);
    headers.set("content-length", String(compressed.byteLength));
    return new Response(compressed as Uint8Array<ArrayBuffer>, {
      status: response.status,
      headers,
    });
  }

  /**
   * yoga's answer with its bytes read, or an error in its place when it is larger than maxResponseBytes
   * (the cost limit keeps operations small; this bounds what slips past it, e.g. very long texts).
   */
  async function bounded(response: Response): Promise<{ response: Response; body?: Uint8Array }> {
    const type = response.headers.get("content-type") ?? "";
    if (
      !type.startsWith("application/json") &&
      !type.startsWith("application/graphql-response+json")
    )
      return { response };
    const body = new Uint8Array(await response.arrayBuffer());
    if (body.byteLength > maxResponseBytes) {
      logger.warn("answer too large: replaced by an error", {
        bytes: body.byteLength,
        maxResponseBytes,
      });
      return {
        response: json(400, {
          errors: [
            {
              message: `The answer would be ${body.byteLength} bytes, more than the limit of ${maxResponseBytes}: ask for fewer fields or smaller pages.`,
              extensions: { code: "RESPONSE_TOO_LARGE" },
            },
          ],
        }),
      };
    }
    const copy = new Response(body as Uint8Array<ArrayBuffer>, {
      status: response.status,
      headers: response.headers,
    });
    return { response: copy, body };
  }

  /**
   * The cache key of a GET to /graphql, or undefined when its answer is not cached: GraphiQL's page
   * (a browser asking for HTML) or a media type other than the two JSON ones.
   */
  function keyOf(request: Request, url: URL): string | undefined {
    const accept = request.headers.get("accept");
    if (graphiql && accept?.includes("text/html")) return undefined;
    const type = negotiatedMediaType(accept);
    return type === undefined ? undefined : getCacheKey(type, url.search);
  }

  async function graphqlGet(request: Request, url: URL, context: ServerContext | undefined) {
    const key = keyOf(request, url);
    const hit = key === undefined ? undefined : cache.get(key);
    if (hit) return fromCache(hit, request);
    const { response, body } = await bounded(await yoga.fetch(request, context ?? {}));
    // Stored only when yoga answered with the media type the key names (see negotiatedMediaType).
    const type = response.headers.get("content-type") ?? "";
    if (
      key !== undefined &&
      body !== undefined &&
      response.status === 200 &&
      !withErrors.has(request) &&
      type.startsWith(key.slice(0, key.indexOf(" ")))
    ) {
      const entry = await store(key, body, type);
      return fromCache(entry, request);
    }
    if (type.startsWith("text/html")) response.headers.set("content-security-policy", GRAPHIQL_CSP);
    else response.headers.set("cache-control", "no-store");
    return withCors(await encoded(request, response, body));
  }

  async function graphqlPost(request: Request, context: ServerContext | undefined) {
    const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
    if (!POST_TYPES.includes(type)) {
      return json(
        415,
        { errors: [{ message: `Unsupported content type "${type}": send application/json` }] },
        { accept: "application/json" },
      );
    }
    const length = Number(request.headers.get("content-length") ?? 0);
    if (length > maxBodyBytes) {
      return json(413, {
        errors: [{ message: `Request body is larger than ${maxBodyBytes} bytes` }],
      });
    }
    const { response, body } = await bounded(await yoga.fetch(request, context ?? {}));
    response.headers.set("cache-control", "no-store");
    return withCors(await encoded(request, response, body));
  }

  async function route(
    request: Request,
    context: ServerContext | undefined,
  ): Promise<[string, Response]> {
    const url = new URL(request.url);
    const path = url.pathname;
    if (request.method === "OPTIONS") return ["preflight", preflight(request)];
    if (path === GRAPHQL) {
      if (request.method === "GET") return ["graphql", await graphqlGet(request, url, context)];
      if (request.method === "POST") return ["graphql", await graphqlPost(request, context)];
      return [
        "graphql",
        json(405, { errors: [{ message: "Use GET or POST" }] }, { allow: "GET, POST, OPTIONS" }),
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
