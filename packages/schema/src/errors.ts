import { QueryError } from "@ca-timeline/data/query";
import { GraphQLError } from "graphql";

/**
 * Runs a data query and turns a QueryError (a bad argument) into a GraphQL error a client can act on:
 * the message names the argument and the problem, `extensions.code` is BAD_USER_INPUT. Gateways let
 * these through their error masking; anything else stays an unexpected (masked) error.
 */
export function userInput<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    // The name check covers a second copy of the data package in node_modules.
    if (error instanceof QueryError || (error instanceof Error && error.name === "QueryError")) {
      throw new GraphQLError(error.message, {
        extensions: { code: "BAD_USER_INPUT", argument: (error as QueryError).argument },
      });
    }
    throw error;
  }
}
