// The gateway as an edge worker: the fetch handler, unchanged, as a module with a default `fetch`
// (the shape workerd, Deno's `deno serve` and Bun's `Bun.serve` take). Bundled by edge-runtimes.sh.
import { createFetchHandler } from "@ca-timeline/gateway/fetch";

const handler = createFetchHandler({ logger: "warn", graphiql: false });

export default {
  fetch: (request: Request): Promise<Response> => handler.fetch(request),
};
