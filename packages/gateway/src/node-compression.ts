import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import type { Compressor, ContentCoding } from "./compression.ts";

/**
 * Brotli and gzip with node:zlib. `level` trades CPU for bytes: "stored" (answers kept in the cache and
 * static files, compressed once) uses brotli 9 and gzip 9; "dynamic" (one answer, compressed per
 * request) brotli 4 and gzip 6.
 */
export function nodeCompressor(level: "stored" | "dynamic"): {
  compress: Compressor;
  codings: ReadonlySet<ContentCoding>;
} {
  const brotliQuality = level === "stored" ? 9 : 4;
  const gzipLevel = level === "stored" ? 9 : 6;
  return {
    codings: new Set<ContentCoding>(["br", "gzip"]),
    compress(body, coding) {
      return coding === "br"
        ? brotliCompressSync(body, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: brotliQuality,
              [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
              [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
            },
          })
        : gzipSync(body, { level: gzipLevel });
    },
  };
}
