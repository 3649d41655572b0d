import { type ClientRequest, request as httpRequest, type IncomingMessage } from "node:http";
import { connect } from "node:net";
import { syntheticDataset } from "@ca-timeline/data/testing";
import { CA_TIMELINE_EVENTS_ID as EVENTS_QUERY_ID } from "@ca-timeline/schema/operations";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createGateway } from "./create-gateway.ts";
import { TIMELINE_EVENTS_ID } from "./persisted-operations.ts";
import { type CliProcess, startCli, waitForOutput } from "./test-support/cli-process.ts";
import { keepAlive, type RawResponse, rawExchange } from "./test-support/raw-http.ts";

const FILTERED = `query Filtered($filter: EventFilter, $first: Int) {
  events(filter: $filter, first: $first) { totalCount nodes { slug date title(lang: DE) } }
}`;

/** Request bodies that take each of the server's paths: the compiled fast path and yoga's pipeline. */
function bodies(count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    switch (i % 3) {
      case 0: // a repeated operation: the POST fast path (the test warms it up first)
        return JSON.stringify({ query: FILTERED, variables: { filter: {}, first: 1 + (i % 50) } });
      case 1: // the widget's persisted operation: yoga
        return JSON.stringify({
          documentId: EVENTS_QUERY_ID,
          variables: { first: 100, after: null, vocabulary: true },
        });
      default:
        return JSON.stringify({ documentId: TIMELINE_EVENTS_ID, variables: { after: null } });
    }
  });
}

interface Held {
  request: ClientRequest;
  body: string;
  response: Promise<{ status: number; connection: string | undefined; text: string }>;
}

/**
 * Starts a POST with `Expect: 100-continue` and holds its body back: once "100 Continue" arrives, the
 * server has accepted the request and is waiting for the body, so the request is surely in flight.
 */
function hold(url: URL, body: string): Promise<Held> {
  return new Promise((resolve, reject) => {
    const request = httpRequest({
      host: url.hostname,
      port: url.port,
      path: "/graphql",
      method: "POST",
      agent: false,
      headers: {
        "content-type": "application/json",
        "content-length": Buffer.byteLength(body),
        expect: "100-continue",
      },
    });
    const response = new Promise<Awaited<Held["response"]>>((done, failed) => {
      request.on("response", (res: IncomingMessage) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          text += chunk;
        });
        res.on("end", () =>
          done({ status: res.statusCode!, connection: res.headers.connection, text }),
        );
        res.on("error", failed);
      });
      request.on("error", failed);
    });
    response.catch(() => {});
    request.on("continue", () => resolve({ request, body, response }));
    request.on("error", reject);
    request.flushHeaders();
  });
}

/** Whether a new TCP connection to the server is refused (true) or accepted (false). */
function refused(url: URL): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname);
    socket.on("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.on("error", (error: NodeJS.ErrnoException) =>
      error.code === "ECONNREFUSED" ? resolve(true) : reject(error),
    );
  });
}

/** Waits until new connections are refused (the listener closes a turn or two after the signal). */
async function eventuallyRefused(url: URL): Promise<boolean> {
  await vi.waitFor(async () => expect(await refused(url)).toBe(true), {
    timeout: 10_000,
    interval: 20,
  });
  return true;
}

