#!/usr/bin/env node
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { createGateway, type GatewayOptions } from "./create-gateway.ts";
import type { LogLevel } from "./logger.ts";
import { TrustedDocumentsError } from "./trusted-documents.ts";

/** The limits and sizes a flag sets: flag → option (README and SECURITY.md list their defaults). */
const NUMBER_FLAGS = {
  "max-depth": "maxDepth",
  "max-aliases": "maxAliases",
  "max-tokens": "maxTokens",
  "max-cost": "maxCost",
  "max-response-bytes": "maxResponseBytes",
  "max-page-size": "maxPageSize",
  "max-body-bytes": "maxBodyBytes",
  "request-timeout": "requestTimeoutMs",
  "headers-timeout": "headersTimeoutMs",
  "metrics-port": "metricsPort",
  "shutdown-delay": "shutdownDelayMs",
  "shutdown-timeout": "shutdownTimeoutMs",
  "response-cache-entries": "responseCacheEntries",
  "response-cache-bytes": "responseCacheBytes",
  "hot-operations": "hotOperations",
  "cache-max-age": "cacheMaxAge",
  "cache-s-maxage": "cacheSMaxAge",
  "cache-stale-while-revalidate": "cacheStaleWhileRevalidate",
} as const satisfies Record<string, keyof GatewayOptions>;

const HELP = `ca-timeline-gateway: serve the ca-timeline GraphQL API

Usage: ca-timeline-gateway [options]

Options:
  --port <n>           port to listen on (env PORT; default 4000; 0 picks a free one)
  --host <address>     address to listen on (env HOST; default 127.0.0.1, use 0.0.0.0 in a container)
  --persisted-only     run persisted operations only (send documentId); for production
  --persisted-documents <file>
                       also trust the documents in <file> (JSON id → document, as graphql-codegen's
                       persisted-documents.json); repeatable; a wrong id refuses to start
  --no-introspection   refuse introspection queries (on by default: the data is public)
  --no-graphiql        do not serve GraphiQL to browsers at /graphql
  --static-dir <dir>   serve the files of <dir> at / (e.g. the widget's demo page)
  --metrics            serve /metrics on the main port even when it is public (by default only
                       a loopback listener serves it)
  --metrics-port <n>   serve /metrics on a port of its own (for Prometheus inside the network)
  --metrics-host <a>   address of the metrics port (default: --host)
  --no-metrics         neither collect nor serve metrics
  --log-level <level>  debug, info, warn, error or silent (env LOG_LEVEL; default info)
  -h, --help           show this help

Limits (whole numbers; defaults in brackets):
  --max-depth <n>                     deepest selection [12]
  --max-aliases <n>                   aliases per operation [30]
  --max-tokens <n>                    tokens per document [2000]
  --max-cost <n>                      most an operation may cost (fields × list sizes) [25000]
  --max-response-bytes <n>            largest answer, replaced by an error beyond [4194304]
  --max-page-size <n>                 largest first/last [100]
  --max-body-bytes <n>                largest request body, 413 beyond [100000]
  --request-timeout <ms>              whole request must arrive within, 408 beyond [30000]
  --headers-timeout <ms>              request headers must arrive within, 408 beyond [10000]
  --shutdown-delay <ms>               on SIGTERM, /ready says 503 but requests are still accepted
                                      and answered this long (a load balancer's grace) [0]
  --shutdown-timeout <ms>             then, accepted requests may take this long to finish [10000]
  --response-cache-entries <n>        GET response cache entries, 0 turns it off [2000]
  --response-cache-bytes <n>          GET response cache bytes [67108864]
  --hot-operations <n>                operations kept compiled for the POST fast path, 0 off [200]
  --cache-max-age <s>                 Cache-Control max-age of GETs [300]
  --cache-s-maxage <s>                Cache-Control s-maxage of GETs [3600]
  --cache-stale-while-revalidate <s>  Cache-Control stale-while-revalidate of GETs [86400]

Endpoints: /graphql (GraphQL over HTTP, GraphiQL in a browser), /health, /ready, /metrics (see above).
SIGTERM or SIGINT: /ready answers 503 at once; after --shutdown-delay the server stops accepting,
answers every accepted request and exits (a second signal exits at once).
`;

