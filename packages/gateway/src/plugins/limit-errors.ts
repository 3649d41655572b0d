import { GraphQLError, type ValidationContext } from "graphql";
import type { Plugin } from "graphql-yoga";

/** Marks an error as a spec'd request error: 400 for application/graphql-response+json, 200 for JSON. */
export function asBadRequest(error: Error): Error {
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
 * graphql-js stops validating a document whose fields or fragment spreads take too much work to compare
 * (its OverlappingFieldsCanBeMerged budget, or the fragment work budget) with a bare "Validation
 * aborted."; the client gets what that means.
 */
export const VALIDATION_TOO_COMPLEX =
  "The document is too complex to validate: too many fields or fragment spreads to compare with each other. Select fewer fields (or fewer repeats of the same field).";

function named(error: GraphQLError): GraphQLError {
  if (error.message !== "Validation aborted.") return error;
  return new GraphQLError(VALIDATION_TOO_COMPLEX, {
    extensions: { ...error.extensions, code: "VALIDATION_TOO_COMPLEX" },
  });
}

/**
 * graphql-armor reports its limits (depth, aliases, tokens) as plain GraphQLErrors, which yoga answers
 * with 200; the GraphQL-over-HTTP spec wants parse and validation failures to be 400 under
 * application/graphql-response+json, like yoga's own validation errors.
 */
export function useLimitErrorsAsBadRequests(): Plugin {
  return {
    onParse() {
      return ({ result, replaceParseResult }) => {
        if (result instanceof GraphQLError) replaceParseResult(asBadRequest(result));
      };
    },
    onValidate() {
      return ({ result, setResult }) => {
        if (result.length > 0)
          setResult(result.map((error) => asBadRequest(named(error)) as GraphQLError));
      };
    },
  };
}

/**
 * Armor's validation rules throw by default, which aborts validation and yields a 200; reported
 * errors join the validation result instead and become 400s like every other validation error.
 */
export const reportInsteadOfThrow = {
  propagateOnRejection: false,
  onReject: [
    (context: ValidationContext | null, error: GraphQLError) => context?.reportError(error),
  ],
};
