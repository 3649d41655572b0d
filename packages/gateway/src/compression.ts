// Content coding for answers: brotli and gzip by Accept-Encoding (brotli preferred), with a
// compressor the runtime provides — node:zlib on Node (both codings), CompressionStream elsewhere
// (gzip; brotli where the runtime's CompressionStream has it). Edge-safe: no Node imports here.

export type ContentCoding = "br" | "gzip";
export type Coding = ContentCoding | "identity";

/** Compresses bytes with a coding, or gives undefined when this runtime cannot. */
export type Compressor = (
  body: Uint8Array,
  coding: ContentCoding,
) => Promise<Uint8Array | undefined> | Uint8Array | undefined;

/** Answers smaller than this are sent as they are: compression would not pay for its headers. */
export const MIN_COMPRESS_BYTES = 1024;

/** The codings tried, best first. */
const PREFERENCE: readonly ContentCoding[] = ["br", "gzip"];

/**
 * The coding to answer with for an Accept-Encoding header (RFC 9110 §12.5.3): the best of brotli and
 * gzip the client accepts with q > 0 (`*` counts for the ones it does not name) and this runtime
 * offers, else identity.
 */
export function negotiateCoding(
  header: string | null | undefined,
  offered: ReadonlySet<ContentCoding>,
): Coding {
  if (!header) return "identity";
  const q = new Map<string, number>();
  for (const item of header.toLowerCase().split(",")) {
    const [name = "", ...params] = item.trim().split(";");
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const value = qParam === undefined ? 1 : Number(qParam.slice(2));
    if (name) q.set(name.trim(), Number.isFinite(value) ? value : 0);
  }
  let best: Coding = "identity";
  let bestQ = 0;
  for (const coding of PREFERENCE) {
    if (!offered.has(coding)) continue;
    const value =
      q.get(coding) ?? (coding === "gzip" ? q.get("x-gzip") : undefined) ?? q.get("*") ?? 0;
    if (value > bestQ) {
      best = coding;
      bestQ = value;
    }
  }
  return best;
}

/** Which codings this runtime's CompressionStream can produce. */
function streamCodings(): ContentCoding[] {
  const codings: ContentCoding[] = [];
  if (typeof CompressionStream !== "function") return codings;
  for (const coding of PREFERENCE) {
    try {
      new CompressionStream(coding as CompressionFormat);
      codings.push(coding);
    } catch {
      // Not offered here (brotli in most runtimes' CompressionStream).
    }
  }
  return codings;
}

/**
 * A compressor on the web-standard CompressionStream (edge runtimes, Deno, Bun, Node). The codings are
 * probed on first use, not when the handler is built: workerd allows no streams at a module's top level.
 */
export function webCompressor(): {
  compress: Compressor;
  readonly codings: ReadonlySet<ContentCoding>;
} {
  let codings: Set<ContentCoding> | undefined;
  const offered = () => {
    codings ??= new Set(streamCodings());
    return codings;
  };
  return {
    get codings() {
      return offered();
    },
    async compress(body, coding) {
      if (!offered().has(coding)) return undefined;
      const stream = new Blob([body as Uint8Array<ArrayBuffer>])
        .stream()
        .pipeThrough(new CompressionStream(coding as CompressionFormat));
      return new Uint8Array(await new Response(stream).arrayBuffer());
    },
  };
}

/** `Vary` of answers whose content and coding depend on the request's Accept and Accept-Encoding. */
export const VARY = "Accept, Accept-Encoding";
