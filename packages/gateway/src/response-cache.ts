/** A cached GraphQL GET response: the exact bytes and headers, shared by the fetch and Node paths. */
export interface CachedResponse {
  body: Uint8Array;
  etag: string;
  headers: Record<string, string>;
  /** The headers of a 304 answer: the same, without content type and length. */
  notModifiedHeaders: Record<string, string>;
}

/**
 * A least-recently-used map bounded by entry count and total bytes. Map keeps insertion order,
 * so re-inserting on a hit makes eviction from the front LRU.
 */
export class ResponseCache {
  readonly #entries = new Map<string, CachedResponse>();
  readonly #maxEntries: number;
  readonly #maxBytes: number;
  #bytes = 0;
  hits = 0;
  misses = 0;

  constructor(maxEntries: number, maxBytes: number) {
    this.#maxEntries = maxEntries;
    this.#maxBytes = maxBytes;
  }

  get size(): number {
    return this.#entries.size;
  }

  get bytes(): number {
    return this.#bytes;
  }

  get(key: string): CachedResponse | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    // Only refresh recency when the entry is not already the newest; the common hot-key case stays a single lookup.
    if (this.#entries.size > 1) {
      this.#entries.delete(key);
      this.#entries.set(key, entry);
    }
    return entry;
  }

  set(key: string, entry: CachedResponse): void {
    if (this.#maxEntries <= 0 || entry.body.byteLength > this.#maxBytes) return;
    const previous = this.#entries.get(key);
    if (previous) {
      this.#entries.delete(key);
      this.#bytes -= previous.body.byteLength;
    }
    this.#entries.set(key, entry);
    this.#bytes += entry.body.byteLength;
    while (this.#entries.size > this.#maxEntries || this.#bytes > this.#maxBytes) {
      const oldest = this.#entries.keys().next();
      if (oldest.done) break;
      const evicted = this.#entries.get(oldest.value)!;
      this.#entries.delete(oldest.value);
      // An entry can sit under two keys (normalised URL and raw Node URL); count its bytes per key.
      this.#bytes -= evicted.body.byteLength;
    }
  }

  clear(): void {
    this.#entries.clear();
    this.#bytes = 0;
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
