import { createHash } from "node:crypto";
import type { Stats } from "node:fs";
import { readFile, realpath, stat } from "node:fs/promises";
import { extname, join, resolve, sep } from "node:path";
import {
  type Compressor,
  type ContentCoding,
  MIN_COMPRESS_BYTES,
  negotiateCoding,
} from "./compression.ts";
import { matchesIfNoneMatch } from "./response-cache.ts";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".woff2": "font/woff2",
};

/** Text types worth compressing (images and fonts are compressed already). */
const COMPRESSIBLE = /^(?:text\/|application\/json|image\/svg\+xml)/;

/** The demo page runs under the same strict policy the widget promises to work under. */
export const HTML_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

/**
 * The policy for one HTML file: HTML_CSP, with the sha256 hashes of the file's own inline styles added
 * to `style-src` — a server-rendered page inlines what would block its first paint, and declarative
 * shadow roots carry their styles inline, as `<style>` elements and `style="…"` attributes (these need
 * `'unsafe-hashes'`, which still allows only the listed values; a value with a character reference is
 * not listed). Only styles written in the file are allowed: a style injected later is still refused.
 */
export function htmlCsp(html: string): string {
  const hashes = new Set<string>();
  for (const [, text] of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi))
    hashes.add(sha256(text!));
  const attributes = new Set<string>();
  for (const [, value] of html.matchAll(/\sstyle="([^"&]*)"/gi)) attributes.add(sha256(value!));
  if (attributes.size > 0) hashes.add("'unsafe-hashes'");
  const sources = [...hashes, ...attributes];
  return sources.length === 0
    ? HTML_CSP
    : HTML_CSP.replace("style-src 'self'", `style-src 'self' ${sources.join(" ")}`);
}

/** A value computed once per file version (path + modification time + size), from its bytes. */
function perVersion<T>(compute: (body: Uint8Array) => T) {
  const values = new Map<string, { version: string; value: T }>();
  return (file: string, version: string, body: Uint8Array): T => {
    let entry = values.get(file);
    if (entry?.version !== version) {
      entry = { version, value: compute(body) };
      values.set(file, entry);
    }
    return entry.value;
  };
}

/**
 * Serves the files under `dir` for GET/HEAD (`/` and folders → index.html; a folder's path without
 * its slash → 301 to the slash form), with a strong ETag per file version and coding, and 304 for a
 * matching If-None-Match (or `*`). Refuses anything that would leave `dir` (`..`, encoded slashes, NUL,
 * symlinks pointing out), dotfiles and unknown file types.
 */
export function serveStatic(
  dir: string,
  compression?: { compress: Compressor; codings: ReadonlySet<ContentCoding> },
) {
  const root = resolve(dir);
  let realRoot: Promise<string> | undefined;
  // Compressed once per file version (path + modification time + size), in every coding offered.
  const compressed = new Map<
    string,
    { version: string; codings: Map<ContentCoding, Uint8Array> }
  >();
  const compressedFor = async (
    file: string,
    version: string,
    body: Uint8Array,
    coding: ContentCoding,
  ): Promise<Uint8Array | undefined> => {
    let entry = compressed.get(file);
    if (entry?.version !== version) {
      entry = { version, codings: new Map() };
      compressed.set(file, entry);
    }
    if (!entry.codings.has(coding)) {
      const bytes = await compression!.compress(body, coding);
      // Stored even when not smaller (as the body itself), so the work is done once.
      entry.codings.set(coding, bytes && bytes.byteLength < body.byteLength ? bytes : body);
    }
    const bytes = entry.codings.get(coding)!;
    return bytes === body ? undefined : bytes;
  };
  // The policy of each HTML file version (its inline styles hashed once).
  const policyFor = perVersion((body) => htmlCsp(new TextDecoder().decode(body)));
  // The strong ETag of each file version: the SHA-256 of its bytes, computed on its first read.
  const hashOf = perVersion((body) => createHash("sha256").update(body).digest("base64url"));
  return async (request: Request): Promise<Response | undefined> => {
    if (request.method !== "GET" && request.method !== "HEAD") return undefined;
    let path: string;
    let url: URL;
    try {
      url = new URL(request.url);
      path = decodeURIComponent(url.pathname);
    } catch {
      return undefined;
    }
    if (
      path.includes("\0") ||
      path.includes("\\") ||
      // Dotfiles and dot-folders (.env, .git, .well-known) are never served, nor `.` and `..`.
      path.split("/").some((s) => s.startsWith("."))
    ) {
      return undefined;
    }
    let file = join(root, path);
    if (file !== root && !file.startsWith(root + sep)) return undefined;
    let info: Stats;
    let redirect = false;
    try {
      info = await stat(file);
      if (info.isDirectory()) {
        // A folder is its index.html, at the slash form of its path (so that relative links in it
        // resolve inside the folder): without the slash, a redirect there.
        redirect = !path.endsWith("/");
        file = join(file, "index.html");
        info = await stat(file);
      }
      if (!info.isFile()) return undefined;
      realRoot ??= realpath(root);
      const real = await realpath(file);
      const base = await realRoot;
      if (!real.startsWith(base + sep)) return undefined;
    } catch {
      return undefined;
    }
    const type = TYPES[extname(file).toLowerCase()];
    if (!type) return undefined;
    if (redirect) {
      // The path as sent (still encoded), its leading slashes collapsed: never `//host/`.
      const location = `/${url.pathname.replace(/^\/+/, "")}/${url.search}`;
      return new Response(null, {
        status: 301,
        headers: {
          location,
          "cache-control": "public, max-age=300",
          "x-content-type-options": "nosniff",
        },
      });
    }
    let body: Uint8Array = await readFile(file);
    const version = `${info.mtimeMs}:${info.size}`;
    const csp = type.startsWith("text/html") ? policyFor(file, version, body) : undefined;
    const hash = hashOf(file, version, body);
    const headers: Record<string, string> = {
      "content-type": type,
      "x-content-type-options": "nosniff",
      "cache-control": "public, max-age=300",
      vary: "Accept-Encoding",
      etag: `"${hash}"`,
    };
    if (compression && COMPRESSIBLE.test(type) && body.byteLength >= MIN_COMPRESS_BYTES) {
      const coding = negotiateCoding(request.headers.get("accept-encoding"), compression.codings);
      const bytes =
        coding === "identity" ? undefined : await compressedFor(file, version, body, coding);
      if (bytes) {
        body = bytes;
        headers["content-encoding"] = coding;
        // Strong and distinct per coding (RFC 9110 §8.8.3), as the GraphQL answers' ETags.
        headers.etag = `"${hash}-${coding}"`;
      }
    }
    if (matchesIfNoneMatch(request.headers.get("if-none-match"), headers.etag!)) {
      return new Response(null, {
        status: 304,
        headers: {
          etag: headers.etag!,
          "cache-control": headers["cache-control"]!,
          vary: headers.vary!,
          "x-content-type-options": "nosniff",
        },
      });
    }
    headers["content-length"] = String(body.byteLength);
    if (csp) {
      headers["content-security-policy"] = csp;
      headers["referrer-policy"] = "no-referrer";
    }
    return new Response(request.method === "HEAD" ? null : (body as Uint8Array<ArrayBuffer>), {
      status: 200,
      headers,
    });
  };
}
