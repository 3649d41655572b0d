import { readFileSync } from "node:fs";
import path from "node:path";
import { startListening } from "../../lib/listening.ts";

/**
 * Runs the installed `ca-timeline-gateway` bin of a consumer project on 127.0.0.1, queries it over
 * HTTP, and stops it by its pid (SIGTERM: the graceful path operators use).
 */
export async function checkGateway(project: string): Promise<string> {
  const bin = path.join(project, "node_modules", ".bin", "ca-timeline-gateway");
  // Port 0: the system picks a free port as the gateway binds it, and its "listening" log line says which.
  const gateway = await startListening(
    bin,
    ["--port", "0", "--host", "127.0.0.1"],
    { cwd: project, env: { ...process.env, NODE_ENV: "production", LOG_LEVEL: "info" } },
    30_000,
  );
  const base = gateway.url.origin;
  try {
    const ready = await (await fetch(`${base}/ready`)).text();
    const response = await fetch(`${base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
      body: JSON.stringify({
        query: "{ dataset { version eventCount } events(first: 2) { totalCount nodes { slug } } }",
      }),
      signal: AbortSignal.timeout(10_000),
    });
    const body = (await response.json()) as {
      data?: { dataset: { version: string; eventCount: number }; events: { totalCount: number } };
      errors?: unknown;
    };
    if (!response.ok || !body.data || body.errors) {
      throw new Error(`gateway answered ${response.status}: ${JSON.stringify(body)}`);
    }
    const dataFile = path.join(
      project,
      "node_modules",
      "@ca-timeline",
      "data",
      "dist",
      "events.json",
    );
    const expected = (JSON.parse(readFileSync(dataFile, "utf8")) as { events: unknown[] }).events
      .length;
    if (body.data.dataset.eventCount !== expected || body.data.events.totalCount !== expected) {
      throw new Error(
        `gateway serves ${body.data.dataset.eventCount} events, the data has ${expected}`,
      );
    }
    if (!ready.includes(body.data.dataset.version)) {
      throw new Error(`/ready does not report the dataset version: ${ready}`);
    }
    return `ca-timeline-gateway on ${base}: /ready ok, ${expected} events over /graphql (dataset ${body.data.dataset.version})`;
  } catch (error) {
    throw new Error(`${String(error)}\ngateway output:\n${gateway.output()}`);
  } finally {
    const code = await gateway.stop();
    if (code !== 0 && code !== undefined)
      console.warn(`  (gateway exited with ${code} after SIGTERM)`);
  }
}
