import { GraphQLError, getOperationAST } from "graphql";
import type { GraphQLParams, Plugin } from "graphql-yoga";

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
 * masking turns it into a 500; a client's broken URL is a 400. Otherwise it reads the same params
 * (the first of each: the GET cache key in cache-key.ts relies on that).
 */
export function useStrictGetParams(): Plugin {
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
    // graphql-js ignores variables an operation does not declare; on GET (cached) they would make a
    // new cache entry of the same answer each, so a GET that sends one is refused, naming it. (A POST
    // is never cached and keeps graphql-js's leniency.)
    onExecute({ args }) {
      const request = (args.contextValue as { request?: Request } | undefined)?.request;
      const variables = args.variableValues;
      if (request?.method !== "GET" || !variables || typeof variables !== "object") return;
      const operation = getOperationAST(args.document, args.operationName);
      if (!operation) return;
      const declared = new Set(operation.variableDefinitions?.map((d) => d.variable.name.value));
      const unknown = Object.keys(variables).filter((name) => !declared.has(name));
      if (unknown.length > 0) {
        const named = operation.name ? `operation "${operation.name.value}"` : "the operation";
        throw new GraphQLError(
          `Variable "$${unknown[0]}" is not defined by ${named}: send only the variables it declares.`,
          { extensions: { code: "BAD_USER_INPUT", http: { status: 400 } } },
        );
      }
    },
  };
}
