// GraphQL over HTTP in front of yoga: GETs answered from the response cache (stored once, in every
// coding, with an ETag per representation), POSTs checked for a CSRF-safe content type and size, every
// answer bounded in size and compressed as the client prefers.

import type { YogaServerInstance } from "graphql-yoga";
import { cacheKeyOf } from "./cache-key.ts";
import {
  type Coding,
  type Compressor,
  type ContentCoding,
  MIN_COMPRESS_BYTES,
  negotiateCoding,
  VARY,
} from "./compression.ts";
import { CORS_HEADERS, withCors } from "./cors.ts";
import type { ServerContext } from "./fetch-handler.ts";
import { GRAPHIQL_CSP } from "./graphiql.ts";
import { json } from "./json-answer.ts";
import type { Logger } from "./logger.ts";
import {
  type CachedResponse,
  matchesIfNoneMatch,
  type ResponseCache,
  representationFor,
  sha256Hex,
} from "./response-cache.ts";

// Content types a browser may POST cross-site without a CORS preflight ("simple requests"): refusing
// them makes POST CSRF-safe; GET runs queries only (no mutations, no side effects).
const POST_TYPES = ["application/json", "application/graphql+json", "application/graphql"];

/**
 * Cloudflare Workers (workerd) would otherwise compress a body again according to its Content-Encoding
 * header: `encodeBody: "manual"` says the bytes are encoded already. Other runtimes ignore the key.
 */
const PRECOMPRESSED = { encodeBody: "manual" } as ResponseInit;

type Compression = { compress: Compressor; codings: ReadonlySet<ContentCoding> };

export interface GraphQLHttpOptions {
  yoga: YogaServerInstance<object, object>;
  cache: ResponseCache;
  /** Requests whose result had errors (flagged by a yoga plugin): never cached. */
  withErrors: WeakSet<Request>;
  logger: Logger;
  datasetVersion: string;
  cacheControl: string;
  maxBodyBytes: number;
  maxResponseBytes: number;
  graphiql: boolean;
  /** Compressors for stored (cached) and per-request answers. */
  stored: Compression;
  dynamic: Compression;
}

/** The handlers of GET and POST /graphql. */
export function createGraphQLHttp(options: GraphQLHttpOptions) {
  const {
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
  } = options;

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
      ...PRECOMPRESSED,
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

  /**
   * yoga's server-sent events answer with its headers cleaned up: yoga sends `Cache-Control: no-cache`
   * (the gateway's `no-store` would be a second field) and `Content-Encoding: none`, which is not a
   * content coding (RFC 9110 §8.4.1); the stream is sent as it is, which needs no header.
   */
  function eventStream(response: Response): Response {
    const headers = new Headers();
    for (const [name, value] of response.headers) {
      const lower = name.toLowerCase();
      if (lower !== "cache-control" && lower !== "content-encoding") headers.append(lower, value);
    }
    return new Response(response.body, { status: response.status, headers });
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
      ...PRECOMPRESSED,
    });
  }

  /**
   * yoga's answer with its bytes read, or an error in its place when it is larger than maxResponseBytes
   * (the cost limit keeps operations small; this bounds what slips past it, e.g. very long texts).
   */
  async function bounded(response: Response): Promise<{ response: Response; body?: Uint8Array }> {
    const type = response.headers.get("content-type") ?? "";
    if (type.startsWith("text/event-stream")) return { response: eventStream(response) };
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

  async function graphqlGet(request: Request, url: URL, context: ServerContext | undefined) {
    const key = cacheKeyOf(request.headers.get("accept"), url.search, graphiql);
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

  return { get: graphqlGet, post: graphqlPost };
}
