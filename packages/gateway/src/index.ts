export { CORS_HEADERS } from "./cors.ts";
export { createGateway, type Gateway, type GatewayOptions } from "./create-gateway.ts";
export { createFetchHandler, type FetchHandler, type ServerContext } from "./fetch-handler.ts";
export { createJsonLogger, type Logger, type LogLevel } from "./logger.ts";
export type { FetchHandlerOptions } from "./options.ts";
export * from "./persisted-operations.ts";
export { HTML_CSP, htmlCsp, serveStatic } from "./static-files.ts";
export { documentId, TrustedDocumentsError } from "./trusted-documents.ts";
