// The gateway's fetch handler as a Worker. Repeated GETs (cacheable: `Cache-Control: public, s-maxage`)
// are answered from the data centre's Cache API; everything else goes to the gateway. The cache key is
// the request URL plus the negotiated representation (Accept, Accept-Encoding are in Vary, which the
// Cache API honours for matching).
import { createFetchHandler } from "@ca-timeline/gateway/fetch";

// GraphiQL's files are large: leave them out of the worker, and keep to trusted documents in production.
const gateway = createFetchHandler({ graphiql: false, persistedOnly: true, logger: "warn" });

export default {
  async fetch(request: Request, _env: unknown, context: ExecutionContext): Promise<Response> {
    if (request.method !== "GET") return gateway.fetch(request);
    const cache = caches.default;
    const hit = await cache.match(request);
    if (hit) return hit;
    const response = await gateway.fetch(request);
    // Only answers the gateway marks public (successful GraphQL GETs) are stored.
    if (response.status === 200 && response.headers.get("cache-control")?.startsWith("public"))
      context.waitUntil(cache.put(request, response.clone()));
    return response;
  },
};
