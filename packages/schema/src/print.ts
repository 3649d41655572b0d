import { type GraphQLSchema, lexicographicSortSchema, printSchema } from "graphql";

/** The SDL of a schema, sorted so that the committed schema.graphql diffs cleanly. */
export function printSortedSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
