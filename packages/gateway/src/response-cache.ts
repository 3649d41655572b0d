import { LRUCache } from "lru-cache";

/** A cached GraphQL GET response: the exact bytes and headers, shared by the fetch and Node paths. */
export interface CachedResponse {
  body: Uint8Array;
  etag: string;
  headers: Record<string, string>;
  /** The headers of a 304 answer: the same, without content type and length. */
  notModifiedHeaders: Record<string, string>;
}

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
            sizeCalculation: (entry) => Math.max(1, entry.body.byteLength),
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
    if (entries === undefined || entry.body.byteLength > entries.maxSize) return;
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
