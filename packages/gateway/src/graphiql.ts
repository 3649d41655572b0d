// GraphiQL served by the gateway itself, from the npm package @graphql-yoga/render-graphiql, instead of
// yoga's default page, which loads its files from a third-party CDN (blank offline or under a strict
// network policy). The page and its files run under a Content-Security-Policy without inline scripts.

import pkg from "@graphql-yoga/render-graphiql/package.json" with { type: "json" };

/** Where GraphiQL's files are served; versioned, so they can be cached for good. */
export const GRAPHIQL_PREFIX = `/graphiql/${pkg.version}/`;

/**
 * The GraphiQL page's policy: scripts and workers from this origin only; styles also inline (the
 * editor inserts its own <style> elements); requests to this origin only.
 */
export const GRAPHIQL_CSP =
  "default-src 'none'; script-src 'self'; worker-src 'self'; style-src 'self' 'unsafe-inline'; " +
  "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; " +
  "frame-ancestors 'none'";

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The page (yoga's `renderGraphiQL`): options travel as JSON data, read by start.js. */
export function renderGraphiQLPage(options: { title?: string } = {}): string {
  const title = escapeHtml(options.title ?? "GraphiQL");
  // JSON inside <script type="application/json">: "<" escaped so that no text can close the element.
  const data = JSON.stringify(options).replace(/</g, "\\u003c");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${title}</title>
<link rel="icon" href="${GRAPHIQL_PREFIX}favicon.ico">
<link rel="stylesheet" href="${GRAPHIQL_PREFIX}graphiql.css">
<script id="graphiql-options" type="application/json">${data}</script>
<script defer src="${GRAPHIQL_PREFIX}graphiql.js"></script>
<script defer src="${GRAPHIQL_PREFIX}start.js"></script>
</head>
<body id="body" class="no-focus-outline">
<noscript>GraphiQL needs JavaScript. Without it, send queries to this URL with GET or POST.</noscript>
<div id="root"></div>
</body>
</html>
`;
}

// Starts GraphiQL: the editor's workers come from this origin (no blob: URLs), then the options.
const START = `self.MonacoEnvironment = {
  globalAPI: false,
  getWorkerUrl: function (_moduleId, label) {
    var names = { editorWorkerService: "editor", json: "json", graphql: "graphql" };
    return ${JSON.stringify(GRAPHIQL_PREFIX)} + (names[label] || "editor") + ".worker.js";
  },
};
YogaGraphiQL.renderYogaGraphiQL(
  document.getElementById("root"),
  JSON.parse(document.getElementById("graphiql-options").textContent || "{}"),
);
`;

type Asset = { type: string; body: () => Promise<string | Uint8Array> };

// The package's module is large (about 9 MB of JavaScript): loaded on the first request for a file.
let bundle: Promise<typeof import("@graphql-yoga/render-graphiql/graphiql")> | undefined;
const loadBundle = () => {
  bundle ??= import("@graphql-yoga/render-graphiql/graphiql");
  return bundle;
};
const fromBundle =
  <K extends "js" | "css" | "editorWorkerService" | "jsonWorker" | "graphqlWorker">(key: K) =>
  async () =>
    (await loadBundle())[key];

const ASSETS: Record<string, Asset> = {
  "graphiql.js": { type: "text/javascript; charset=utf-8", body: fromBundle("js") },
  "graphiql.css": { type: "text/css; charset=utf-8", body: fromBundle("css") },
  "editor.worker.js": {
    type: "text/javascript; charset=utf-8",
    body: fromBundle("editorWorkerService"),
  },
  "json.worker.js": { type: "text/javascript; charset=utf-8", body: fromBundle("jsonWorker") },
  "graphql.worker.js": {
    type: "text/javascript; charset=utf-8",
    body: fromBundle("graphqlWorker"),
  },
  "start.js": { type: "text/javascript; charset=utf-8", body: async () => START },
  "favicon.ico": {
    type: "image/x-icon",
    body: async () => {
      const uri = (await loadBundle()).favicon;
      const bytes = atob(uri.slice(uri.indexOf(",") + 1));
      return Uint8Array.from(bytes, (c) => c.charCodeAt(0));
    },
  },
};

/** One of GraphiQL's files (GET/HEAD under GRAPHIQL_PREFIX), or undefined. */
export async function graphiqlAsset(request: Request, path: string): Promise<Response | undefined> {
  if (!path.startsWith(GRAPHIQL_PREFIX)) return undefined;
  if (request.method !== "GET" && request.method !== "HEAD") return undefined;
  const asset = ASSETS[path.slice(GRAPHIQL_PREFIX.length)];
  if (!asset) return undefined;
  const body = await asset.body();
  return new Response(request.method === "HEAD" ? null : (body as BodyInit), {
    headers: {
      "content-type": asset.type,
      "cache-control": "public, max-age=31536000, immutable",
      "content-security-policy": GRAPHIQL_CSP,
    },
  });
}
