// Gateway vs bare node:http serving the same bytes, in one run, with autocannon on 127.0.0.1.
// `npm run bench -w @ca-timeline/gateway`: BENCH_SECONDS per measurement (default 4) and BENCH_RUNS
// rounds (default 3; medians are reported), so it takes about 6 × seconds × runs.
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { timeline } from "@ca-timeline/data";
import { CA_TIMELINE_EVENTS_ID as EVENTS_QUERY_ID } from "@ca-timeline/schema/operations";
import autocannon from "autocannon";
import { createGateway, TIMELINE_VOCABULARY_ID } from "../src/index.ts";

const seconds = Number(process.env.BENCH_SECONDS ?? 4);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const connections = 50;
// autocannon in a worker thread: the load generator does not share the server's event loop, as in
// production, where clients are elsewhere. BENCH_WORKERS=0 runs it in the server's thread instead.
const workers = Number(process.env.BENCH_WORKERS ?? 1);

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

interface Figures {
  rps: number;
  p99: number;
}

async function measure(options: Parameters<typeof autocannon>[0]): Promise<Figures> {
  const result = await autocannon({
    connections,
    duration: seconds,
    ...(workers > 0 ? { workers } : {}),
    ...options,
  });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${options.url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: result.requests.average, p99: result.latency.p99 };
}

async function capture(url: string, init: RequestInit) {
  // Uncompressed, as autocannon asks (fetch would otherwise ask for and undo brotli).
  const asked = new Headers(init.headers);
  if (!asked.has("accept-encoding")) asked.set("accept-encoding", "identity");
  const response = await fetch(url, { ...init, headers: asked });
  const body = new Uint8Array(await response.arrayBuffer());
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (!["date", "connection", "keep-alive", "transfer-encoding"].includes(name))
      headers[name] = value;
  });
  return { body, headers };
}

/** A GET's bytes exactly as sent (fetch would decompress them), with the headers that matter. */
function captureRaw(url: string, headers: Record<string, string>) {
  return new Promise<{ body: Uint8Array; headers: Record<string, string> }>((resolve, reject) => {
    httpRequest(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => {
        const kept: Record<string, string> = {};
        for (const [name, value] of Object.entries(res.headers))
          if (typeof value === "string" && !["date", "connection", "keep-alive"].includes(name))
            kept[name] = value;
        resolve({ body: Buffer.concat(chunks), headers: kept });
      });
    })
      .on("error", reject)
      .end();
  });
}

const gateway = createGateway({ port: 0, logger: "warn", metrics: true });
const base = (await gateway.listen()).href.replace(/\/$/, "");
// The same gateway without the POST fast path: yoga's pipeline for every POST (for comparison).
const yogaOnly = createGateway({ port: 0, logger: "warn", metrics: true, hotOperations: 0 });
const yogaBase = (await yogaOnly.listen()).href.replace(/\/$/, "");

// Cached GET: the widget's vocabulary, a persisted operation by id.
const getPath = `/graphql?documentId=${TIMELINE_VOCABULARY_ID}`;
const getHeaders = { accept: "application/graphql-response+json" };
const cached = await capture(base + getPath, { headers: getHeaders });
// Uncached: a POST with a filter and a search (POSTs never touch the response cache).
const QUERY = `query ($filter: EventFilter) { events(filter: $filter, first: 20) {
    totalCount pageInfo { hasNextPage endCursor } nodes { slug date title(lang: DE) themes { id } actors { id } } } }`;
const postBody = JSON.stringify({
  query: QUERY,
  variables: { filter: { from: "2019", search: "zentralasien" } },
});
const postHeaders = {
  "content-type": "application/json",
  accept: "application/graphql-response+json",
};
const post = { method: "POST", headers: postHeaders, body: postBody };
const uncached = await capture(`${base}/graphql`, post);
// The same document with 16 different filters, cycled: results differ request by request.
const years = ["2008", "2012", "2016", "2019", "2021", "2022", "2023", "2024"];
const varied = years.flatMap((from) =>
  [{ from }, { from, search: "minister" }].map((filter) => ({
    method: "POST",
    path: "/graphql",
    headers: postHeaders,
    body: JSON.stringify({ query: QUERY, variables: { filter } }),
  })),
);

// The same cached GET asked with Accept-Encoding: br (the bare server sends the same brotli bytes).
const brHeaders = { ...getHeaders, "accept-encoding": "br" };
const cachedBr = await captureRaw(base + getPath, brHeaders);
const bareGetBr = await bare(cachedBr.body, cachedBr.headers);
// Bytes on the wire of the widget's first answer (its persisted operation, first page of 100).
const widgetPath = `/graphql?documentId=${EVENTS_QUERY_ID}&variables=${encodeURIComponent(JSON.stringify({ first: 100, after: null, vocabulary: true }))}`;
const wire: Record<string, number> = {};
for (const coding of ["identity", "gzip", "br"])
  wire[coding] = (
    await captureRaw(base + widgetPath, { accept: "application/json", "accept-encoding": coding })
  ).body.byteLength;

