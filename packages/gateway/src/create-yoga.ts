import { maxAliasesPlugin } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthPlugin } from "@escape.tech/graphql-armor-max-depth";
import { maxTokensPlugin } from "@escape.tech/graphql-armor-max-tokens";
import { usePersistedOperations } from "@graphql-yoga/plugin-persisted-operations";
import {
  type DocumentNode,
  GraphQLError,
  type GraphQLSchema,
  NoSchemaIntrospectionCustomRule,
  parse,
  type ValidationContext,
} from "graphql";
import { createYoga, type GraphQLParams, type Plugin, type YogaServerInstance } from "graphql-yoga";
import type { Logger } from "./logger.ts";
import { persistedOperations } from "./persisted-operations.ts";

export interface YogaOptions {
  schema: GraphQLSchema;
  logger: Logger;
  persistedOnly: boolean;
  introspection: boolean;
  graphiql: boolean;
  maxDepth: number;
  maxAliases: number;
  maxTokens: number;
  maxBodyBytes: number;
  /** Called with each arbitrary (not persisted) operation yoga accepted, before it runs. */
  onAccepted?: AcceptedOperationListener;
}

/** Receives an operation yoga parsed and validated: its `query` text, operation name and document. */
export type AcceptedOperationListener = (
  query: string,
  operationName: string | undefined,
  document: DocumentNode,
) => void;

const SHA256 = /^(?:sha256:)?([0-9a-f]{64})$/;

/**
 * The persisted-operation id of a request: `documentId` (GraphQL-over-HTTP's persisted documents,
 * in the URL of a GET or the body of a POST, bare hex or `sha256:<hex>`) or Apollo's
 * `extensions.persistedQuery.sha256Hash`.
 */
function extractDocumentId(params: Record<string, unknown>, request: Request): string | null {
  let id: unknown = params.documentId;
  if (id === undefined && request.method === "GET") {
    const at = request.url.indexOf("?");
    if (at !== -1)
      id = new URLSearchParams(request.url.slice(at + 1)).get("documentId") ?? undefined;
  }
  if (id === undefined) {
    const persisted = (
      params.extensions as { persistedQuery?: { version?: unknown; sha256Hash?: unknown } }
    )?.persistedQuery;
    if (persisted?.version === 1) id = persisted.sha256Hash;
  }
  return typeof id === "string" ? (SHA256.exec(id)?.[1] ?? id) : null;
}

/** Introspection off: graphql's own validation rule, added to every validation. */
function useNoIntrospection(): Plugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(NoSchemaIntrospectionCustomRule);
    },
  };
}

/**
 * Tells the listener about every arbitrary operation that passed parsing, the limits and validation:
 * the request's own `query` text is noted before the persisted-operations plugin rewrites the params,
 * so persisted requests (which skip validation) and refused ones are never reported.
 */
function useAcceptedOperations(listener: AcceptedOperationListener): Plugin {
  const queries = new WeakMap<Request, string>();
  return {
    onParams({ params, request }) {
      const raw = params as unknown as Record<string, unknown>;
      if (typeof raw.query === "string" && raw.documentId === undefined && raw.extensions == null)
        queries.set(request, raw.query);
    },
    onExecute({ args }) {
      const request = (args.contextValue as { request?: Request }).request;
      const query = request && queries.get(request);
      if (query !== undefined) listener(query, args.operationName ?? undefined, args.document);
    },
  };
}

/** Marks an error as a spec'd request error: 400 for application/graphql-response+json, 200 for JSON. */
function asBadRequest(error: Error): Error {
  if (!(error instanceof GraphQLError) || error.extensions?.http) return error;
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: { ...error.extensions, http: { spec: true, status: 400 } },
  });
}

/**
 * graphql-armor reports its limits (depth, aliases, tokens) as plain GraphQLErrors, which yoga answers
 * with 200; the GraphQL-over-HTTP spec wants parse and validation failures to be 400 under
 * application/graphql-response+json, like yoga's own validation errors.
 */
function useLimitErrorsAsBadRequests(): Plugin {
  return {
    onParse() {
      return ({ result, replaceParseResult }) => {
        if (result instanceof GraphQLError) replaceParseResult(asBadRequest(result));
      };
    },
    onValidate() {
      return ({ result, setResult }) => {
        if (result.length > 0)
          setResult(result.map((error) => asBadRequest(error) as GraphQLError));
      };
    },
  };
}

/** A GET parameter that must hold JSON (`variables`, `extensions`); a 400 when it does not. */
function jsonParam(search: URLSearchParams, name: string): Record<string, unknown> | undefined {
  const text = search.get(name) || undefined;
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new GraphQLError(`The ${name} parameter is not valid JSON.`, {
      extensions: { code: "BAD_REQUEST", http: { status: 400 } },
    });
  }
}

/**
 * yoga's GET parser lets the SyntaxError of malformed `variables` or `extensions` JSON escape, and
 * masking turns it into a 500; a client's broken URL is a 400. Otherwise it reads the same params.
 */
