import type { IncomingMessage, ServerResponse } from "node:http";
import type { DocumentNode, ExecutionResult } from "graphql";
import { negotiatedMediaType } from "./cache-key.ts";
import {
  type Compressor,
  type ContentCoding,
  MIN_COMPRESS_BYTES,
  negotiateCoding,
  VARY,
} from "./compression.ts";
import { CORS_HEADERS } from "./cors.ts";
import { type HotOperations, operationKey } from "./hot-operations.ts";

export interface FastPostOptions {
  hot: HotOperations;
  maxBodyBytes: number;
  /** Answers a request the fast path does not; `body` is what was already read of it. */
  fallback: (req: IncomingMessage, res: ServerResponse, body?: Buffer) => void;
  /** Counts and times a request the fast path answered (always a 200). */
  observe?: (seconds: number) => void;
  /**
   * Whether this document may run with these variables (the cost limit, which yoga checked for the
   * variables it saw first); when not, yoga answers the request with its error.
   */
  withinCost: (
    document: DocumentNode,
    variables: Record<string, unknown> | undefined,
    operationName: string | undefined,
  ) => boolean;
  /** Answers larger than this go to yoga, which replaces them by an error. */
  maxResponseBytes: number;
  /** Compresses answers the client accepts compressed (synchronous: node:zlib). */
  compression?: { compress: Compressor; codings: ReadonlySet<ContentCoding> };
}

const JSON_TYPE = /^application\/json\s*(?:;\s*charset=utf-8\s*)?$/i;
const negotiated = new Map<string, string | undefined>();

/**
 * A fast path for GraphQL POSTs on Node: `{query, variables?, operationName?}` as application/json,
 * for a document yoga already accepted (parsed within the limits, validated with every rule), runs
 * the operation compiled with graphql-jit and writes the bytes yoga would have written, with the
 * gateway's headers. Everything else, and every result with errors, goes to yoga unchanged (queries
 * have no side effects, so running one twice is harmless): the limits, error masking and the spec's
 * status codes stay yoga's.
 */
export function createFastPost(options: FastPostOptions) {
  const { hot, maxBodyBytes, fallback, observe, withinCost, maxResponseBytes, compression } =
    options;

  function answer(
    req: IncomingMessage,
    res: ServerResponse,
    body: Buffer,
    type: string,
    started: number,
  ): void {
    let params: { query?: unknown; variables?: unknown; operationName?: unknown } | null;
    try {
      params = JSON.parse(body.toString("utf8"));
    } catch {
      params = null;
    }
    if (params === null || typeof params !== "object" || Array.isArray(params)) {
      fallback(req, res, body);
      return;
    }
    const { query, variables, operationName } = params;
    const key =
      typeof query === "string" &&
      (operationName == null || typeof operationName === "string") &&
      (variables == null || (typeof variables === "object" && !Array.isArray(variables))) &&
      Object.keys(params).every((k) => k === "query" || k === "variables" || k === "operationName")
        ? operationKey(query, operationName)
        : undefined;
    const compiled = key === undefined ? undefined : hot.get(key);
    const document = key === undefined ? undefined : hot.document(key);
    if (
      compiled === undefined ||
      document === undefined ||
      !withinCost(
        document,
        (variables ?? undefined) as Record<string, unknown> | undefined,
        (operationName ?? undefined) as string | undefined,
      )
    ) {
      fallback(req, res, body);
      return;
    }
    let result: ExecutionResult | Promise<ExecutionResult>;
    try {
      result = compiled.query(undefined, {}, (variables ?? {}) as Record<string, unknown>);
    } catch {
      fallback(req, res, body);
      return;
    }
    const send = (done: ExecutionResult) => {
      if (done.errors !== undefined && done.errors.length > 0) {
        fallback(req, res, body);
        return;
      }
      // Encoded once: its length and the bytes to write (a string would be measured, then encoded).
      const bytes = Buffer.from(
        JSON.stringify(done.extensions === undefined ? { data: done.data } : done),
      );
      if (bytes.byteLength > maxResponseBytes) {
        fallback(req, res, body);
        return;
      }
      // The same coding the fetch handler would choose (answers under 1 KB as they are).
      let sent: Uint8Array = bytes;
      let coding: ContentCoding | undefined;
      if (compression && bytes.byteLength >= MIN_COMPRESS_BYTES) {
        const chosen = negotiateCoding(req.headers["accept-encoding"], compression.codings);
        const compressed = chosen === "identity" ? undefined : compression.compress(bytes, chosen);
        if (compressed instanceof Uint8Array && compressed.byteLength < bytes.byteLength) {
          sent = compressed;
          coding = chosen as ContentCoding;
        }
      }
      res.writeHead(200, {
        "content-type": `${type}; charset=utf-8`,
        "content-length": sent.byteLength,
        ...(coding ? { "content-encoding": coding } : {}),
        vary: VARY,
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
        ...CORS_HEADERS,
      });
      res.end(sent);
      observe?.((performance.now() - started) / 1000);
    };
    if (result instanceof Promise) result.then(send, () => fallback(req, res, body));
    else send(result);
  }

  /** Takes the request if it may be fast (true), else leaves it untouched (false). */
  return function fastPost(req: IncomingMessage, res: ServerResponse): boolean {
    const headers = req.headers;
    const length = Number(headers["content-length"]);
    if (!(length > 0 && length <= maxBodyBytes) || !JSON_TYPE.test(headers["content-type"] ?? ""))
      return false;
    const accept = headers.accept ?? "";
    let type = negotiated.get(accept);
    if (type === undefined && !negotiated.has(accept)) {
      type = negotiatedMediaType(headers.accept);
      if (negotiated.size < 100) negotiated.set(accept, type);
    }
    if (type === undefined) return false;
    const started = performance.now();
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
      answer(req, res, body, type, started);
    });
    return true;
  };
}