const bareGet = await bare(cached.body, cached.headers);
const barePost = await bare(uncached.body, uncached.headers);

interface Row {
  name: string;
  budget?: { ratio: number; p99?: number };
  /** The bare server serving the same bytes, measured once per round. */
  bare: "get" | "getBr" | "post";
  gateway: () => Promise<Figures>;
}
const bareRuns = {
  get: () => measure({ url: bareGet.url + getPath, headers: getHeaders }),
  getBr: () => measure({ url: bareGetBr.url + getPath, headers: brHeaders }),
  post: () => measure({ url: `${barePost.url}/graphql`, ...post }),
};
const rows: Row[] = [
  {
    name: "cached GET",
    budget: { ratio: 0.4 },
    bare: "get",
    gateway: () => measure({ url: base + getPath, headers: getHeaders }),
  },
  {
    name: "cached GET, brotli",
    budget: { ratio: 0.4 },
    bare: "getBr",
    gateway: () => measure({ url: base + getPath, headers: brHeaders }),
  },
  {
    name: "uncached POST",
    budget: { ratio: 0.1, p99: 25 },
    bare: "post",
    gateway: () => measure({ url: `${base}/graphql`, ...post }),
  },
  {
    name: "uncached POST, 16 filters cycled",
    bare: "post",
    gateway: () => measure({ url: base, requests: varied }),
  },
  {
    name: "uncached POST, yoga alone (no fast path)",
    bare: "post",
    gateway: () => measure({ url: `${yogaBase}/graphql`, ...post }),
  },
];

// Warm up (JIT, compiled operations), then measure every row once per round.
await measure({ url: `${base}/graphql`, ...post, duration: 1 });
await measure({ url: base, requests: varied, duration: 1 });
const samples = rows.map(() => ({ bare: [] as Figures[], gateway: [] as Figures[] }));
for (let round = 0; round < runs; round++) {
  const bareFigures = {
    get: await bareRuns.get(),
    getBr: await bareRuns.getBr(),
    post: await bareRuns.post(),
  };
  for (const [i, row] of rows.entries()) {
    samples[i]!.bare.push(bareFigures[row.bare]);
    samples[i]!.gateway.push(await row.gateway());
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)]!;
};

console.log(
  `\n${timeline.events.length} events, ${connections} connections, ${seconds} s × ${runs} rounds (medians), autocannon ${workers > 0 ? `in ${workers} worker thread(s)` : "in the server's thread"}, Node ${process.version}, ${cached.body.byteLength} B cached / ${uncached.body.byteLength} B uncached body\n`,
);
console.log("| case | bare req/s | bare p99 | gateway req/s | gateway p99 | ratio | budget |");
console.log("|---|---:|---:|---:|---:|---:|---|");
let missed = 0;
for (const [i, row] of rows.entries()) {
  const { bare: b, gateway: g } = samples[i]!;
  const ratios = g.map((figures, round) => figures.rps / b[round]!.rps);
  const ratio = median(ratios);
  const p99 = median(g.map((f) => f.p99));
  let verdict = "(for comparison)";
  if (row.budget) {
    const ok = ratio >= row.budget.ratio && (row.budget.p99 === undefined || p99 <= row.budget.p99);
    if (!ok) missed++;
    verdict = `≥ ${row.budget.ratio * 100} %${row.budget.p99 ? `, p99 ≤ ${row.budget.p99} ms` : ""}: ${ok ? "met ✓" : "MISSED ✗"}`;
  }
  console.log(
    `| ${row.name} | ${Math.round(median(b.map((f) => f.rps)))} | ${median(b.map((f) => f.p99))} ms | ${Math.round(median(g.map((f) => f.rps)))} | ${p99} ms | ${(ratio * 100).toFixed(1)} % | ${verdict} |`,
  );
}
console.log(
  `\nratios per round: ${rows.map((row, i) => `${row.name}: ${samples[i]!.gateway.map((g, r) => `${((g.rps / samples[i]!.bare[r]!.rps) * 100).toFixed(1)} %`).join(", ")}`).join("; ")}`,
);
console.log(
  `\nbytes on the wire, the widget's first answer (100 events, both languages, vocabulary): identity ${wire.identity} B, gzip ${wire.gzip} B (${((wire.gzip! / wire.identity!) * 100).toFixed(0)} %), brotli ${wire.br} B (${((wire.br! / wire.identity!) * 100).toFixed(0)} %); cached GET above: ${cached.body.byteLength} B, brotli ${cachedBr.body.byteLength} B`,
);
console.log(missed === 0 ? "All budgets met." : `${missed} budget(s) missed.`);

bareGet.server.close();
bareGetBr.server.close();
barePost.server.close();
await Promise.all([gateway.close(), yogaOnly.close()]);
