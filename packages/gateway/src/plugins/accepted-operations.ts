import type { DocumentNode } from "graphql";
import type { Plugin } from "graphql-yoga";

/** Receives an operation yoga parsed and validated: its `query` text, operation name and document. */
export type AcceptedOperationListener = (
  query: string,
  operationName: string | undefined,
  document: DocumentNode,
) => void;

/**
 * Tells the listener about every arbitrary operation that passed parsing, the limits and validation:
 * the request's own `query` text is noted before the persisted-operations plugin rewrites the params,
 * so persisted requests (which skip validation) and refused ones are never reported.
 */
export function useAcceptedOperations(listener: AcceptedOperationListener): Plugin {
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
