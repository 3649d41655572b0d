import { GraphQLError } from "graphql";
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
  };
}
