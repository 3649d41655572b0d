import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createServerAdapter } from "@whatwg-node/server";
import { cacheKeyOf } from "./cache-key.ts";
import { type Coding, type ContentCoding, negotiateCoding } from "./compression.ts";
import { createDrain } from "./drain.ts";
import { createFastPost } from "./fast-post.ts";
import { createFetchHandler, type FetchHandler } from "./fetch-handler.ts";
import { HotOperations, operationKey } from "./hot-operations.ts";
import { createMetrics, type Metrics } from "./metrics.ts";
import { nodeCompressor } from "./node-compression.ts";
import { DEFAULTS, type FetchHandlerOptions } from "./options.ts";
import { createCachedCostOf, createCostOf } from "./plugins/cost-limit.ts";
import { isPlainHost, parseRequestTarget } from "./request-target.ts";
import { matchesIfNoneMatch, representationFor } from "./response-cache.ts";
import { serveStatic } from "./static-files.ts";

export interface GatewayOptions
  extends Omit<FetchHandlerOptions, "metrics" | "onRequestDone" | "onAcceptedOperation"> {
  /** Port to listen on. Default 4000; 0 picks a free one. */
  port?: number;
  /** Address to listen on. Default 127.0.0.1 (use 0.0.0.0 in a container). */
  host?: string;
  /** Serve the files of this folder at / (the widget's demo page), under a strict CSP. */
  staticDir?: string;
  /**
   * Serve /metrics (Prometheus) on the main listener. Default: only when it listens on a loopback
   * address (a development machine); a public listener keeps its metrics private unless asked, or
   * serves them on `metricsPort`. `false` also stops collecting them.
   */
  metrics?: boolean;
  /** Serve /metrics on a listener of its own, on this port (0 picks one) of `metricsHost`. */
  metricsPort?: number;
  /** Address of the metrics listener. Default: `host`. */
  metricsHost?: string;
  /**
   * On close, how long to go on accepting and answering while /ready already says 503, so that a load
   * balancer takes the instance out before it stops listening. Default 0 (set it to the balancer's
   * probe period times its failure threshold, e.g. 5000–10000 ms on Kubernetes).
   */
  shutdownDelayMs?: number;
  /** On close, after the delay: how long accepted requests may take before their connections are cut. Default 10 s. */
  shutdownTimeoutMs?: number;
  /** Most repeated operations kept compiled for the POST fast path (0 turns it off). Default 200. */
  hotOperations?: number;
  /** A request (headers and body) must arrive within this time, else 408. Default 30 s. */
  requestTimeoutMs?: number;
  /** Its headers must arrive within this time (at most requestTimeoutMs), else 408. Default 10 s. */
  headersTimeoutMs?: number;
}

export interface Gateway {
  /** The whole gateway as a fetch-API handler (tests call it in process). */
  fetch(request: Request): Promise<Response>;
  readonly handler: FetchHandler;
  readonly yoga: FetchHandler["yoga"];
  /** The node:http request listener, for an existing server or framework. */
  readonly listener: (req: IncomingMessage, res: ServerResponse) => void;
  readonly server: Server;
  readonly metrics: Metrics | undefined;
  /** The listener of /metrics when `metricsPort` is set. */
  readonly metricsServer: Server | undefined;
  /** Starts listening; resolves with the URL. */
  listen(): Promise<URL>;
  /**
   * Graceful shutdown: /ready says 503 at once; requests are still accepted and answered for
   * `shutdownDelayMs`; then the listener closes and every accepted request is answered (answers being
   * written included) before connections end, or the drain timeout cuts what is left.
   */
  close(): Promise<void>;
}

/** Whether an address is the loopback (127.0.0.0/8, ::1, localhost): reachable from this machine only. */
export function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || host === "[::1]" || /^127\./.test(host);
}

/** How many Host field lines a request has (more than one is a 400, RFC 9112 §3.2; Node keeps the first). */
function hostLines(rawHeaders: string[]): number {
  let count = 0;
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = rawHeaders[i]!;
    if (name.length === 4 && name.toLowerCase() === "host") count++;
  }
  return count;
}

/** A 400 for a request that cannot be read safely; the connection is closed after it. */
function badRequest(res: ServerResponse, message: string): void {
  const body = JSON.stringify({ errors: [{ message }] });
  res.writeHead(400, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(body),
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
    connection: "close",
  });
  res.end(body);
}

/**
 * The gateway on Node: the fetch handler behind node:http, with fast paths for cached GETs and for
 * POSTs of operations yoga has accepted before.
 */
