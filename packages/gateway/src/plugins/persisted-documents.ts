import { usePersistedOperations } from "@graphql-yoga/plugin-persisted-operations";
import type { DocumentNode } from "graphql";
import type { Plugin } from "graphql-yoga";

const SHA256 = /^(?:sha256:)?([0-9a-f]{64})$/;

/**
 * The persisted-operation id of a request: `documentId` (GraphQL-over-HTTP's persisted documents,
 * in the URL of a GET or the body of a POST, bare hex or `sha256:<hex>`) or Apollo's
 * `extensions.persistedQuery.sha256Hash`.
 */
export function extractDocumentId(
  params: Record<string, unknown>,
  request: Request,
): string | null {
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

/** Trusted documents by id (parsed once); with `persistedOnly`, nothing else runs. */
export function usePersistedDocuments(
  documents: ReadonlyMap<string, DocumentNode>,
  persistedOnly: boolean,
): Plugin {
  return usePersistedOperations({
    allowArbitraryOperations: !persistedOnly,
    extractPersistedOperationId: (params, request) =>
      extractDocumentId(params as unknown as Record<string, unknown>, request),
    getPersistedOperation: (id) => documents.get(id) ?? null,
    // Trusted documents are validated by the tests that own them, not on every request.
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
  }) as Plugin;
}
