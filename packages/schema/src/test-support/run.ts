import { type ExecutionResult, type GraphQLSchema, graphql } from "graphql";

/** Executes a document and returns its data, failing the test on any error. */
export async function run<T = Record<string, unknown>>(
  schema: GraphQLSchema,
  source: string,
  variableValues?: Record<string, unknown>,
): Promise<T> {
  // Pothos caches per request on the context object, as every GraphQL server provides one.
  const result = await graphql({ schema, source, variableValues, contextValue: {} });
  if (result.errors) throw new Error(result.errors.map((e) => e.message).join("\n"));
  return result.data as T;
}

/** Executes a document that should fail and returns the result. */
export async function runForErrors(
  schema: GraphQLSchema,
  source: string,
  variableValues?: Record<string, unknown>,
): Promise<ExecutionResult> {
  return graphql({ schema, source, variableValues, contextValue: {} });
}
