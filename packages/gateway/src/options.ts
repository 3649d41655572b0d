import type { Dataset } from "@ca-timeline/data";
import type { Compressor, ContentCoding } from "./compression.ts";
import type { Logger, LogLevel } from "./logger.ts";
import type { AcceptedOperationListener } from "./plugins/accepted-operations.ts";

/** Options of the fetch handler (any runtime) and of createGateway (Node). */
export interface FetchHandlerOptions {
  /** The data to serve, in the shape of `events.json`. Default: the bundled `@ca-timeline/data`. */
  dataset?: Dataset;
  /** Refuse operations that are not persisted (send `documentId`); for production. Default false. */
  persistedOnly?: boolean;
  /**
   * Trusted documents besides the built-in ones, e.g. a frontend's `persisted-documents.json` as
   * graphql-codegen's client preset writes it (id → document). Each id is checked against the SHA-256 of
   * its document and each document against the schema when the handler is built: a wrong one throws.
   */
  persistedDocuments?: ReadonlyArray<{
    source: string;
    documents: Readonly<Record<string, string>>;
  }>;
  /** Answer introspection queries (GraphiQL and code generators need it; the data is public). Default true. */
  introspection?: boolean;
  /** Serve GraphiQL to browsers at /graphql. Default true. */
  graphiql?: boolean;
  /** Deepest selection allowed. Default 12. */
  maxDepth?: number;
  /** Most aliases per operation. Default 30. */
  maxAliases?: number;
  /** Most tokens per document. Default 2000. */
  maxTokens?: number;
  /**
   * Most an operation may cost: each field counts 1 plus its selection, times the items it can return
   * (`first`/`last` or the page size for connections, 10 for other lists); more is refused before it
   * runs. Default 25 000 (the widget's operation costs about 17 500).
   */
  maxCost?: number;
  /** Largest answer in bytes; a larger one is replaced by an error. The last line of defence. Default 4 MB. */
  maxResponseBytes?: number;
  /** Largest `first`/`last`. Default 100. */
  maxPageSize?: number;
  /** Largest request body in bytes; larger gets 413. Default 100 000. */
  maxBodyBytes?: number;
  /** GET responses: `max-age` in seconds (browsers). Default 300. */
  cacheMaxAge?: number;
  /** GET responses: `s-maxage` in seconds (CDNs and shared caches). Default 3600. */
  cacheSMaxAge?: number;
  /** GET responses: `stale-while-revalidate` in seconds. Default 86400. */
  cacheStaleWhileRevalidate?: number;
  /** In-memory cache of GET responses: most entries (0 turns it off) and most bytes. Defaults 2000 and 64 MB. */
  responseCacheEntries?: number;
  responseCacheBytes?: number;
  /** A logger, or the level of the default JSON logger. Default "info". */
  logger?: Logger | LogLevel;
  /** Observe each finished request (metrics). */
  onRequestDone?: (route: string, status: number, seconds: number) => void;
  /** Render a Prometheus exposition for /metrics; without it /metrics is 404. */
  metrics?: () => Promise<{ contentType: string; body: string }>;
  /**
   * Called with each arbitrary (not persisted) operation that passed parsing, limits and validation,
   * before it runs (the Node server compiles repeated ones for its fast path).
   */
  onAcceptedOperation?: AcceptedOperationListener;
  /**
   * Compression of answers (brotli and gzip by Accept-Encoding): the compressors for cached answers
   * (compressed once, when stored) and for per-request answers. Default: the runtime's
   * CompressionStream (gzip; brotli where it has it); the Node server passes node:zlib (both).
   * `false` sends everything uncompressed (e.g. behind a proxy that compresses).
   */
  compression?:
    | false
    | {
        stored?: { compress: Compressor; codings: ReadonlySet<ContentCoding> };
        dynamic?: { compress: Compressor; codings: ReadonlySet<ContentCoding> };
      };
  /** Handles requests no route matched (e.g. static files); return undefined for 404. */
  fallback?: (request: Request) => Promise<Response | undefined> | Response | undefined;
}

export const DEFAULTS = {
  maxDepth: 12,
  maxAliases: 30,
  maxTokens: 2000,
  maxCost: 25_000,
  maxResponseBytes: 4 * 1024 * 1024,
  maxPageSize: 100,
  maxBodyBytes: 100_000,
  cacheMaxAge: 300,
  cacheSMaxAge: 3600,
  cacheStaleWhileRevalidate: 86_400,
  responseCacheEntries: 2000,
  responseCacheBytes: 64 * 1024 * 1024,
} as const;
