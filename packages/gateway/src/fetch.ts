// The edge entry (`@ca-timeline/gateway/fetch`): the fetch handler without node:http, node:fs or
// prom-client, for Cloudflare Workers, Deno, Bun, Vercel/Netlify edge functions and the like.
export { CORS_HEADERS } from "./cors.ts";
export { createFetchHandler, type FetchHandler, type ServerContext } from "./fetch-handler.ts";
export { createJsonLogger, type Logger, type LogLevel } from "./logger.ts";
export type { FetchHandlerOptions } from "./options.ts";
export { documentId, TrustedDocumentsError } from "./trusted-documents.ts";
