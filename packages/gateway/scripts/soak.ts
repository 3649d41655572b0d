// Soak: the real CLI (dist/cli.js) in a child process on 127.0.0.1 under a mix of real traffic for
// SOAK_SECONDS (default 60) at SOAK_CONNECTIONS (default 50), with autocannon in this process.
// Fails (exit 1) on any error — a status other than 200/304, a GraphQL error, a socket error or
// timeout — when the server's memory keeps growing, or when it does not exit 0 on SIGTERM.
// `npm run build -w @ca-timeline/gateway` first; `npm run soak -w @ca-timeline/gateway`.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { timeline } from "@ca-timeline/data";
import autocannon from "autocannon";
import { startCli } from "../src/test-support/cli-process.ts";
import { type Kind, requestMix } from "./soak-request-mix.ts";

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

// ---- The request mix (soak-request-mix.ts): what the widget and other frontends send ------------

const requests = await requestMix(base);

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
if (!gateway.stdout().includes('"msg":"closed"'))
  console.log("the gateway did not log its shutdown");

const ok = errors === 0 && heapSettled && rssSettled && exitCode === 0;
console.log(ok ? "soak: passed" : "soak: FAILED");
process.exit(ok ? 0 : 1);
