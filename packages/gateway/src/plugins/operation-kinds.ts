import { GraphQLError, type ValidationRule } from "graphql";
import type { Plugin } from "graphql-yoga";

/**
 * An operation the schema has no root type for (this API has queries only) is a request error found in
 * validation — 400 under application/graphql-response+json — not an execution error answered 200.
 */
const KnownOperationKindRule: ValidationRule = (context) => ({
  OperationDefinition(node) {
    const schema = context.getSchema();
    const root =
      node.operation === "subscription"
        ? schema.getSubscriptionType()
        : node.operation === "mutation"
          ? schema.getMutationType()
          : schema.getQueryType();
    if (!root) {
      context.reportError(
        new GraphQLError(`This API has no ${node.operation}s: send a query.`, { nodes: node }),
      );
    }
  },
});

export function useOperationKinds(): Plugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(KnownOperationKindRule);
    },
  };
}
