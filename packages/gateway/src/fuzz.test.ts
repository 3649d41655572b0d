import { connect } from "node:net";
import { syntheticDataset } from "@ca-timeline/data/testing";
import { CA_TIMELINE_EVENTS_ID as EVENTS_QUERY_ID } from "@ca-timeline/schema/operations";
import fc from "fast-check";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createGateway, type Gateway } from "./create-gateway.ts";
import type { Logger } from "./logger.ts";
import {
  DOCUMENTS,
  hostileAccept,
  hostileContentType,
  hostileDocument,
  hostileJsonBody,
  hostileString,
  hostileValue,
  hostileVariables,
  LEAK,
} from "./test-support/hostile.ts";

// Thousands of generated and mutated requests: documents, variables and HTTP shapes. Whatever comes
// in, the gateway answers below 500 (or closes a connection it cannot parse), in time, without a
// stack trace or a server path, and answers normally afterwards. A failure prints fast-check's seed
// and the shrunk input; `FUZZ_RUNS=<factor>` scales the run counts (CI keeps the defaults).

const SCALE = Number(process.env.FUZZ_RUNS ?? 1);
const runs = (n: number) => Math.max(1, Math.round(n * SCALE));
/** How long one request may take, slow CI machines included: far above any real answer. */
const REQUEST_TIMEOUT_MS = 10_000;

const dataset = syntheticDataset(80);
const errors: string[] = [];
// Errors the gateway logs: an unexpected failure (masked to clients) shows up here.
const logger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error(message, fields) {
    errors.push(`${message} ${JSON.stringify(fields)}`);
  },
};

