#!/usr/bin/env node
import { parseArgs } from "node:util";
import { createGateway } from "./create-gateway.ts";
import type { LogLevel } from "./logger.ts";

const HELP = `ca-timeline-gateway: serve the ca-timeline GraphQL API

Usage: ca-timeline-gateway [options]

Options:
  --port <n>           port to listen on (env PORT; default 4000)
  --host <address>     address to listen on (env HOST; default 127.0.0.1, 0.0.0.0 in containers)
  --persisted-only     run persisted operations only (send documentId); for production
  --no-introspection   refuse introspection queries (on by default: the data is public)
  --no-graphiql        do not serve GraphiQL to browsers at /graphql
  --static-dir <dir>   serve the files of <dir> at / (e.g. the widget's demo page)
  --log-level <level>  debug, info, warn, error or silent (env LOG_LEVEL; default info)
  -h, --help           show this help

Endpoints: /graphql (GraphQL over HTTP, GraphiQL in a browser), /health, /ready, /metrics.
SIGTERM or SIGINT: stops accepting, lets in-flight requests finish, exits.
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
      "no-introspection": { type: "boolean" },
      "no-graphiql": { type: "boolean" },
      "static-dir": { type: "string" },
      "log-level": { type: "string" },
      help: { type: "boolean", short: "h" },
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

const gateway = createGateway({
  port,
  host: values.host ?? process.env.HOST ?? "127.0.0.1",
  persistedOnly: values["persisted-only"] ?? false,
  introspection: !values["no-introspection"],
  graphiql: !values["no-graphiql"],
  logger: logLevel,
  ...(values["static-dir"] ? { staticDir: values["static-dir"] } : {}),
});

let closing = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (closing) return;
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