function fail(message: string): never {
  process.stderr.write(`ca-timeline-gateway: ${message}\n\n${HELP}`);
  process.exit(2);
}

let values: ReturnType<typeof parse>["values"];
function parse() {
  return parseArgs({
    options: {
      port: { type: "string" },
      host: { type: "string" },
      "persisted-only": { type: "boolean" },
      "persisted-documents": { type: "string", multiple: true },
      "no-introspection": { type: "boolean" },
      "no-graphiql": { type: "boolean" },
      "static-dir": { type: "string" },
      metrics: { type: "boolean" },
      "no-metrics": { type: "boolean" },
      "metrics-host": { type: "string" },
      "log-level": { type: "string" },
      help: { type: "boolean", short: "h" },
      ...(Object.fromEntries(
        Object.keys(NUMBER_FLAGS).map((flag) => [flag, { type: "string" }]),
      ) as Record<keyof typeof NUMBER_FLAGS, { type: "string" }>),
    },
    strict: true,
  });
}
try {
  values = parse().values;
} catch (error) {
  fail((error as Error).message);
}

if (values.help) {
  process.stdout.write(HELP);
  process.exit(0);
}

const portText = values.port ?? process.env.PORT ?? "4000";
const port = Number(portText);
if (!/^\d+$/.test(portText) || port > 65_535) fail(`--port: "${portText}" is not a port number`);
const logLevel = (values["log-level"] ?? process.env.LOG_LEVEL ?? "info") as LogLevel;
if (!["debug", "info", "warn", "error", "silent"].includes(logLevel)) {
  fail(`--log-level: "${logLevel}" is not one of debug, info, warn, error, silent`);
}

const limits: Partial<Record<(typeof NUMBER_FLAGS)[keyof typeof NUMBER_FLAGS], number>> = {};
for (const [flag, option] of Object.entries(NUMBER_FLAGS) as Array<
  [keyof typeof NUMBER_FLAGS, (typeof NUMBER_FLAGS)[keyof typeof NUMBER_FLAGS]]
>) {
  const text = values[flag];
  if (text === undefined) continue;
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text)))
    fail(`--${flag}: "${text}" is not a whole number`);
  limits[option] = Number(text);
}

/** A `--persisted-documents` file: its JSON, or the CLI stops with what is wrong. */
function readDocuments(file: string): { source: string; documents: Record<string, string> } {
  let text = "";
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    fail(
      `--persisted-documents: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  try {
    return { source: file, documents: JSON.parse(text) as Record<string, string> };
  } catch (error) {
    return fail(`--persisted-documents: ${file} is not JSON: ${(error as Error).message}`);
  }
}
const persistedDocuments = (values["persisted-documents"] ?? []).map(readDocuments);

let gateway: ReturnType<typeof createGateway>;
try {
  gateway = createGateway({
    port,
    host: values.host ?? process.env.HOST ?? "127.0.0.1",
    persistedOnly: values["persisted-only"] ?? false,
    introspection: !values["no-introspection"],
    graphiql: !values["no-graphiql"],
    logger: logLevel,
    ...limits,
    ...(values["static-dir"] ? { staticDir: values["static-dir"] } : {}),
    ...(persistedDocuments.length > 0 ? { persistedDocuments } : {}),
    ...(values["no-metrics"] ? { metrics: false } : values.metrics ? { metrics: true } : {}),
    ...(values["metrics-host"] ? { metricsHost: values["metrics-host"] } : {}),
  });
} catch (error) {
  if (error instanceof TrustedDocumentsError) fail(`--persisted-documents: ${error.message}`);
  throw error;
}

let closing = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (closing) {
      gateway.handler.logger.warn("second signal: exiting without draining", { signal });
      process.exit(1);
    }
    closing = true;
    gateway.handler.logger.info("shutting down", { signal });
    gateway.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

gateway.listen().catch((error: Error) => {
  gateway.handler.logger.error("cannot listen", { error: error.message, port, host: values.host });
  process.exit(1);
});
