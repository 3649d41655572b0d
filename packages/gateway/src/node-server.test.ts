import { request as httpRequest } from "node:http";
import { fileURLToPath } from "node:url";
import { syntheticDataset } from "@ca-timeline/data/testing";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createGateway, type Gateway } from "./create-gateway.ts";

const staticDir = fileURLToPath(new URL("./test-support/static/", import.meta.url));

/** A raw HTTP GET (no URL normalisation), for path traversal attempts. */
function rawGet(
  base: URL,
  path: string,
): Promise<{ status: number; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: base.hostname, port: base.port, path, method: "GET" },
      (res) => {
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers }));
      },
    );
    req.on("error", reject);
    req.end();
  });
}

describe("the Node server on 127.0.0.1", () => {
  let gateway: Gateway;
  let base: URL;
  beforeAll(async () => {
    gateway = createGateway({
      dataset: syntheticDataset(20),
      port: 0,
      logger: "silent",
      staticDir,
    });
    base = await gateway.listen();
  });
  afterAll(() => gateway.close());

  it("answers a repeated GET from the fast path with the same bytes and headers, and 304", async () => {
    const url = new URL("/graphql?query=%7Bdataset%7Bversion%7D%7D", base);
    const headers = { accept: "application/graphql-response+json" };
    const first = await fetch(url, { headers });
    const firstBody = await first.text();
    const second = await fetch(url, { headers });
    expect(await second.text()).toBe(firstBody);
    for (const name of [
      "etag",
      "cache-control",
      "vary",
      "content-type",
      "access-control-allow-origin",
    ]) {
      expect(second.headers.get(name), name).toBe(first.headers.get(name));
    }
    const notModified = await fetch(url, {
      headers: { ...headers, "if-none-match": first.headers.get("etag")! },
    });
    expect(notModified.status).toBe(304);
    const metrics = await (await fetch(new URL("/metrics", base))).text();
    expect(metrics).toMatch(/ca_timeline_gateway_response_cache_hits_total [1-9]/);
    expect(metrics).toMatch(
      /ca_timeline_gateway_http_requests_total\{route="graphql",status="200"\}/,
    );
  });

  it("answers HEAD on a cacheable GraphQL GET like the GET, without the body (RFC 9110 §9.1)", async () => {
    const url = new URL("/graphql?query=%7Bthemes%7Bid%7D%7D", base);
    const compare = async (headers: Record<string, string>) => {
      // HEAD first (a miss: through yoga), then GET and HEAD again (hits: the Node fast path).
      const head = await fetch(url, { method: "HEAD", headers });
      const get = await fetch(url, { headers });
      const getBody = await get.arrayBuffer();
      const headAgain = await fetch(url, { method: "HEAD", headers });
      for (const answer of [head, headAgain]) {
        expect(answer.status).toBe(200);
        expect(await answer.text()).toBe("");
        for (const name of [
          "etag",
          "cache-control",
          "vary",
          "content-type",
          "content-length",
          "content-encoding",
          "access-control-allow-origin",
        ])
          expect(answer.headers.get(name), name).toBe(get.headers.get(name));
      }
      expect(Number(get.headers.get("content-length"))).toBe(getBody.byteLength);
      const notModified = await fetch(url, {
        method: "HEAD",
        headers: { ...headers, "if-none-match": get.headers.get("etag")! },
      });
      expect(notModified.status).toBe(304);
    };
    await compare({ accept: "application/json", "accept-encoding": "identity" });
    await compare({ accept: "application/graphql-response+json", "accept-encoding": "identity" });
    // In process (the fetch handler without the Node fast path) as well.
    const inProcess = await gateway.fetch(
      new Request("http://gateway.test/graphql?query=%7Bdataset%7BeventCount%7D%7D", {
        method: "HEAD",
        headers: { accept: "application/json" },
      }),
    );
    expect(inProcess.status).toBe(200);
    expect(inProcess.headers.get("etag")).toMatch(/^"[0-9a-f]{64}"$/);
    expect(await inProcess.text()).toBe("");
  });

  it("serves static files with content types and a strict CSP on HTML, and nothing outside", async () => {
    const index = await fetch(base);
    expect(index.status).toBe(200);
    expect(index.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(index.headers.get("content-security-policy")).toContain("script-src 'self'");
    const script = await fetch(new URL("/sub/app.js", base));
    expect(script.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    // Validators: a strong ETag, and 304 for it or for `*`; a folder redirects to its slash form.
    const etag = index.headers.get("etag")!;
    expect(etag).toMatch(/^"[\w-]{43}(?:-br|-gzip)?"$/);
    for (const ifNoneMatch of [etag, "*"]) {
      const again = await fetch(base, { headers: { "if-none-match": ifNoneMatch } });
      expect(again.status, ifNoneMatch).toBe(304);
      expect(again.headers.get("etag")).toBe(etag);
    }
    const folder = await fetch(new URL("/sub", base), { redirect: "manual" });
    expect(folder.status).toBe(301);
    expect(folder.headers.get("location")).toBe("/sub/");
    for (const path of [
      "/../package.json",
      "/%2e%2e/package.json",
      "/sub/..%2f..%2fpackage.json",
      "/%00",
    ]) {
      expect((await rawGet(base, path)).status, path).toBe(404);
    }
  });

  it("reports not ready, refuses new connections and finishes in-flight requests on close", async () => {
    // A route whose answer waits for the test: the request is surely in flight when close() starts.
    let arrived!: () => void;
    const inside = new Promise<void>((resolve) => {
      arrived = resolve;
    });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const other = createGateway({
      dataset: syntheticDataset(20),
      port: 0,
      logger: "silent",
      fallback: async (request) => {
        if (new URL(request.url).pathname !== "/slow") return undefined;
        arrived();
        await gate;
        return new Response("finished");
      },
    });
    const url = await other.listen();
    const inFlight = fetch(new URL("/slow", url));
    await inside;
    const closed = other.close();
    expect(other.handler.ready).toBe(false);
    // The listener closes once the connections waiting in the backlog are accepted (a turn or two).
    await vi.waitFor(() => expect(other.server.listening).toBe(false), {
      timeout: 5000,
      interval: 5,
    });
    await expect(fetch(new URL("/health", url))).rejects.toThrow();
    release();
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("finished");
    // Closes once the in-flight request is done, without waiting for the client's keep-alive to end.
    await closed;
  });

  it("sends X-Content-Type-Options: nosniff with every answer, JSON and errors included", async () => {
    const query = encodeURIComponent("{dataset{eventCount}}");
    const answers = await Promise.all([
      fetch(new URL("/health", base)),
      fetch(new URL("/ready", base)),
      fetch(new URL(`/graphql?query=${query}`, base), { headers: { accept: "application/json" } }),
      fetch(new URL(`/graphql?query=${query}`, base), { headers: { accept: "application/json" } }),
      fetch(new URL("/graphql", base), {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "{ nope }" }),
      }),
      fetch(new URL("/graphql", base), { method: "PUT" }),
      fetch(new URL("/nothing", base)),
      fetch(new URL("/", base)),
    ]);
    for (const answer of answers) {
      expect(answer.headers.get("x-content-type-options"), answer.url).toBe("nosniff");
      await answer.arrayBuffer();
    }
  });

  it("never serves dotfiles or dot-folders from the static directory", async () => {
    for (const path of [
      "/.secret.txt",
      "/.well-known/x.json",
      "/%2esecret.txt",
      "/sub/../.secret.txt",
    ]) {
      const { status } = await rawGet(base, path);
      expect(status, path).toBe(404);
    }
    expect((await rawGet(base, "/sub/app.js")).status).toBe(200);
  });
});

