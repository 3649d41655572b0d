// Soak: the real CLI (dist/cli.js) in a child process on 127.0.0.1 under a mix of real traffic for
// SOAK_SECONDS (default 60) at SOAK_CONNECTIONS (default 50), with autocannon in this process.
// Fails (exit 1) on any error — a status other than 200/304, a GraphQL error, a socket error or
// timeout — when the server's memory keeps growing, or when it does not exit 0 on SIGTERM.
// `npm run build -w @ca-timeline/gateway` first; `npm run soak -w @ca-timeline/gateway`.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { timeline } from "@ca-timeline/data";
import { EVENTS_QUERY_ID } from "@ca-timeline/timeline-widget/operations";
import autocannon, { type Request as SoakRequest } from "autocannon";
import { TIMELINE_EVENTS_ID, TIMELINE_VOCABULARY_ID } from "../src/persisted-operations.ts";
import { startCli } from "../src/test-support/cli-process.ts";

const seconds = Number(process.env.SOAK_SECONDS ?? 60);
const connections = Number(process.env.SOAK_CONNECTIONS ?? 50);
/** Load before the measured run: caches fill, operations compile, RSS reaches its working size. */
const warmUp = Number(process.env.SOAK_WARMUP_SECONDS ?? 5);
/** Heap after GC at the end may exceed the middle's by this share plus a few MB of noise. */
const HEAP_GROWTH = 0.1;
const HEAP_SLACK = 4 * 1024 * 1024;
const RSS_GROWTH = 0.25;
const RSS_SLACK = 16 * 1024 * 1024;

const cli = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
const probe = fileURLToPath(new URL("./soak-probe.ts", import.meta.url));
if (!existsSync(cli)) {
  console.error("dist/cli.js is missing: run `npm run build -w @ca-timeline/gateway` first");
  process.exit(1);
}

// Never longer than this, whatever happens: the load, the samples and the shutdown included.
const deadline = setTimeout(
  () => {
    console.error(`soak: still running after ${seconds + warmUp + 90} s, giving up`);
    server.kill("SIGKILL");
    process.exit(1);
  },
  (seconds + warmUp + 90) * 1000,
);
deadline.unref();

interface Memory {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
}

// The gateway as users run it: the built CLI, in its own process (its memory is its own).
const gateway = await startCli(["--log-level", "info"], {
  nodeArgs: ["--expose-gc", "--import", probe],
  ipc: true,
});
const server = gateway.child;
const exited = gateway.exited;
const base = gateway.url.origin;
gateway.child.stderr!.pipe(process.stderr);

function memory(gc: boolean): Promise<Memory> {
  return new Promise((resolve) => {
    const onMessage = (message: Memory & { type?: string }) => {
      if (message.type !== "memory") return;
      server.off("message", onMessage);
      resolve(message);
    };
    server.on("message", onMessage);
    server.send({ type: "memory", gc });
  });
}

// ---- The request mix: what the widget and other frontends send --------------------------------

const json = { "content-type": "application/json", accept: "application/graphql-response+json" };
const acceptGraphql = { accept: "application/graphql-response+json" };
const getPath = (params: Record<string, unknown>) =>
  `/graphql?${new URLSearchParams(
    Object.entries(params).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]),
  )}`;

async function graphql(body: unknown): Promise<{ data: Record<string, unknown> }> {
  const response = await fetch(`${base}/graphql`, {
    method: "POST",
    headers: json,
    body: JSON.stringify(body),
  });
  const result = (await response.json()) as { data: Record<string, unknown>; errors?: unknown };
  if (response.status !== 200 || result.errors)
    throw new Error(`setup query failed: ${JSON.stringify(result)}`);
  return result;
}

// The widget's pages: every cursor of its 100-event pages.
const widgetPages: Array<string | null> = [null];
for (;;) {
  const { data } = await graphql({
    documentId: EVENTS_QUERY_ID,
    variables: { first: 100, after: widgetPages.at(-1), vocabulary: false },
  });
  const page = (data.events as { pageInfo: { hasNextPage: boolean; endCursor: string } }).pageInfo;
  if (!page.hasNextPage) break;
  widgetPages.push(page.endCursor);
}
const firstWidgetGet = getPath({
  documentId: EVENTS_QUERY_ID,
  variables: { first: 100, after: null, vocabulary: true },
});
// The ETag of the uncompressed representation: autocannon asks without Accept-Encoding.
const etag = (
  await fetch(base + firstWidgetGet, {
    headers: { ...acceptGraphql, "accept-encoding": "identity" },
  })
).headers.get("etag")!;
// Cursors to page through filtered results, 10 at a time.
const tenCursors = (
  (await graphql({ query: "{ events(first: 60) { edges { cursor } } }" })).data.events as {
    edges: Array<{ cursor: string }>;
  }
).edges
  .map((edge) => edge.cursor)
  .filter((_, i) => i % 10 === 9);