// `FUZZ_STATS=1` prints how often each answer came, to see which paths the inputs reach.
const stats = new Map<string, number>();
const count = (key: string) => stats.set(key, (stats.get(key) ?? 0) + 1);

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer within ${REQUEST_TIMEOUT_MS} ms: ${what}`)),
      REQUEST_TIMEOUT_MS,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The invariants of every answer: below 500, no leak, well-formed JSON when it says JSON. */
async function expectSane(pending: Promise<Response>, what: string): Promise<Response> {
  const response = await withTimeout(pending, what);
  const text = await withTimeout(response.text(), what);
  count(`${what.split(" ")[0]} ${response.status}${/"data":\{/.test(text) ? " data" : ""}`);
  expect(response.status, what).toBeLessThan(500);
  expect(text, what).not.toMatch(LEAK);
  const type = response.headers.get("content-type") ?? "";
  if (/json/.test(type) && text !== "") expect(() => JSON.parse(text), what).not.toThrow();
  return response;
}

/** A request a client could build; undefined when the fetch API itself refuses it (bad header value). */
function tryRequest(url: string, init: RequestInit): Request | undefined {
  try {
    return new Request(url, init);
  } catch {
    return undefined;
  }
}

const describeInput = (value: unknown) => {
  const text = typeof value === "string" ? value : String(JSON.stringify(value));
  return text.length > 300 ? `${text.slice(0, 300)}… (${text.length} chars)` : text;
};

async function expectHealthy(gateway: Gateway, base?: URL) {
  const query = JSON.stringify({ query: DOCUMENTS[3], variables: { first: 5 } });
  const init = {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
    body: query,
  };
  const answers = [await gateway.fetch(new Request("http://gateway.test/graphql", init))];
  if (base) answers.push(await fetch(new URL("/graphql", base), init));
  for (const answer of answers) {
    expect(answer.status).toBe(200);
    const result = await answer.json();
    expect(result.errors).toBeUndefined();
    expect(result.data.events.edges).toHaveLength(5);
  }
}

describe("hostile input", () => {
  let gateway: Gateway;
  let base: URL;
  beforeAll(async () => {
    gateway = createGateway({ dataset, port: 0, logger });
    base = await gateway.listen();
    // Hot operations: the second run of a document makes the POST fast path answer it.
    for (let i = 0; i < 2; i++) await expectHealthy(gateway, base);
  });
  afterAll(async () => {
    await gateway.close();
    if (process.env.FUZZ_STATS) console.log(Object.fromEntries([...stats].sort()));
  });
  // After each test, whatever it was and whichever ran before: no unexpected error was logged.
  afterEach(() => {
    expect(errors.splice(0), "errors the gateway logged").toEqual([]);
  });

  it("in process: POSTs of generated and mutated documents, variables and content types", async () => {
    await fc.assert(
      fc.asyncProperty(
        hostileJsonBody,
        fc.oneof(
          { weight: 4, arbitrary: fc.constant("application/json") },
          { weight: 1, arbitrary: hostileContentType },
        ),
        hostileAccept,
        async (body, contentType, accept) => {
          const what = `POST ${contentType} / ${accept}: ${describeInput(body)}`;
          const request = tryRequest("http://gateway.test/graphql", {
            method: "POST",
            headers: { "content-type": contentType, accept },
            body,
          });
          fc.pre(request !== undefined);
          await expectSane(gateway.fetch(request!), what);
        },
      ),
      { numRuns: runs(1500) },
    );
    await expectHealthy(gateway);
  }, 120_000);

  it("in process: GETs with generated query strings", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .record(
            {
              query: hostileDocument,
              variables: fc.oneof(
                hostileVariables.map((v) => JSON.stringify(v)),
                hostileString,
              ),
              operationName: hostileString,
              documentId: fc.oneof(fc.constant(EVENTS_QUERY_ID), hostileString),
              extensions: fc.oneof(
                hostileValue.map((v) => JSON.stringify(v)),
                hostileString,
              ),
            },
            { requiredKeys: [] },
          )
          // Mostly a query or a documentId, rarely both (a 400): more inputs reach execution. The
          // choice is generated (not Math.random), so a failing seed replays the same input.
          .chain((params) =>
            params.query !== undefined && params.documentId !== undefined
              ? fc.integer({ min: 0, max: 4 }).map((roll) => {
                  if (roll === 0) return params;
                  const { documentId: _, ...rest } = params;
                  return rest;
                })
              : fc.constant(params),
          ),
        fc.oneof(
          { weight: 4, arbitrary: fc.constant("") },
          { weight: 1, arbitrary: fc.constantFrom("&%", "&a=%ZZ", "&query=%E0%A4%A", "&&==&") },
        ),
        hostileAccept,
        async (params, tail, accept) => {
          const search = new URLSearchParams(params as Record<string, string>);
          const url = `http://gateway.test/graphql?${search}${tail}`;
          const request = tryRequest(url, { headers: { accept } });
          fc.pre(request !== undefined);
          await expectSane(gateway.fetch(request!), `GET ${accept}: ${describeInput(url)}`);
        },
      ),
      { numRuns: runs(800) },
    );
    await expectHealthy(gateway);
  }, 120_000);

  it("in process: other methods, paths and headers", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD", "BREW"),
        fc.oneof(
          fc.constantFrom(
            "/graphql",
            "/graphql/",
            "/GRAPHQL",
            "/health",
            "/ready",
            "/metrics",
            "/",
            "/%ZZ",
            "/%00",
            "/..%2f..%2fpackage.json",
          ),
          hostileString.map((s) => `/${encodeURIComponent(Buffer.from(s).toString())}`),
        ),
        fc.dictionary(
          fc.constantFrom(
            "if-none-match",
            "origin",
            "access-control-request-method",
            "access-control-request-headers",
            "content-length",
            "accept",
            "content-type",
          ),
          fc.string({ unit: "grapheme-ascii", maxLength: 40 }),
        ),
        fc.option(hostileJsonBody, { nil: undefined }),
        async (method, path, headers, body) => {
          const request = tryRequest(`http://gateway.test${path}`, {
            method,
            headers,
            ...(body !== undefined && method !== "GET" && method !== "HEAD" ? { body } : {}),
          });
          fc.pre(request !== undefined);
          await expectSane(
            gateway.fetch(request!),
            `${method} ${path} ${JSON.stringify(headers)}: ${describeInput(body)}`,
          );
        },
      ),
      { numRuns: runs(400) },
    );
    await expectHealthy(gateway);
  }, 120_000);

  it("over 127.0.0.1: the Node fast paths with hostile variables and bodies", async () => {
    const graphql = new URL("/graphql", base);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          // The hot operation (compiled, answered without yoga) with hostile variables.
          hostileVariables.map((variables) => JSON.stringify({ query: DOCUMENTS[3], variables })),
          hostileJsonBody,
        ),
        fc.constantFrom("application/json", "application/json; charset=utf-8"),
        fc.constantFrom("application/graphql-response+json", "application/json", "*/*", ""),
        async (body, contentType, accept) => {
          await expectSane(
            fetch(graphql, {
              method: "POST",
              headers: { "content-type": contentType, ...(accept ? { accept } : {}) },
              body,
            }),
            `POST over TCP ${accept}: ${describeInput(body)}`,
          );
        },
      ),
      { numRuns: runs(300) },
    );
    // The cached GET path: the widget's persisted operation with hostile variables.
    await fc.assert(
      fc.asyncProperty(hostileVariables, async (variables) => {
        const url = new URL(graphql);
        url.searchParams.set("documentId", EVENTS_QUERY_ID);
        url.searchParams.set("variables", JSON.stringify(variables));
        await expectSane(fetch(url), `GET over TCP: ${describeInput(variables)}`);
      }),
      { numRuns: runs(150) },
    );
    await expectHealthy(gateway, base);
  }, 120_000);

  it("over 127.0.0.1: malformed HTTP (request lines, headers, lengths, truncated bodies)", async () => {
    await fc.assert(
      fc.asyncProperty(rawRequest, async (raw) => {
        const { received, closed } = await sendRaw(base, raw);
        const what = `raw ${describeInput(raw.toString("latin1"))}`;
        count(`raw ${/^HTTP\/1\.[01] (\d{3})/.exec(received)?.[1] ?? "closed"}`);
        expect(closed, `${what}: the server neither answered nor closed`).toBe(true);
        for (const status of received.matchAll(/HTTP\/1\.[01] (\d{3})/g))
          expect(Number(status[1]), `${what} → ${describeInput(received)}`).toBeLessThan(500);
        expect(received, what).not.toMatch(LEAK);
      }),
      { numRuns: runs(300) },
    );
    await expectHealthy(gateway, base);
  }, 120_000);

  it("over 127.0.0.1: no Host header, target or Accept value changes what another client gets", async () => {
    const victims = ["{dataset{eventCount}}", "{themes{id}}", "{events(first:2){totalCount}}"].map(
      (query) => `/graphql?query=${encodeURIComponent(query)}`,
    );
    const honest = new Map<string, string>();
    for (const victim of victims) {
      const { received } = await sendRaw(
        base,
        Buffer.from(
          `GET ${victim} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\nConnection: close\r\n\r\n`,
        ),
        { halfClose: false },
      );
      expect(received, victim).toMatch(/^HTTP\/1\.1 200 /);
      honest.set(victim, received.slice(received.indexOf("\r\n\r\n")));
    }
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...victims),
        fc.constantFrom(...victims),
        fc.oneof(
          fc.constantFrom(
            "x/graphql?query=",
            "x",
            "x/",
            "127.0.0.1:1/",
            "a?b=",
            "[::1]/graphql?query=",
          ),
          hostileString,
        ),
        fc.constantFrom("#", "?", "/", ""),
        fc.constantFrom("application/json", "application/json, */*", "*/*;q=0.1, application/json"),
        async (victim, other, hostPrefix, tail, accept) => {
          const host = `${hostPrefix}${other.slice(other.indexOf("?") + 7)}${tail}`.replace(
            /[\r\n]/g,
            "",
          );
          await sendRaw(
            base,
            Buffer.from(
              `GET ${victim} HTTP/1.1\r\nHost: ${host}\r\nAccept: ${accept}\r\nConnection: close\r\n\r\n`,
            ),
            { halfClose: false },
          );
          const { received } = await sendRaw(
            base,
            Buffer.from(
              `GET ${victim} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\nConnection: close\r\n\r\n`,
            ),
            { halfClose: false },
          );
          count(`poison ${/^HTTP\/1\.1 (\d{3})/.exec(received)?.[1]}`);
          expect(received.slice(received.indexOf("\r\n\r\n")), `${victim} after Host ${host}`).toBe(
            honest.get(victim),
          );
        },
      ),
      { numRuns: runs(120) },
    );
    await expectHealthy(gateway, base);
  }, 120_000);

  it("in process: amplified queries are refused by cost, or answered within the response ceiling", async () => {
    const fields = [
      "slug",
      "title",
      "summary(lang: DE)",
      "themes { id label }",
      "actors { id name }",
      "sources { url title }",
      "parts { slug }",
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 100 }),
        fc.subarray(fields, { minLength: 1 }),
        fc.boolean(),
        async (aliases, first, selected, viaFragment) => {
          const selection = viaFragment ? "...F" : selected.join(" ");
          const query = `{ ${Array.from({ length: aliases }, (_, i) => `a${i}: events(first: ${first}) { nodes { ${selection} } }`).join(" ")} }${viaFragment ? ` fragment F on Event { ${selected.join(" ")} }` : ""}`;
          const response = await withTimeout(
            gateway.fetch(
              new Request("http://gateway.test/graphql", {
                method: "POST",
                headers: {
                  "content-type": "application/json",
                  accept: "application/graphql-response+json",
                },
                body: JSON.stringify({ query }),
              }),
            ),
            `amplified ${aliases}×${first}`,
          );
          const text = await response.text();
          expect(text).not.toMatch(LEAK);
          expect(text.length).toBeLessThanOrEqual(4 * 1024 * 1024);
          if (response.status === 400) {
            expect(text).toMatch(/COST_LIMIT_EXCEEDED|RESPONSE_TOO_LARGE/);
            count("amplified refused");
          } else {
            expect(response.status).toBe(200);
            count("amplified answered");
          }
          // The worst case of the shapes the outside test found never runs.
          if (aliases === 30 && first === 100 && selected.length >= 3)
            expect(response.status).toBe(400);
        },
      ),
      { numRuns: runs(60) },
    );
  }, 120_000);

  it("times out slow clients with 408 instead of holding the connection", async () => {
    const strict = createGateway({ dataset, port: 0, logger, requestTimeoutMs: 600 });
    const url = await strict.listen();
    try {
      const body = JSON.stringify({ query: "{ __typename }" });
      for (const partial of [
        // Headers that never end (slowloris).
        "POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n",
        // A body shorter than its Content-Length, the connection left open.
        `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length + 10}\r\n\r\n${body}`,
      ]) {
        const { received, closed } = await sendRaw(url, Buffer.from(partial), { halfClose: false });
        expect(closed, partial).toBe(true);
        expect(received, partial).toMatch(/^HTTP\/1\.1 408 /);
      }
      await expectHealthy(strict, url);
    } finally {
      await strict.close();
    }
  }, 30_000);
});