describe("graceful shutdown of the CLI under load", () => {
  let cli: CliProcess | undefined;
  afterEach(() => {
    if (cli && cli.child.exitCode === null) cli.child.kill("SIGKILL");
    cli = undefined;
  });

  it("on SIGTERM finishes every accepted request, refuses new connections and exits 0", async () => {
    cli = await startCli(["--shutdown-timeout", "20000"]);
    const { url } = cli;
    const graphql = new URL("/graphql", url);
    // Twice: the second run makes the operation hot, so the held requests of case 0 take the fast path.
    for (let i = 0; i < 2; i++) {
      const warm = await fetch(graphql, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: FILTERED, variables: { filter: {}, first: 1 } }),
      });
      expect(warm.status).toBe(200);
    }
    // Requests in flight on their own connections, plus load on keep-alive connections that goes on
    // while the signal arrives: requests answered before the listener closed, or refused after it.
    const held = await Promise.all(bodies(30).map((body) => hold(url, body)));
    let loadRunning = true;
    const loadResults: Array<{ status?: number; error?: string }> = [];
    const load = Promise.all(
      Array.from({ length: 10 }, async () => {
        while (loadRunning) {
          try {
            const response = await fetch(graphql, {
              method: "POST",
              headers: { "content-type": "application/json" },
              body: bodies(1)[0]!,
            });
            await response.text();
            loadResults.push({ status: response.status });
          } catch (error) {
            loadResults.push({ error: String((error as Error).cause ?? error) });
            return;
          }
        }
      }),
    );
    // The load is under way (some answers came back) when the signal arrives.
    await vi.waitFor(() => expect(loadResults.length).toBeGreaterThanOrEqual(10), {
      timeout: 20_000,
      interval: 10,
    });

    cli.child.kill("SIGTERM");
    await waitForOutput(cli, '"msg":"shutting down"');
    expect(await eventuallyRefused(url)).toBe(true);
    loadRunning = false;
    await load;

    // The held requests were accepted before the signal: each one completes, and says the
    // connection closes (clients reconnect to another instance).
    for (const { request, body } of held) request.end(body);
    const answers = await Promise.all(held.map((h) => h.response));
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.connection).toBe("close");
      const result = JSON.parse(answer.text);
      expect(result.errors).toBeUndefined();
      expect(result.data.events).toBeDefined();
    }
    // Load requests were answered 200, or failed to connect once the listener had closed.
    expect(loadResults.some((r) => r.status === 200)).toBe(true);
    for (const result of loadResults) {
      if (result.status !== undefined) expect(result.status).toBe(200);
      else expect(result.error).toMatch(/ECONNREFUSED|ECONNRESET|closed|terminated|socket/i);
    }

    expect(await cli.exited).toBe(0);
    const [stdout, stderr] = [cli.stdout(), cli.stderr()];
    expect(stdout).toContain('"msg":"closed"');
    // Drained, not cut off by the drain timeout.
    expect(stderr).not.toContain("shutdown timeout");
  }, 60_000);

  it("cuts requests that outlast the drain timeout and still exits", async () => {
    cli = await startCli(["--shutdown-timeout", "300"]);
    // A client that never sends its body: it would hold the server open forever.
    const stuck = await hold(cli.url, bodies(1)[0]!);
    cli.child.kill("SIGTERM");
    expect(await cli.exited).toBe(0);
    expect(cli.stderr()).toContain("shutdown timeout: closing open connections");
    await expect(stuck.response).rejects.toThrow();
  }, 30_000);

  it("loses no accepted request under a busy event loop: queued, unread and half-written ones", async () => {
    cli = await startCli([
      "--shutdown-delay",
      "150",
      "--shutdown-timeout",
      "30000",
      "--max-cost",
      "500000",
    ]);
    const port = Number(cli.url.port);
    const post = (body: unknown) => {
      const text = JSON.stringify(body);
      return `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`;
    };
    const get = (query: string) =>
      `GET /graphql?query=${encodeURIComponent(query)} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\nConnection: close\r\n\r\n`;
    // 40 uncached page-sized queries (the widget's kind, each a different page): they keep the loop busy.
    const pages = Array.from({ length: 40 }, (_, i) =>
      rawExchange(
        port,
        post({
          query: FILTERED,
          variables: { filter: { search: i % 2 ? "a" : "e" }, first: 60 + i },
        }),
      ),
    );
    // 10 cache misses on fresh connections, sent last: likely still unread when the signal comes.
    const fresh = Array.from({ length: 10 }, (_, i) =>
      rawExchange(port, get(`{ events(first: ${90 + i}) { nodes { slug summary(lang: DE) } } }`)),
    );
    // Large answers whose readers hold back: the server is still writing them when it drains.
    const large = `{ ${Array.from({ length: 8 }, (_, i) => `a${i}: events(first: 100) { nodes { slug title summary titleDe: title(lang: DE) summaryDe: summary(lang: DE) notes } }`).join(" ")} }`;
    const slow = Array.from({ length: 3 }, () => rawExchange(port, get(large), true));
    const all = [...pages, ...fresh, ...slow];
    await Promise.all(all.map((exchange) => exchange.sent));
    cli.child.kill("SIGTERM");
    await waitForOutput(cli, '"msg":"stopped accepting');
    for (const exchange of slow) exchange.resume();
    const answers = await Promise.allSettled(all.map((exchange) => exchange.response));
    const lost = answers.flatMap((a, i) => (a.status === "rejected" ? [`#${i}: ${a.reason}`] : []));
    expect(lost).toEqual([]);
    for (const answer of answers) {
      const { status, body } = (answer as PromiseFulfilledResult<{ status: number; body: string }>)
        .value;
      expect(status).toBe(200);
      expect(JSON.parse(body).errors).toBeUndefined();
    }
    expect(await cli.exited).toBe(0);
    const [stdout, stderr] = [cli.stdout(), cli.stderr()];
    expect(stdout).toContain('"msg":"draining: not ready, still serving"');
    expect(stderr).not.toContain("shutdown timeout");
  }, 90_000);

  it("answers /ready with 503 during the shutdown delay while still serving queries", async () => {
    cli = await startCli(["--shutdown-delay", "3000"]);
    const { url } = cli;
    cli.child.kill("SIGTERM");
    await waitForOutput(cli, '"msg":"draining: not ready, still serving"');
    const ready = await fetch(new URL("/ready", url));
    expect(ready.status).toBe(503);
    expect(ready.headers.get("connection")).toBe("close");
    const query = await fetch(new URL("/graphql?query=%7Bdataset%7BeventCount%7D%7D", url), {
      headers: { accept: "application/json" },
    });
    expect(query.status).toBe(200);
    expect((await query.json()).data.dataset.eventCount).toBeGreaterThan(0);
    expect(await cli.exited).toBe(0);
  }, 30_000);

  it("ends idle keep-alive connections itself instead of waiting for clients to close them", async () => {
    cli = await startCli(["--shutdown-timeout", "30000"]);
    const { Agent, get } = await import("node:http");
    const agent = new Agent({ keepAlive: true, maxSockets: 4 });
    // Keep-alive connections that answered a request and now sit idle in the client's pool.
    await Promise.all(
      Array.from(
        { length: 4 },
        () =>
          new Promise<void>((resolve, reject) => {
            get(new URL("/health", cli!.url), { agent }, (res) => {
              res.resume();
              res.on("end", () => resolve());
            }).on("error", reject);
          }),
      ),
    );
    cli.child.kill("SIGTERM");
    expect(await cli.exited).toBe(0);
    // Closed by the drain, not cut by the 30 s timeout.
    expect(cli.stderr()).not.toContain("shutdown timeout");
    agent.destroy();
  }, 60_000);
});

