import { GraphQLError, specifiedRules, type ValidationRule } from "graphql";
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

/** graphql 17 validates this itself (KnownOperationTypesRule); graphql 16 leaves it to execution. */
const BUILT_IN = specifiedRules.some((rule) => rule.name === "KnownOperationTypesRule");

export function useOperationKinds(): Plugin {
  if (BUILT_IN) return {};
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(KnownOperationKindRule);
    },
  };
}
