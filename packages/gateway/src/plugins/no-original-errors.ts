import { GraphQLError } from "graphql";
import type { Plugin } from "graphql-yoga";

/**
 * yoga puts the JSON parser's own error (`extensions.originalError`: name and message) into its
 * answer to a broken POST body: internals that clients do not need. The answer keeps its message,
 * code and status: yoga answers a spec'd error 200 under application/json unless it carries such an
 * original error, so the status is made unconditional (`spec` dropped) where the original goes.
 */
export function useNoOriginalErrors(): Plugin {
  return {
    onResultProcess({ result, setResult }) {
      if (result === null || typeof result !== "object" || Array.isArray(result)) return;
      const errors = (result as { errors?: readonly GraphQLError[] }).errors;
      if (!errors?.some((error) => error.extensions?.originalError !== undefined)) return;
      setResult({
        ...result,
        errors: errors.map((error) => {
          if (error.extensions?.originalError === undefined) return error;
          const {
            originalError: _,
            http,
            ...rest
          } = error.extensions as {
            originalError: unknown;
            http?: { spec?: boolean; status?: number };
          };
          const extensions =
            http === undefined ? rest : { ...rest, http: { ...http, spec: false } };
          return new GraphQLError(error.message, {
            nodes: error.nodes,
            source: error.source,
            positions: error.positions,
            path: error.path,
            extensions,
          });
        }),
      });
    },
  };
}