function useStrictGetParams(): Plugin {
  const parseGet = (request: Request): GraphQLParams => {
    const at = request.url.indexOf("?");
    const search = new URLSearchParams(at === -1 ? "" : request.url.slice(at + 1));
    return {
      operationName: search.get("operationName") || undefined,
      query: search.get("query") || undefined,
      variables: jsonParam(search, "variables"),
      extensions: jsonParam(search, "extensions"),
    };
  };
  return {
    onRequestParse({ request, setRequestParser }) {
      if (request.method === "GET") setRequestParser(parseGet);
    },
  };
}

/**
 * yoga puts the JSON parser's own error (`extensions.originalError`: name and message) into its
 * answer to a broken POST body: internals that clients do not need. The answer keeps its message,
 * code and status: yoga answers a spec'd error 200 under application/json unless it carries such an
 * original error, so the status is made unconditional (`spec` dropped) where the original goes.
 */
function useNoOriginalErrors(): Plugin {
  return {
    onResultProcess({ result, setResult }) {
      if (result === null || typeof result !== "object" || Array.isArray(result)) return;
      const errors = (result as { errors?: readonly GraphQLError[] }).errors;
      if (!errors?.some((error) => error.extensions?.originalError !== undefined)) return;
      setResult({
        ...result,
        errors: errors.map((error) => {
          if (error.extensions?.originalError === undefined) return error;
          const {
            originalError: _,
            http,
            ...rest
          } = error.extensions as {
            originalError: unknown;
            http?: { spec?: boolean; status?: number };
          };
          const extensions =
            http === undefined ? rest : { ...rest, http: { ...http, spec: false } };
          return new GraphQLError(error.message, {
            nodes: error.nodes,
            source: error.source,
            positions: error.positions,
            path: error.path,
            extensions,
          });
        }),
      });
    },
  };
}

// Armor's validation rules throw by default, which aborts validation and yields a 200; reported
// errors join the validation result instead and become 400s like every other validation error.
const reportInsteadOfThrow = {
  propagateOnRejection: false,
  onReject: [
    (context: ValidationContext | null, error: GraphQLError) => context?.reportError(error),
  ],
};

/** The yoga server: GraphQL over HTTP with the limits, trusted documents and error masking. */
export function createGatewayYoga(options: YogaOptions): YogaServerInstance<object, object> {
  // Parsed once: persisted operations skip parsing, and their validation too (they are validated in tests).
  const documents = new Map<string, DocumentNode>(
    Object.entries(persistedOperations).map(([id, source]) => [id, parse(source)]),
  );
  const plugins: Plugin[] = [];
  // First, so that it sees the params as the client sent them.
  if (options.onAccepted) plugins.push(useAcceptedOperations(options.onAccepted));
  plugins.push(
    usePersistedOperations({
      allowArbitraryOperations: !options.persistedOnly,
      extractPersistedOperationId: (params, request) =>
        extractDocumentId(params as unknown as Record<string, unknown>, request),
      getPersistedOperation: (id) => documents.get(id) ?? null,
      skipDocumentValidation: true,
      customErrors: {
        notFound: {
          message: "documentId: no persisted operation has this id",
          extensions: { code: "PERSISTED_QUERY_NOT_FOUND", http: { status: 400 } },
        },
        persistedQueryOnly: {
          message:
            "This gateway runs persisted operations only: send a documentId instead of a query",
          extensions: { code: "PERSISTED_QUERY_ONLY", http: { status: 400 } },
        },
        keyNotFound: {
          message: "Missing query: send a query or a documentId",
          extensions: { code: "BAD_REQUEST", http: { status: 400 } },
        },
      },
    }) as Plugin,
    maxTokensPlugin({ n: options.maxTokens }) as Plugin,
    maxDepthPlugin({
      n: options.maxDepth,
      ignoreIntrospection: true,
      flattenFragments: true,
      ...reportInsteadOfThrow,
    }) as Plugin,
    maxAliasesPlugin({ n: options.maxAliases, ...reportInsteadOfThrow }) as Plugin,
    useLimitErrorsAsBadRequests(),
    useStrictGetParams(),
    useNoOriginalErrors(),
  );
  if (!options.introspection) plugins.push(useNoIntrospection());
  return createYoga({
    schema: options.schema,
    graphqlEndpoint: "/graphql",
    // The gateway answers /health, /ready and CORS itself, in front of yoga.
    healthCheckEndpoint: "/__yoga-health",
    cors: false,
    landingPage: false,
    graphiql: options.graphiql ? { title: "ca-timeline GraphQL API" } : false,
    batching: false,
    multipart: false,
    maxRequestBodySize: options.maxBodyBytes,
    // Mask everything unexpected, never with stack traces or paths, also in development.
    // GraphQLErrors (bad arguments, validation, limits) are meant for clients and pass through.
    maskedErrors: { isDev: false },
    logging: options.logger,
    plugins,
  }) as unknown as YogaServerInstance<object, object>;
}