const FILTERED = `query Filtered($filter: EventFilter, $first: Int, $after: String, $order: EventOrder) {
  events(filter: $filter, first: $first, after: $after, orderBy: $order) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { slug date start end title(lang: DE) summary(lang: DE) type { id } themes { id } actors { id } }
  }
}`;
const FACETS = `query Facets($filter: EventFilter) { facets(filter: $filter) {
  themes { id label(lang: DE) count } types { id count } actors { id label count } years { year count } } }`;
const SEARCH = `query Search($search: String!) { events(filter: { search: $search }, first: 20) {
  totalCount nodes { slug date title summary } } }`;
const BACK = `query Back($before: String) { events(last: 10, before: $before) {
  pageInfo { hasPreviousPage startCursor } nodes { slug date title(lang: DE) } } }`;
const ONE = `query One($slug: String!) { event(slug: $slug) { slug date title(lang: DE) summary(lang: DE)
  sources { url title document { id title } } places { name country } partOf { slug } parts { slug } } }`;

const themes = timeline.themes.map((theme) => theme.id);
const types = timeline.eventTypes.map((type) => type.id);
const actors = timeline.actors.map((actor) => actor.id);
const slugs = timeline.events.map((event) => event.slug);
const searches = [
  "minister",
  "außenminister",
  "energie",
  "Kasachstan",
  "samarkand",
  "strategy",
  "wasser",
  "Global Gateway",
];
const years = ["2007", "2010", "2013", "2015", "2019", "2022", "2023", "2024-06"];

const filters: Array<Record<string, unknown>> = [
  {},
  ...themes.map((id) => ({ themes: [id] })),
  ...types.slice(0, 6).map((id) => ({ types: [id] })),
  ...actors.slice(0, 6).map((id) => ({ actors: [id] })),
  ...years.map((from, i) => ({ from, to: years[Math.min(i + 3, years.length - 1)] })),
  { themes: themes.slice(0, 2), from: "2019", search: "minister" },
];

type Kind = "cached GET" | "304 GET" | "uncached POST" | "persisted POST" | "probe";
const requests: Array<SoakRequest & { kind: Kind }> = [];
const add = (kind: Kind, request: SoakRequest) => requests.push({ ...request, kind });
// Cached GETs: the widget's pages by documentId (as the widget sends them), the vocabulary, facets.
for (const [i, after] of widgetPages.entries()) {
  add("cached GET", {
    method: "GET",
    path: getPath({
      documentId: EVENTS_QUERY_ID,
      variables: { first: 100, after, vocabulary: i === 0 },
    }),
    headers: acceptGraphql,
  });
}
add("cached GET", {
  method: "GET",
  path: `/graphql?documentId=${TIMELINE_VOCABULARY_ID}`,
  headers: acceptGraphql,
});
for (const filter of filters.slice(0, 8))
  add("cached GET", {
    method: "GET",
    path: getPath({ query: FACETS, variables: { filter } }),
    headers: acceptGraphql,
  });
for (const search of searches.slice(0, 4))
  add("cached GET", {
    method: "GET",
    path: getPath({ query: SEARCH, variables: { search } }),
    headers: acceptGraphql,
  });
// Revalidation: the widget's first page with its ETag.
for (let i = 0; i < 3; i++)
  add("304 GET", {
    method: "GET",
    path: firstWidgetGet,
    headers: { ...acceptGraphql, "if-none-match": etag },
  });
// Uncached POSTs: filters, searches, pagination both ways, facets, single events.
for (const [i, filter] of filters.entries()) {
  add("uncached POST", {
    method: "POST",
    path: "/graphql",
    headers: json,
    body: JSON.stringify({
      query: FILTERED,
      variables: { filter, first: 10 + (i % 3) * 20, order: i % 2 ? "DATE_DESC" : "DATE_ASC" },
    }),
  });
}
for (const filter of filters.filter((_, i) => i % 3 === 0))
  add("uncached POST", {
    method: "POST",
    path: "/graphql",
    headers: json,
    body: JSON.stringify({ query: FACETS, variables: { filter } }),
  });
