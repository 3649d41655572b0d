import { LRUCache } from "lru-cache";
import type { Coding } from "./compression.ts";

/** One representation of a cached answer: its bytes (identity, brotli or gzip), ETag and headers. */
export interface Representation {
  body: Uint8Array;
  /** Strong and distinct per coding (RFC 9110 §8.8.3): `"<hash>"`, `"<hash>-br"`, `"<hash>-gzip"`. */
  etag: string;
  headers: Record<string, string>;
  /** The headers of a 304 answer: the same, without content type, length and coding. */
  notModifiedHeaders: Record<string, string>;
}

/**
 * A cached GraphQL GET answer, shared by the fetch and Node paths: computed once when stored, in
 * every coding this runtime offers (answers under 1 KB only as they are).
 */
export interface CachedResponse {
  identity: Representation;
  br?: Representation;
  gzip?: Representation;
}

/** The representation for a negotiated coding (identity when that coding was not worth storing). */
export function representationFor(entry: CachedResponse, coding: Coding): Representation {
  return (coding === "identity" ? undefined : entry[coding]) ?? entry.identity;
}

const bytesOf = (entry: CachedResponse) =>
  entry.identity.body.byteLength +
  (entry.br?.body.byteLength ?? 0) +
  (entry.gzip?.body.byteLength ?? 0);

/**
 * The cached GET answers: least recently used out first, bounded by entry count and by total bytes
 * (lru-cache's `maxSize`, each entry weighed by its body). An answer too large for the bound is not kept.
 */
export class ResponseCache {
  readonly #entries: LRUCache<string, CachedResponse> | undefined;
  hits = 0;
  misses = 0;

  constructor(maxEntries: number, maxBytes: number) {
    this.#entries =
      maxEntries > 0 && maxBytes > 0
        ? new LRUCache({
            max: maxEntries,
            maxSize: maxBytes,
            sizeCalculation: (entry) => Math.max(1, bytesOf(entry)),
          })
        : undefined;
  }

  get size(): number {
    return this.#entries?.size ?? 0;
  }

  get bytes(): number {
    return this.#entries?.calculatedSize ?? 0;
  }

  get(key: string): CachedResponse | undefined {
    const entry = this.#entries?.get(key);
    if (entry === undefined) this.misses++;
    else this.hits++;
    return entry;
  }

  set(key: string, entry: CachedResponse): void {
    const entries = this.#entries;
    if (entries === undefined || bytesOf(entry) > entries.maxSize) return;
    entries.set(key, entry);
  }

  clear(): void {
    this.#entries?.clear();
  }
}

/** Whether an If-None-Match header matches an ETag (weak comparison, as RFC 9110 prescribes for it). */
export function matchesIfNoneMatch(header: string | null | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  for (const candidate of header.split(",")) {
    const tag = candidate.trim();
    if (tag === etag || (tag.startsWith("W/") && tag.slice(2) === etag)) return true;
  }
  return false;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

/** SHA-256 as hex, with WebCrypto so that edge runtimes run it too. */
export async function sha256Hex(...parts: Array<string | Uint8Array>): Promise<string> {
  const encoder = new TextEncoder();
  const chunks = parts.map((p) => (typeof p === "string" ? encoder.encode(p) : p));
  const total = chunks.reduce((n, c) => n + c.byteLength, 0);
  const joined = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    joined.set(chunk, at);
    at += chunk.byteLength;
  }
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", joined));
  let hex = "";
  for (const byte of digest) hex += HEX[byte];
  return hex;
}
