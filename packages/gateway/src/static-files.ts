import { readFile, realpath, stat } from "node:fs/promises";
import { extname, join, resolve, sep } from "node:path";

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

/** The demo page runs under the same strict policy the widget promises to work under. */
export const HTML_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * Serves the files under `dir` for GET/HEAD (`/` and folders → index.html). Refuses anything that
 * would leave `dir` (`..`, encoded slashes, NUL, symlinks pointing out), dotfiles and unknown file types.
 */
export function serveStatic(dir: string) {
  const root = resolve(dir);
  let realRoot: Promise<string> | undefined;
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
    try {
      let info = await stat(file);
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
    const body = await readFile(file);
    const headers: Record<string, string> = {
      "content-type": type,
      "content-length": String(body.byteLength),
      "x-content-type-options": "nosniff",
      "cache-control": "public, max-age=300",
    };
    if (type.startsWith("text/html")) {
      headers["content-security-policy"] = HTML_CSP;
      headers["referrer-policy"] = "no-referrer";
    }
    return new Response(request.method === "HEAD" ? null : body, { status: 200, headers });
  };
}