for (const search of searches)
  add("uncached POST", {
    method: "POST",
    path: "/graphql",
    headers: json,
    body: JSON.stringify({ query: SEARCH, variables: { search } }),
  });
for (const after of tenCursors) {
  add("uncached POST", {
    method: "POST",
    path: "/graphql",
    headers: json,
    body: JSON.stringify({ query: FILTERED, variables: { first: 10, after } }),
  });
  add("uncached POST", {
    method: "POST",
    path: "/graphql",
    headers: json,
    body: JSON.stringify({ query: BACK, variables: { before: after } }),
  });
}
for (const slug of slugs.filter((_, i) => i % Math.max(1, Math.floor(slugs.length / 8)) === 0))
  add("uncached POST", {
    method: "POST",
    path: "/graphql",
    headers: json,
    body: JSON.stringify({ query: ONE, variables: { slug } }),
  });
// The persisted operations by POST (yoga's whole pipeline): the widget's page and TimelineEvents.
add("persisted POST", {
  method: "POST",
  path: "/graphql",
  headers: json,
  body: JSON.stringify({
    documentId: EVENTS_QUERY_ID,
    variables: { first: 100, after: widgetPages.at(-1), vocabulary: true },
  }),
});
add("persisted POST", {
  method: "POST",
  path: "/graphql",
  headers: json,
  body: JSON.stringify({ documentId: TIMELINE_EVENTS_ID, variables: { after: null } }),
});
add("probe", { method: "GET", path: "/health" });
add("probe", { method: "GET", path: "/ready" });

// Interleave the kinds (a fixed shuffle), so that every connection sees the whole mix.
let seed = 42;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};
for (let i = requests.length - 1; i > 0; i--) {
  const j = Math.floor(random() * (i + 1));
  [requests[i], requests[j]] = [requests[j]!, requests[i]!];
}

// Every answer is checked: the status its kind expects, and no GraphQL error in the body.
const failures = new Map<string, number>();
const answered = new Map<Kind, number>();
for (const request of requests) {
  const { kind } = request;
  request.onResponse = (status: number, body: string) => {
    answered.set(kind, (answered.get(kind) ?? 0) + 1);
    const expected = kind === "304 GET" ? 304 : 200;
    let problem: string | undefined;
    if (status !== expected) problem = `${kind}: status ${status}`;
    else if (kind !== "probe" && status === 200 && !body.startsWith('{"data":'))
      problem = `${kind}: ${body.slice(0, 120)}`;
    if (problem) failures.set(problem, (failures.get(problem) ?? 0) + 1);
  };
}

// ---- Run -------------------------------------------------------------------------------------

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const boot = await memory(true);
console.log(
  `soak: ${seconds} s, ${connections} connections, ${requests.length} requests in the mix, ${timeline.events.length} events, Node ${process.version}, gateway pid ${server.pid} at ${base}`,
);

if (warmUp > 0)
  await autocannon({ url: base, connections, duration: warmUp, requests, timeout: 10 });
const start = await memory(true);
failures.clear();
answered.clear();

const samples: Array<{ at: number; memory: Memory }> = [];
const started = performance.now();
const every = Math.max(1, seconds / 12) * 1000;
let sampling = Promise.resolve();
const sampler = setInterval(() => {
  sampling = sampling.then(async () => {
    samples.push({ at: (performance.now() - started) / 1000, memory: await memory(true) });
  });
}, every);

const result = await autocannon({
  url: base,
  connections,
  duration: seconds,
  requests,
  // A request that takes longer than this counts as a timeout (an error).
  timeout: 10,
});
clearInterval(sampler);
await sampling;
const end = await memory(true);
const metrics = await (await fetch(`${base}/metrics`)).text();

// Graceful shutdown after the load: exits 0.
const signalled = performance.now();
server.kill("SIGTERM");
const exitCode = await exited;
const shutdownMs = Math.round(performance.now() - signalled);

// ---- Report ----------------------------------------------------------------------------------

const middle =
  samples.reduce<(typeof samples)[number] | undefined>(
    (best, s) =>
      best && Math.abs(best.at - seconds / 2) <= Math.abs(s.at - seconds / 2) ? best : s,
    undefined,
  )?.memory ?? end;
