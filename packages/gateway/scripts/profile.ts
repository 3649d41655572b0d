// Micro-benchmark of yoga's pipeline: the benchmark's uncached POST through the fetch handler in
// process, no sockets (what edge runtimes run, and Node for operations not compiled yet). N=requests.
// Profile: `npm exec -w @ca-timeline/gateway -- node --cpu-prof --cpu-prof-dir=/tmp/prof scripts/profile.ts`
import { createFetchHandler } from "../src/fetch-handler.ts";

const handler = createFetchHandler({ logger: "warn" });
const body = JSON.stringify({
  query: `query ($filter: EventFilter) { events(filter: $filter, first: 20) {
    totalCount pageInfo { hasNextPage endCursor } nodes { slug date title(lang: DE) themes { id } actors { id } } } }`,
  variables: { filter: { from: "2019", search: "zentralasien" } },
});
const request = () =>
  new Request("http://127.0.0.1/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
    body,
  });
const n = Number(process.env.N ?? 3000);
for (let i = 0; i < 200; i++) await (await handler.fetch(request())).text();
const started = performance.now();
let bytes = 0;
for (let i = 0; i < n; i++) bytes += (await (await handler.fetch(request())).text()).length;
const ms = performance.now() - started;
console.log(`${n} requests, ${(ms / n).toFixed(3)} ms each, ${Math.round(bytes / n)} B`);