describe("graceful shutdown: keep-alive connections that look idle", () => {
  const post = (body: unknown) => {
    const text = JSON.stringify(body);
    return `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`;
  };
  const requests = [
    post({ query: FILTERED, variables: { filter: { search: "e" }, first: 60 } }),
    `GET /graphql?query=${encodeURIComponent("{themes{id label}}")} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n\r\n`,
    "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
    post({ documentId: EVENTS_QUERY_ID, variables: { first: 100, after: null, vocabulary: true } }),
  ];
  let cli: CliProcess | undefined;
  afterEach(() => {
    if (cli && cli.child.exitCode === null) cli.child.kill("SIGKILL");
    cli = undefined;
  });

  it("SIGTERM amid a burst over warm keep-alive connections: every request sent on them is answered", async () => {
    cli = await startCli(["--shutdown-timeout", "20000"]);
    const child = cli.child;
    const port = Number(cli.url.port);
    const connections = await Promise.all(Array.from({ length: 20 }, () => keepAlive(port)));
    for (const [i, c] of connections.entries())
      expect((await c.send(requests[i % 4]!)).status).toBe(200);
    // Each connection sends its next request as soon as its answer came, until an answer says
    // `Connection: close` (the drain's); the signal goes after 60 answers, with requests in flight.
    let answered = 0;
    const lost: string[] = [];
    await Promise.all(
      connections.map(async (c, i) => {
        for (let n = 1; ; n++) {
          let answer: RawResponse;
          try {
            answer = await c.send(requests[(i + n) % 4]!);
          } catch (error) {
            lost.push(`connection ${i}, request ${n}: ${(error as Error).message}`);
            return;
          }
          expect(answer.status).toBe(200);
          if (++answered === 60) child.kill("SIGTERM");
          if (answer.headers.connection === "close") return;
        }
      }),
    );
    expect(lost).toEqual([]);
    expect(await cli.exited).toBe(0);
    expect(cli.stderr()).not.toContain("shutdown timeout");
  }, 60_000);

  it("answers the requests already sent on them when the drain begins, then closes them without a reset", async () => {
    const gateway = createGateway({ dataset: syntheticDataset(80), port: 0, logger: "silent" });
    const port = Number((await gateway.listen()).port);
    // A burst over 20 warm keep-alive connections: each has been answered once and sits idle.
    const connections = await Promise.all(Array.from({ length: 20 }, () => keepAlive(port)));
    const warm = await Promise.all(connections.map((c, i) => c.send(requests[i % 4]!)));
    expect(warm.map((answer) => answer.status)).toEqual(warm.map(() => 200));
    // In one turn of the event loop, as when the signal arrives while the server is busy: the next
    // request is written on each connection (its bytes are at the server, not yet read), then the
    // drain begins. The CLI's signal handler calls close().
    let closing: Promise<void> | undefined;
    const second = await new Promise<Promise<RawResponse>[]>((resolve) => {
      const trigger = connect(port, "127.0.0.1", () => {
        const answers = connections.map((c, i) => c.write(requests[(i + 1) % 4]!));
        closing = gateway.close();
        trigger.destroy();
        resolve(answers);
      });
    });
    const settled = await Promise.allSettled(second);
    const lost = settled.flatMap((s, i) => (s.status === "rejected" ? [`#${i}: ${s.reason}`] : []));
    expect(lost).toEqual([]);
    for (const answer of settled as PromiseFulfilledResult<RawResponse>[]) {
      expect(answer.value.status).toBe(200);
      expect(answer.value.headers.connection).toBe("close");
    }
    // Each connection ends with a FIN after its answer, none with a reset.
    expect(await Promise.all(connections.map((c) => c.closed))).toEqual(
      connections.map(() => "fin"),
    );
    await closing;
  }, 30_000);
});