export function createGateway(options: GatewayOptions = {}): Gateway {
  const {
    metrics: withMetrics,
    metricsPort,
    metricsHost,
    staticDir,
    port = 4000,
    host = "127.0.0.1",
    shutdownDelayMs = 0,
    shutdownTimeoutMs = 10_000,
    hotOperations = 200,
    requestTimeoutMs = 30_000,
    headersTimeoutMs = 10_000,
    ...handlerOptions
  } = options;
  const metrics = withMetrics === false ? undefined : createMetrics();
  const metricsOnMain =
    metrics !== undefined &&
    (withMetrics === true || (metricsPort === undefined && isLoopback(host)));
  // node:zlib: brotli and gzip, stronger for what is compressed once (cache, static files).
  const storedCompression = nodeCompressor("stored");
  const dynamicCompression = nodeCompressor("dynamic");
  const compression =
    handlerOptions.compression === false
      ? (false as const)
      : {
          stored: handlerOptions.compression?.stored ?? storedCompression,
          dynamic: handlerOptions.compression?.dynamic ?? dynamicCompression,
        };
  const fallback =
    handlerOptions.fallback ??
    (staticDir
      ? serveStatic(staticDir, compression === false ? undefined : compression.stored)
      : undefined);
  // The cache key of a GET's Accept and target, as the fetch handler computes it (cache-key.ts), kept
  // for the targets seen last: parsing the URL and its query costs more than the rest of a cached answer.
  // Only a memo of a pure function: whatever it holds, the key is the same.
  const fastKeys = new Map<string, string | undefined>();
  const fastKeyOf = (accept: string | undefined, target: string): string | undefined => {
    const memo = `${accept ?? ""}\n${target}`;
    if (fastKeys.has(memo)) return fastKeys.get(memo);
    const key = cacheKeyOf(accept, new URL(`http://localhost${target}`).search, graphiql);
    if (fastKeys.size >= 1000) fastKeys.clear();
    fastKeys.set(memo, key);
    return key;
  };
  // The coding of a cached GET per Accept-Encoding value (a handful in practice; bounded).
  const codings = new Map<string, Coding>();
  const storedCodings =
    compression === false ? new Set<ContentCoding>() : compression.stored.codings;
  const codingOf = (header: string | undefined): Coding => {
    const key = header ?? "";
    let coding = codings.get(key);
    if (coding === undefined) {
      coding = negotiateCoding(header, storedCodings);
      if (codings.size < 100) codings.set(key, coding);
    }
    return coding;
  };
  // Filled once the handler (and so the schema) exists; yoga reports accepted operations into it.
  let hot: HotOperations | undefined;
  const handler = createFetchHandler({
    ...handlerOptions,
    compression,
    ...(metrics ? { onRequestDone: metrics.observe } : {}),
    ...(metrics && metricsOnMain ? { metrics: metrics.render } : {}),
    ...(fallback ? { fallback } : {}),
    ...(hotOperations > 0
      ? {
          onAcceptedOperation: (query, operationName, document) =>
            hot?.accept(operationKey(query, operationName), document, operationName),
        }
      : {}),
  });
  hot = new HotOperations(handler.schema, hotOperations);
  metrics?.watch(handler.cache);
  const adapter = createServerAdapter((request: Request, context: object) =>
    handler.fetch(request, context),
  );
  const cache = handler.cache;
  // yoga's pipeline, for a request whose body the fast path has read already.
  const viaYoga = (req: IncomingMessage, res: ServerResponse, body?: Buffer) => {
    // @whatwg-node/server builds the Request from `req.body` when a framework has read the stream.
    if (body !== undefined) (req as IncomingMessage & { body?: Buffer }).body = body;
    void adapter(req, res);
  };
  const costOf = createCachedCostOf(
    createCostOf(handler.schema, handlerOptions.maxPageSize ?? DEFAULTS.maxPageSize),
  );
  const maxCost = handlerOptions.maxCost ?? DEFAULTS.maxCost;
  const fastPost =
    hotOperations > 0
      ? createFastPost({
          hot,
          maxBodyBytes: handlerOptions.maxBodyBytes ?? DEFAULTS.maxBodyBytes,
          fallback: viaYoga,
          withinCost: (document, variables, operationName) => {
            const cost = costOf(document, variables, operationName);
            return cost !== undefined && cost <= maxCost;
          },
          maxResponseBytes: handlerOptions.maxResponseBytes ?? DEFAULTS.maxResponseBytes,
          ...(compression === false ? {} : { compression: compression.dynamic }),
          ...(metrics ? { observe: metrics.compiledRun } : {}),
        })
      : undefined;

  const graphiql = handlerOptions.graphiql ?? true;
  // Cached GETs are answered straight from node:http, before any Request/Response objects exist:
  // the bytes, headers and ETag were computed once, when the entry was stored.
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    // One parse of the request target decides everything below, and the Request that yoga sees is
    // built from it and a Host that is a plain host[:port] (or the absolute-form authority).
    const target = parseRequestTarget(req.url ?? "");
    const host = target?.authority ?? req.headers.host ?? "localhost";
    if (target === undefined || !isPlainHost(host) || hostLines(req.rawHeaders) > 1) {
      badRequest(res, target === undefined ? "Malformed request target" : "Malformed Host header");
      return;
    }
    req.url = target.pathAndSearch;
    req.headers.host = host;
    // Draining: tell keep-alive clients to reconnect (to another instance) after this answer.
    if (!handler.ready) res.setHeader("connection", "close");
    const url = target.pathAndSearch;
    // HEAD too: Node sends the same headers without the body (RFC 9110 §9.1).
    if ((req.method === "GET" || req.method === "HEAD") && url.startsWith("/graphql?")) {
      const key = fastKeyOf(req.headers.accept, url);
      const entry = key === undefined ? undefined : cache.get(key);
      if (entry) {
        const chosen = representationFor(entry, codingOf(req.headers["accept-encoding"]));
        if (matchesIfNoneMatch(req.headers["if-none-match"], chosen.etag)) {
          res.writeHead(304, chosen.notModifiedHeaders);
          res.end();
          metrics?.fastHit(304);
        } else {
          res.writeHead(200, chosen.headers);
          res.end(chosen.body);
          metrics?.fastHit(200);
        }
        return;
      }
    }
    if (req.method === "POST" && url === "/graphql" && fastPost?.(req, res)) return;
    viaYoga(req, res);
  };

  // Slow clients (slowloris, truncated bodies) get a 408 instead of holding a connection for Node's
  // default five minutes; the checking interval bounds how late the timeouts are noticed.
  const headersTimeout =
    requestTimeoutMs > 0 ? Math.min(headersTimeoutMs, requestTimeoutMs) : headersTimeoutMs;
  const server = createServer(
    {
      keepAliveTimeout: 65_000,
      requestTimeout: requestTimeoutMs,
      headersTimeout,
      connectionsCheckingInterval: Math.max(100, Math.min(1000, headersTimeout || 1000)),
    },
    listener,
  );

  // /metrics on a listener of its own (an internal port for Prometheus), nothing else there.
  const metricsServer =
    metrics !== undefined && metricsPort !== undefined
      ? createServer((req, res) => {
          if (req.method !== "GET" || req.url?.split("?")[0] !== "/metrics") {
            res.writeHead(404, {
              "content-type": "text/plain; charset=utf-8",
              "x-content-type-options": "nosniff",
            });
            res.end("Not found\n");
            return;
          }
          void metrics.render().then(({ contentType, body }) => {
            res.writeHead(200, {
              "content-type": contentType,
              "cache-control": "no-store",
              "x-content-type-options": "nosniff",
            });
            res.end(body);
          });
        })
      : undefined;

  const drain = createDrain(server, handler.logger, { shutdownDelayMs, shutdownTimeoutMs });
  let closing: Promise<void> | undefined;

  return {
    fetch: (request) => handler.fetch(request),
    handler,
    yoga: handler.yoga,
    listener,
    server,
    metrics,
    metricsServer,
    async listen() {
      const listenOn = (target: Server, onPort: number, onHost: string) =>
        new Promise<URL>((resolvePromise, reject) => {
          target.once("error", reject);
          target.listen(onPort, onHost, () => {
            target.off("error", reject);
            const address = target.address() as AddressInfo;
            const hostname = address.family === "IPv6" ? `[${address.address}]` : address.address;
            resolvePromise(new URL(`http://${hostname}:${address.port}/`));
          });
        });
      const url = await listenOn(server, port, host);
      const metricsUrl =
        metricsServer && metricsPort !== undefined
          ? await listenOn(metricsServer, metricsPort, metricsHost ?? host)
          : undefined;
      handler.logger.info("listening", {
        url: url.href,
        datasetVersion: handler.datasetVersion,
        metrics: metricsUrl
          ? new URL("/metrics", metricsUrl).href
          : metricsOnMain
            ? new URL("/metrics", url).href
            : "off",
      });
      return url;
    },
    close() {
      if (closing) return closing;
      handler.ready = false;
      closing = drain().then(async () => {
        if (metricsServer?.listening) await new Promise((resolve) => metricsServer.close(resolve));
        handler.logger.info("closed");
      });
      return closing;
    },
  };
}
