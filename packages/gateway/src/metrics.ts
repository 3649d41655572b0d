import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { ResponseCache } from "./response-cache.ts";

/** Prometheus metrics: requests by route and status, durations, the response cache, the process. */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "ca_timeline_gateway_" });
  const requests = new Counter({
    name: "ca_timeline_gateway_http_requests_total",
    help: "HTTP requests by route and status.",
    labelNames: ["route", "status"] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: "ca_timeline_gateway_http_request_duration_seconds",
    help: "Time to answer a request, cached GETs of the Node fast path excluded.",
    labelNames: ["route"] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [registry],
  });
  const cacheHits = new Counter({
    name: "ca_timeline_gateway_response_cache_hits_total",
    help: "GraphQL GETs answered from the response cache.",
    registers: [registry],
  });
  const compiledRuns = new Counter({
    name: "ca_timeline_gateway_compiled_operation_runs_total",
    help: "GraphQL POSTs the Node fast path answered with a compiled operation, bypassing yoga.",
    registers: [registry],
  });
  let cache: ResponseCache | undefined;
  new Gauge({
    name: "ca_timeline_gateway_response_cache_entries",
    help: "Entries in the GET response cache.",
    registers: [registry],
    collect() {
      this.set(cache?.size ?? 0);
    },
  });
  return {
    registry,
    /** Counts and times a request answered by the fetch handler. */
    observe(route: string, status: number, seconds: number) {
      requests.inc({ route, status: String(status) });
      duration.observe({ route }, seconds);
    },
    /** Counts a GET the Node fast path answered from the cache (no timing: it is the hot path). */
    fastHit(status: number) {
      cacheHits.inc();
      requests.inc({ route: "graphql", status: String(status) });
    },
    /** Counts and times a POST the Node fast path answered with a compiled operation. */
    compiledRun(seconds: number) {
      compiledRuns.inc();
      requests.inc({ route: "graphql", status: "200" });
      duration.observe({ route: "graphql" }, seconds);
    },
    watch(responseCache: ResponseCache) {
      cache = responseCache;
    },
    async render() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