const statusCounts = Object.entries(result.statusCodeStats ?? {})
  .map(([status, { count }]) => `${status}: ${count}`)
  .join(", ");
const unexpectedStatuses = Object.entries(result.statusCodeStats ?? {})
  .filter(([status]) => status !== "200" && status !== "304")
  .reduce((n, [, { count }]) => n + count, 0);
const graphqlFailures = [...failures.values()].reduce((n, c) => n + c, 0);
const errors = result.errors + result.timeouts + unexpectedStatuses + graphqlFailures;
const compiled = Number(
  /^ca_timeline_gateway_compiled_operation_runs_total (\d+)/m.exec(metrics)?.[1] ?? 0,
);
const cacheHits = Number(
  /^ca_timeline_gateway_response_cache_hits_total (\d+)/m.exec(metrics)?.[1] ?? 0,
);

const heapSettled = end.heapUsed <= middle.heapUsed * (1 + HEAP_GROWTH) + HEAP_SLACK;
const rssSettled = end.rss <= middle.rss * (1 + RSS_GROWTH) + RSS_SLACK;
// The trend over the second half: a leak shows as steady growth, noise does not.
const secondHalf = samples.filter((s) => s.at >= seconds / 2);
let slope = 0;
if (secondHalf.length >= 2) {
  const n = secondHalf.length;
  const meanX = secondHalf.reduce((a, s) => a + s.at, 0) / n;
  const meanY = secondHalf.reduce((a, s) => a + s.memory.heapUsed, 0) / n;
  const num = secondHalf.reduce((a, s) => a + (s.at - meanX) * (s.memory.heapUsed - meanY), 0);
  const den = secondHalf.reduce((a, s) => a + (s.at - meanX) ** 2, 0);
  slope = den > 0 ? (num / den) * 60 : 0;
}

console.log(`
| | |
|---|---|
| duration, connections | ${seconds} s, ${connections} |
| requests | ${result.requests.total} (${Math.round(result.requests.average)} req/s) — ${[...answered].map(([k, n]) => `${k} ${n}`).join(", ")} |
| statuses | ${statusCounts} |
| errors | ${errors} (socket ${result.errors}, timeouts ${result.timeouts}, unexpected status ${unexpectedStatuses}, GraphQL errors ${graphqlFailures}) |
| latency p50 / p99 / max | ${result.latency.p50} ms / ${result.latency.p99} ms / ${result.latency.max} ms |
| server: compiled POSTs, cache hits | ${compiled}, ${cacheHits} |
| memory after GC: boot | RSS ${mb(boot.rss)}, heap ${mb(boot.heapUsed)} |
| memory after GC: start (after ${warmUp} s warm-up) | RSS ${mb(start.rss)}, heap ${mb(start.heapUsed)} |
| memory after GC: middle | RSS ${mb(middle.rss)}, heap ${mb(middle.heapUsed)} |
| memory after GC: end | RSS ${mb(end.rss)}, heap ${mb(end.heapUsed)} |
| heap trend, second half | ${(slope / 1024 / 1024).toFixed(2)} MB/min |
| settled (end ≤ middle + ${HEAP_GROWTH * 100} % + ${mb(HEAP_SLACK)} heap, + ${RSS_GROWTH * 100} % + ${mb(RSS_SLACK)} RSS) | heap ${heapSettled ? "yes" : "NO"}, RSS ${rssSettled ? "yes" : "NO"} |
| SIGTERM after the load | exit code ${exitCode} after ${shutdownMs} ms |
`);
console.log(
  `heap samples (s: MB): ${samples.map((s) => `${s.at.toFixed(0)}: ${(s.memory.heapUsed / 1024 / 1024).toFixed(1)}`).join(", ")}`,
);
console.log(
  `RSS samples (s: MB): ${samples.map((s) => `${s.at.toFixed(0)}: ${(s.memory.rss / 1024 / 1024).toFixed(0)}`).join(", ")}`,
);
for (const [problem, count] of failures) console.log(`  ${count} × ${problem}`);
if (!gateway.output().stdout.includes('"msg":"closed"'))
  console.log("the gateway did not log its shutdown");

const ok = errors === 0 && heapSettled && rssSettled && exitCode === 0;
console.log(ok ? "soak: passed" : "soak: FAILED");
process.exit(ok ? 0 : 1);