describe("/metrics and the listener it is served on", () => {
  it("is served on a loopback listener, not on a public one unless asked, and on a port of its own", async () => {
    const { isLoopback } = await import("./create-gateway.ts");
    expect(["127.0.0.1", "127.1.2.3", "::1", "localhost"].every(isLoopback)).toBe(true);
    expect(["0.0.0.0", "::", "10.0.0.1", "example.org"].some(isLoopback)).toBe(false);

    const local = createGateway({ dataset: syntheticDataset(5), port: 0, logger: "silent" });
    const localUrl = await local.listen();
    expect((await fetch(new URL("/metrics", localUrl))).status).toBe(200);
    await local.close();

    // A separate metrics port: the main listener has no /metrics, the metrics port nothing else.
    const split = createGateway({
      dataset: syntheticDataset(5),
      port: 0,
      metricsPort: 0,
      logger: "silent",
    });
    const url = await split.listen();
    const metricsUrl = new URL(
      `http://127.0.0.1:${(split.metricsServer!.address() as { port: number }).port}/`,
    );
    await (await fetch(new URL("/health", url))).text();
    expect((await fetch(new URL("/metrics", url))).status).toBe(404);
    const metrics = await fetch(new URL("/metrics", metricsUrl));
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toMatch(/ca_timeline_gateway_http_requests_total\{route="health"/);
    expect((await fetch(new URL("/graphql", metricsUrl))).status).toBe(404);
    await split.close();
    expect(split.metricsServer!.listening).toBe(false);
  });
});
