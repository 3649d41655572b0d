import type { Plugin } from "graphql-yoga";

/**
 * Notes each request whose result carries errors, so that the gateway never caches such an answer
 * (errors may be transient) without parsing the bytes yoga wrote to find out.
 */
export function useResultErrorFlags(withErrors: WeakSet<Request>): Plugin {
  return {
    onResultProcess({ request, result }) {
      const results = Array.isArray(result) ? result : [result];
      if (results.some((r) => r && typeof r === "object" && "errors" in r && r.errors?.length))
        withErrors.add(request);
    },
  };
}
