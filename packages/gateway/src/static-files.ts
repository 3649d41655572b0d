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

/**
 * Serves the files under `dir` for GET/HEAD (`/` and folders → index.html). Refuses anything that
 * would leave `dir` (`..`, encoded slashes, NUL, symlinks pointing out), dotfiles and unknown file types.
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
  const policies = new Map<string, { version: string; csp: string }>();
  const policyFor = (file: string, version: string, body: Uint8Array): string => {
    let entry = policies.get(file);
    if (entry?.version !== version) {
      entry = { version, csp: htmlCsp(new TextDecoder().decode(body)) };
      policies.set(file, entry);
    }
    return entry.csp;
  };
  return async (request: Request): Promise<Response | undefined> => {
    if (request.method !== "GET" && request.method !== "HEAD") return undefined;
    let path: string;
    try {
      path = decodeURIComponent(new URL(request.url).pathname);
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
    try {
      info = await stat(file);
      if (info.isDirectory()) {
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
    let body: Uint8Array = await readFile(file);
    const version = `${info.mtimeMs}:${info.size}`;
    const csp = type.startsWith("text/html") ? policyFor(file, version, body) : undefined;
    const headers: Record<string, string> = {
      "content-type": type,
      "x-content-type-options": "nosniff",
      "cache-control": "public, max-age=300",
      vary: "Accept-Encoding",
    };
    if (compression && COMPRESSIBLE.test(type) && body.byteLength >= MIN_COMPRESS_BYTES) {
      const coding = negotiateCoding(request.headers.get("accept-encoding"), compression.codings);
      const bytes =
        coding === "identity" ? undefined : await compressedFor(file, version, body, coding);
      if (bytes) {
        body = bytes;
        headers["content-encoding"] = coding;
      }
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
