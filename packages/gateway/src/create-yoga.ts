import { maxAliasesPlugin } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthPlugin } from "@escape.tech/graphql-armor-max-depth";
import { maxTokensPlugin } from "@escape.tech/graphql-armor-max-tokens";
import type { GraphQLSchema } from "graphql";
import { createYoga, type Plugin, type YogaServerInstance } from "graphql-yoga";
import { renderGraphiQLPage } from "./graphiql.ts";
import type { Logger } from "./logger.ts";
import { persistedOperations } from "./persisted-operations.ts";
import {
  type AcceptedOperationListener,
  useAcceptedOperations,
} from "./plugins/accepted-operations.ts";
import { useCostLimit } from "./plugins/cost-limit.ts";
import { reportInsteadOfThrow, useLimitErrorsAsBadRequests } from "./plugins/limit-errors.ts";
import { useNoIntrospection } from "./plugins/no-introspection.ts";
import { useNoOriginalErrors } from "./plugins/no-original-errors.ts";
import { useOperationKinds } from "./plugins/operation-kinds.ts";
import { usePersistedDocuments } from "./plugins/persisted-documents.ts";
import { useResultErrorFlags } from "./plugins/result-errors.ts";
import { useStrictGetParams } from "./plugins/strict-get-params.ts";
import { type DocumentSet, loadTrustedDocuments } from "./trusted-documents.ts";

export type { AcceptedOperationListener } from "./plugins/accepted-operations.ts";

export interface YogaOptions {
  schema: GraphQLSchema;
  logger: Logger;
  persistedOnly: boolean;
  introspection: boolean;
  graphiql: boolean;
  maxDepth: number;
  maxAliases: number;
  maxTokens: number;
  maxCost: number;
  maxPageSize: number;
  maxBodyBytes: number;
  /** Trusted documents besides the built-in ones (a frontend's `persisted-documents.json`). */
  trustedDocuments?: readonly DocumentSet[];
  /** Filled with the requests whose result carries errors (their answers are never cached). */
  resultsWithErrors?: WeakSet<Request>;
  /** Called with each arbitrary (not persisted) operation yoga accepted, before it runs. */
  onAccepted?: AcceptedOperationListener;
}

/**
 * What the Node server's fast paths (cached GETs, compiled POSTs: see create-gateway.ts) do about a
 * plugin they bypass. Every plugin must say, so that a new one (auth, rate limits, tracing) cannot
 * silently stop applying to the requests they answer; plugins.test.ts fails for one that does not.
 * - "before": the fast path only answers requests this plugin already let through once (same bytes
 *   for a cached GET; same document, accepted after parsing and validation, for a compiled POST).
 * - "repeated": the fast path repeats this plugin's check itself, per request.
 * - "not-applicable": the plugin does nothing for requests the fast paths take.
 */
export type FastPathDecision = "before" | "repeated" | "not-applicable";

export interface GatewayPlugin {
  name: string;
  plugin: Plugin;
  fastPaths: FastPathDecision;
}

/** The gateway's yoga plugins in order, each with its fast-path decision. */
export function gatewayPlugins(options: YogaOptions): GatewayPlugin[] {
  // Checked and parsed once, here: persisted operations then skip parsing and validation per request.
  const documents = loadTrustedDocuments(
    [
      // Validated against the schema by persisted-operations.test.ts (not here: a test may use another).
      {
        source: "the gateway's built-in documents",
        documents: persistedOperations,
        validate: false,
      },
      ...(options.trustedDocuments ?? []),
    ],
    options.schema,
  );
  const plugins: GatewayPlugin[] = [];
  // First, so that it sees the params as the client sent them.
  if (options.onAccepted)
    plugins.push({
      name: "accepted-operations",
      plugin: useAcceptedOperations(options.onAccepted),
      fastPaths: "not-applicable",
    });
  plugins.push(
    {
      name: "persisted-documents",
      plugin: usePersistedDocuments(documents, options.persistedOnly),
      // persistedOnly: a compiled POST is an arbitrary query yoga accepted, so only ever exists when
      // arbitrary queries are allowed; a cached GET's first answer went through this plugin.
      fastPaths: "before",
    },
    {
      name: "max-tokens",
      plugin: maxTokensPlugin({ n: options.maxTokens }) as Plugin,
      fastPaths: "before",
    },
    {
      name: "max-depth",
      plugin: maxDepthPlugin({
        n: options.maxDepth,
        ignoreIntrospection: true,
        flattenFragments: true,
        ...reportInsteadOfThrow,
      }) as Plugin,
      fastPaths: "before",
    },
    {
      name: "max-aliases",
      plugin: maxAliasesPlugin({ n: options.maxAliases, ...reportInsteadOfThrow }) as Plugin,
      fastPaths: "before",
    },
    // The cost depends on the variables: the compiled POST path checks it again for every request.
    {
      name: "cost-limit",
      plugin: useCostLimit(options.schema, {
        maxCost: options.maxCost,
        pageSize: options.maxPageSize,
      }),
      fastPaths: "repeated",
    },
    { name: "operation-kinds", plugin: useOperationKinds(), fastPaths: "before" },
    {
      name: "limit-errors-as-bad-requests",
      plugin: useLimitErrorsAsBadRequests(),
      fastPaths: "before",
    },
    { name: "strict-get-params", plugin: useStrictGetParams(), fastPaths: "before" },
    // Results with errors never take a fast path (they fall back to yoga), so nothing to strip there.
    { name: "no-original-errors", plugin: useNoOriginalErrors(), fastPaths: "not-applicable" },
  );
  if (!options.introspection)
    plugins.push({ name: "no-introspection", plugin: useNoIntrospection(), fastPaths: "before" });
  // Fast paths answer only results without errors (a compiled POST with errors falls back to yoga).
  if (options.resultsWithErrors)
    plugins.push({
      name: "result-error-flags",
      plugin: useResultErrorFlags(options.resultsWithErrors),
      fastPaths: "not-applicable",
    });
  return plugins;
}

/** The yoga server: GraphQL over HTTP with the limits, trusted documents and error masking. */
export function createGatewayYoga(options: YogaOptions): YogaServerInstance<object, object> {
  return createYoga({
    schema: options.schema,
    graphqlEndpoint: "/graphql",
    // The gateway answers /health, /ready and CORS itself, in front of yoga.
    healthCheckEndpoint: "/__yoga-health",
    cors: false,
    landingPage: false,
    graphiql: options.graphiql ? { title: "ca-timeline GraphQL API" } : false,
    // Served from the npm package by the gateway (graphiql.ts), not from a CDN.
    renderGraphiQL: renderGraphiQLPage,
    batching: false,
    multipart: false,
    maxRequestBodySize: options.maxBodyBytes,
    // Mask everything unexpected, never with stack traces or paths, also in development.
    // GraphQLErrors (bad arguments, validation, limits) are meant for clients and pass through.
    // yoga logs what it masked (the logger writes its message, stack and cause).
    maskedErrors: { isDev: false },
    logging: options.logger,
    plugins: gatewayPlugins(options).map((entry) => entry.plugin),
  }) as unknown as YogaServerInstance<object, object>;
}
