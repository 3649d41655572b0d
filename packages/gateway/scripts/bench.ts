// Gateway vs bare node:http serving the same bytes, in one run, with autocannon on 127.0.0.1.
// `npm run bench -w @ca-timeline/gateway` (BENCH_SECONDS=n to change the 5 s per measurement).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import autocannon from "autocannon";
import { createGateway, TIMELINE_VOCABULARY_ID } from "../src/index.ts";

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const connections = 50;

function listen(server: Server): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    ),
  );
}

/** A bare node:http server answering every request with these bytes and headers. */
async function bare(body: Uint8Array, headers: Record<string, string>) {
  const server = createServer((req, res) => {
    req.resume();
    res.writeHead(200, headers);
    res.end(body);
  });
  return { server, url: await listen(server) };
}

async function measure(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string },
) {
  const result = await autocannon({ url, connections, duration: seconds, ...init });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: result.requests.average, p99: result.latency.p99 };
}

async function capture(url: string, init: RequestInit) {
  const response = await fetch(url, init);
  const body = new Uint8Array(await response.arrayBuffer());
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (!["date", "connection", "keep-alive", "transfer-encoding"].includes(name))
      headers[name] = value;
  });
  return { body, headers };
}

const gateway = createGateway({ port: 0, logger: "warn", metrics: true });
const base = (await gateway.listen()).href.replace(/\/$/, "");

// Cached GET: the widget's vocabulary, a persisted operation by id.
const getPath = `/graphql?documentId=${TIMELINE_VOCABULARY_ID}`;
const getHeaders = { accept: "application/graphql-response+json" };
const cached = await capture(base + getPath, { headers: getHeaders });
// Uncached: a POST with a filter and a search (POSTs never touch the response cache).
const postBody = JSON.stringify({
  query: `query ($filter: EventFilter) { events(filter: $filter, first: 20) {
    totalCount pageInfo { hasNextPage endCursor } nodes { slug date title(lang: DE) themes { id } actors { id } } } }`,
  variables: { filter: { from: "2019", search: "zentralasien" } },
});
const postHeaders = {
  "content-type": "application/json",
  accept: "application/graphql-response+json",
};
const uncached = await capture(`${base}/graphql`, {
  method: "POST",
  headers: postHeaders,
  body: postBody,
});

const bareGet = await bare(cached.body, cached.headers);
const barePost = await bare(uncached.body, uncached.headers);

const rows: Array<[string, { rps: number; p99: number }, { rps: number; p99: number }, number]> =
  [];
const getBare = await measure(bareGet.url + getPath, { headers: getHeaders });
const getGateway = await measure(base + getPath, { headers: getHeaders });
rows.push(["cached GET", getBare, getGateway, 0.4]);
const postBare = await measure(`${barePost.url}/graphql`, {
  method: "POST",
  headers: postHeaders,
  body: postBody,
});
const postGateway = await measure(`${base}/graphql`, {
  method: "POST",
  headers: postHeaders,
  body: postBody,
});
rows.push(["uncached POST", postBare, postGateway, 0.1]);

console.log(
  `\n${connections} connections, ${seconds} s each, Node ${process.version}, ${cached.body.byteLength} B cached / ${uncached.body.byteLength} B uncached body\n`,
);
console.log("| case | bare req/s | bare p99 | gateway req/s | gateway p99 | ratio | budget |");
console.log("|---|---:|---:|---:|---:|---:|---|");
for (const [name, b, g, budget] of rows) {
  const ratio = g.rps / b.rps;
  const p99Budget = name.startsWith("uncached") ? ", p99 ≤ 25 ms" : "";
  const ok = ratio >= budget && (!p99Budget || g.p99 <= 25);
  console.log(
    `| ${name} | ${Math.round(b.rps)} | ${b.p99} ms | ${Math.round(g.rps)} | ${g.p99} ms | ${(ratio * 100).toFixed(1)} % | ≥ ${budget * 100} %${p99Budget} ${ok ? "✓" : "✗"} |`,
  );
}

bareGet.server.close();
barePost.server.close();
await gateway.close();