/** Host values of the plain `host[:port]` shape whose authority may still be invalid. */
const almostPlainHost: fc.Arbitrary<string> = fc
  .tuple(
    fc.oneof(
      fc.constantFrom("a", "localhost", "gateway.example"),
      fc
        .array(fc.integer({ min: 0, max: 999 }), { minLength: 3, maxLength: 6 })
        .map((parts) => parts.join(".")),
      fc
        .array(fc.constantFrom("", "1", "ffff", "12345", "g", "1.2.3.4", "1.2.3.999"), {
          minLength: 1,
          maxLength: 10,
        })
        .map((groups) => `[${groups.join(":")}]`),
    ),
    fc.option(
      fc.oneof(fc.integer({ min: 0, max: 65_535 }), fc.integer({ min: 65_536, max: 99_999 })),
      { nil: undefined },
    ),
  )
  .map(([host, port]) => (port === undefined ? host : `${host}:${port}`));

/** Raw request lines, headers and bodies, well-formed or not. */
const rawRequest: fc.Arbitrary<Buffer> = fc
  .record({
    method: fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom("GET", "POST", "POST", "OPTIONS", "HEAD") },
      { weight: 1, arbitrary: fc.constantFrom("PUT", "BREW", "post", "G ET", "") },
      { weight: 1, arbitrary: fc.string({ unit: "grapheme-ascii", maxLength: 8 }) },
    ),
    target: fc.oneof(
      {
        weight: 6,
        arbitrary: fc.constantFrom(
          "/graphql",
          "/graphql",
          "/graphql?query=%7B__typename%7D",
          `/graphql?documentId=${EVENTS_QUERY_ID}&variables=%7B%22first%22%3A1%2C%22vocabulary%22%3Afalse%7D`,
          "/health",
          "/ready",
          "/metrics",
        ),
      },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          "*",
          "http://x/graphql",
          "/graphql?%%%",
          "//graphql",
          "/graphql#x",
          "",
          // Absolute-form targets (RFC 9112 §3.2.2), well-formed and not.
          "http://127.0.0.1/graphql?query=%7B__typename%7D",
          "HTTP://gateway.example:8080/health",
          `http://x/graphql?documentId=${EVENTS_QUERY_ID}&variables=%7B%22first%22%3A1%2C%22vocabulary%22%3Afalse%7D`,
          "http://a b/graphql",
          "http://[::1/graphql",
          "http://user:pw@x/graphql",
          "https://x?query=%7B__typename%7D",
        ),
      },
      { weight: 2, arbitrary: hostileString.map((s) => `/graphql?query=${s}`) },
    ),
    host: fc.oneof(
      {
        weight: 6,
        arbitrary: fc.constantFrom("127.0.0.1", "localhost:4000", "[::1]:4000", "gateway.example"),
      },
      {
        weight: 2,
        arbitrary: fc.constantFrom(
          // The cache-poisoning shape: a Host that carries a path, a query and a fragment.
          "x/graphql?query=%7Bthemes%7Bid%7D%7D#",
          "a b",
          "[::1",
          "x/y?z",
          "@evil",
          "h:99999x",
          "",
          "x#y",
        ),
      },
      // Plain to look at, but not an authority the URL parser accepts (or just barely one): ports
      // beyond 65535, IPv4 literals with too many parts or octets over 255, broken IPv6 literals.
      { weight: 2, arbitrary: almostPlainHost },
      { weight: 1, arbitrary: hostileString },
    ),
    version: fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom("HTTP/1.1", "HTTP/1.0") },
      { weight: 1, arbitrary: fc.constantFrom("HTTP/2.0", "HTTP/9.9", "", "http/1.1") },
    ),
    headers: fc.array(
      fc.oneof(
        {
          weight: 6,
          arbitrary: fc.constantFrom(
            "Content-Type: application/json",
            "Content-Type: application/json",
            "Content-Type: text/plain",
            "Accept: application/graphql-response+json",
            "Accept: application/json",
            "Accept: text/html",
            "Expect: 100-continue",
            "Connection: keep-alive",
            "Connection: close",
            "If-None-Match: *",
            "Origin: https://evil.example",
          ),
        },
        {
          weight: 1,
          arbitrary: fc
            .constantFrom("-1", "abc", "1e3", "0x10", "99999999999999999999", "", "10, 20", " 5")
            .map((v) => `Content-Length: ${v}`),
        },
        {
          weight: 1,
          arbitrary: fc.constantFrom(
            "Transfer-Encoding: chunked",
            "Transfer-Encoding: gzip",
            "Transfer-Encoding: chunked, chunked",
            "Expect: nonsense",
            "Host: ",
            "Host: 127.0.0.1",
            "Host: other.example/x",
            "Connection: upgrade",
            "Upgrade: websocket",
            "NoColon",
            " Leading: space",
            "X-Nul: a\u0000b",
            "X-Folded: a\r\n continued",
            ": empty-name",
          ),
        },
        {
          weight: 1,
          arbitrary: fc.constantFrom(20_000, 70_000).map((n) => `X-Big: ${"a".repeat(n)}`),
        },
        { weight: 1, arbitrary: fc.string({ unit: "grapheme-ascii", maxLength: 40 }) },
      ),
      { maxLength: 3 },
    ),
    body: fc.oneof(hostileJsonBody, fc.constant("")),
    length: fc.constantFrom("exact", "exact", "short", "long", "none", "chunked", "broken-chunks"),
    eol: fc.constantFrom("\r\n", "\r\n", "\r\n", "\n"),
    pipelined: fc.boolean(),
  })
  .map(({ method, target, host, version, headers, body, length, eol, pipelined }) => {
    const bytes = Buffer.from(body);
    const lines = [`${method} ${target} ${version}`.trimEnd(), `Host: ${host}`, ...headers];
    let payload: Buffer = bytes;
    if (length === "exact") lines.push(`Content-Length: ${bytes.length}`);
    else if (length === "short") {
      lines.push(`Content-Length: ${bytes.length + 100}`);
    } else if (length === "long") {
      lines.push(`Content-Length: ${Math.floor(bytes.length / 2)}`);
    } else if (length === "chunked" || length === "broken-chunks") {
      lines.push("Transfer-Encoding: chunked");
      const size = length === "chunked" ? bytes.length.toString(16) : "zz";
      payload = Buffer.concat([
        Buffer.from(`${size}\r\n`),
        bytes,
        Buffer.from(length === "chunked" ? "\r\n0\r\n\r\n" : "\r\n"),
      ]);
    }
    const head = Buffer.from(`${lines.join(eol)}${eol}${eol}`);
    const next = pipelined
      ? Buffer.from("GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
      : Buffer.alloc(0);
    return Buffer.concat([head, payload, next]);
  });

/**
 * Writes raw bytes to the server, half-closes (unless told not to) and collects what comes back until
 * the server closes the connection or the time is up (`closed` false).
 */
function sendRaw(
  base: URL,
  raw: Buffer,
  { halfClose = true }: { halfClose?: boolean } = {},
): Promise<{ received: string; closed: boolean }> {
  return new Promise((resolve) => {
    const socket = connect(Number(base.port), base.hostname);
    const chunks: Buffer[] = [];
    const finish = (closed: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ received: Buffer.concat(chunks).toString("latin1"), closed });
    };
    const timer = setTimeout(() => finish(false), REQUEST_TIMEOUT_MS);
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    // A reset is the server closing too (it may drop a connection it cannot parse).
    socket.on("error", () => finish(true));
    socket.on("close", () => finish(true));
    socket.write(raw, () => {
      if (halfClose) socket.end();
    });
  });
}
