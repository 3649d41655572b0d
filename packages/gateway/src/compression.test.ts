import { request as httpRequest } from "node:http";
import { fileURLToPath } from "node:url";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { syntheticDataset } from "@ca-timeline/data/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ContentCoding, negotiateCoding } from "./compression.ts";
import { createGateway, type Gateway } from "./create-gateway.ts";
import { createFetchHandler } from "./fetch-handler.ts";
import { BASE } from "./test-support/gql.ts";

const BOTH = new Set<ContentCoding>(["br", "gzip"]);
const dataset = syntheticDataset(60);
const QUERY = encodeURIComponent(
  "{ events(first: 40) { nodes { slug title summary(lang: DE) } } }",
);
const staticDir = fileURLToPath(new URL("./test-support/static/", import.meta.url));

describe("negotiateCoding", () => {
  it("prefers brotli, honours q-values and *, and falls back to identity", () => {
    const cases: Array<[string | undefined, string]> = [
      [undefined, "identity"],
      ["", "identity"],
      ["gzip, deflate, br, zstd", "br"],
      ["gzip", "gzip"],
      ["x-gzip", "gzip"],
      ["br;q=0, gzip", "gzip"],
      ["gzip;q=0.5, br;q=0.4", "gzip"],
      ["*", "br"],
      ["*;q=0.1, br;q=0", "gzip"],
      ["identity", "identity"],
      ["deflate", "identity"],
      ["GZIP;Q=1", "gzip"],
      ["br;q=abc, gzip", "gzip"],
    ];
    for (const [header, coding] of cases)
      expect(negotiateCoding(header, BOTH), header).toBe(coding);
    expect(negotiateCoding("br, gzip", new Set(["gzip"]))).toBe("gzip");
  });
});

/** A raw GET (no automatic decompression): status, headers and the bytes as sent. */
function rawGet(base: URL, path: string, headers: Record<string, string>) {
  return new Promise<{
    status: number;
    headers: Record<string, string | string[] | undefined>;
    body: Buffer;
  }>((resolve, reject) => {
    const req = httpRequest({ host: base.hostname, port: base.port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on("error", reject);
    req.end();
  });
}

const decode = (coding: string | undefined, body: Buffer) =>
  coding === "br" ? brotliDecompressSync(body) : coding === "gzip" ? gunzipSync(body) : body;

describe("compressed answers on the Node server", () => {
  let gateway: Gateway;
  let base: URL;
  beforeAll(async () => {
    gateway = createGateway({ dataset, port: 0, logger: "silent", staticDir });
    base = await gateway.listen();
  });
  afterAll(() => gateway.close());

  it("stores a cached GET in each coding once, with its own strong ETag, and answers 304 per representation", async () => {
    const path = `/graphql?query=${QUERY}`;
    const accept = { accept: "application/json" };
    const plain = await rawGet(base, path, accept);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.headers.vary).toBe("Accept, Accept-Encoding");
    const etags = new Set([plain.headers.etag]);
    for (const coding of ["br", "gzip"] as const) {
      const first = await rawGet(base, path, {
        ...accept,
        "accept-encoding": `${coding}, identity;q=0.1`,
      });
      // Answered again from the Node fast path: the same bytes and headers.
      const again = await rawGet(base, path, {
        ...accept,
        "accept-encoding": `${coding}, identity;q=0.1`,
      });
      for (const answer of [first, again]) {
        expect(answer.headers["content-encoding"]).toBe(coding);
        expect(Number(answer.headers["content-length"])).toBe(answer.body.byteLength);
        expect(answer.body.byteLength).toBeLessThan(plain.body.byteLength / 2);
        expect(decode(coding, answer.body).equals(plain.body)).toBe(true);
      }
      expect(again.headers.etag).toBe(first.headers.etag);
      etags.add(first.headers.etag);
      const notModified = await rawGet(base, path, {
        ...accept,
        "accept-encoding": coding,
        "if-none-match": first.headers.etag as string,
      });
      expect(notModified.status).toBe(304);
      expect(notModified.headers.etag).toBe(first.headers.etag);
    }
    expect(etags.size).toBe(3);
    // The brotli ETag does not validate the identity representation.
    const mismatch = await rawGet(base, path, {
      ...accept,
      "if-none-match": [...etags][1] as string,
    });
    expect(mismatch.status).toBe(200);
  });

  it("compresses POST answers per request, the compiled fast path like yoga", async () => {
    const body = JSON.stringify({
      query: "query P($n: Int) { events(first: $n) { nodes { slug summary } } }",
      variables: { n: 30 },
    });
    const post = () =>
      new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
        const req = httpRequest(
          {
            host: base.hostname,
            port: base.port,
            path: "/graphql",
            method: "POST",
            headers: {
              "content-type": "application/json",
              accept: "application/json",
              "accept-encoding": "gzip",
              "content-length": Buffer.byteLength(body),
            },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on("data", (chunk: Buffer) => chunks.push(chunk));
            res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
          },
        );
        req.on("error", reject);
        req.end(body);
      });
    const answers = [await post(), await post(), await post()]; // the third is compiled
    const texts = answers.map((a) =>
      decode(a.headers["content-encoding"] as string, a.body).toString(),
    );
    for (const answer of answers) expect(answer.headers["content-encoding"]).toBe("gzip");
    expect(new Set(texts).size).toBe(1);
    expect(JSON.parse(texts[0]!).data.events.nodes).toHaveLength(30);
  });

  it("compresses static text files worth it, and leaves small ones as they are", async () => {
    const plain = await rawGet(base, "/sub/big.css", {});
    expect(plain.body.byteLength).toBeGreaterThan(1024);
    for (const coding of ["br", "gzip"]) {
      for (let i = 0; i < 2; i++) {
        const answer = await rawGet(base, "/sub/big.css", { "accept-encoding": coding });
        expect(answer.headers["content-encoding"]).toBe(coding);
        expect(answer.headers.vary).toBe("Accept-Encoding");
        expect(answer.body.byteLength).toBeLessThan(plain.body.byteLength / 2);
        expect(decode(coding, answer.body).equals(plain.body)).toBe(true);
      }
    }
    const small = await rawGet(base, "/", { "accept-encoding": "br" });
    expect(small.body.byteLength).toBeLessThan(1024);
    expect(small.headers["content-encoding"]).toBeUndefined();
  });
});

describe("compressed answers from the fetch handler (edge runtimes)", () => {
  it("uses the runtime's CompressionStream for gzip, also for cached GETs", async () => {
    const handler = createFetchHandler({ dataset, logger: "silent" });
    for (let i = 0; i < 2; i++) {
      const response = await handler.fetch(
        new Request(`${BASE}/graphql?query=${QUERY}`, {
          headers: { accept: "application/json", "accept-encoding": "gzip" },
        }),
      );
      expect(response.headers.get("content-encoding")).toBe("gzip");
      const body = Buffer.from(await response.arrayBuffer());
      expect(JSON.parse(gunzipSync(body).toString()).data.events.nodes).toHaveLength(40);
    }
  });

  it("sends everything as it is with compression: false", async () => {
    const handler = createFetchHandler({ dataset, logger: "silent", compression: false });
    const response = await handler.fetch(
      new Request(`${BASE}/graphql?query=${QUERY}`, { headers: { "accept-encoding": "gzip, br" } }),
    );
    expect(response.headers.get("content-encoding")).toBeNull();
    expect((await response.json()).data.events.nodes).toHaveLength(40);
  });
});
