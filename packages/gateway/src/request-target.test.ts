import type { AddressInfo } from "node:net";
import { syntheticDataset } from "@ca-timeline/data/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGateway, type Gateway } from "./create-gateway.ts";
import { TIMELINE_EVENTS_ID } from "./persisted-operations.ts";
import { isPlainHost, parseRequestTarget } from "./request-target.ts";
import { rawGet, rawRequest } from "./test-support/raw-http.ts";

describe("parseRequestTarget", () => {
  it("keeps origin-form targets as sent and reads absolute-form ones", () => {
    expect(parseRequestTarget("/graphql?query={a}")).toEqual({
      pathAndSearch: "/graphql?query={a}",
    });
    expect(parseRequestTarget("http://api.example.org:8080/graphql?x=1")).toEqual({
      pathAndSearch: "/graphql?x=1",
      authority: "api.example.org:8080",
    });
    expect(parseRequestTarget("HTTP://h?x=1")).toEqual({ pathAndSearch: "/?x=1", authority: "h" });
    expect(parseRequestTarget("http://h")).toEqual({ pathAndSearch: "/", authority: "h" });
  });

  it("refuses fragments, other forms and authorities that are not a plain host", () => {
    for (const target of [
      "/graphql#x",
      "*",
      "example.org:443",
      "ftp://h/x",
      "http://user:pw@h/x",
      "http://h/graphql?q=1#/graphql",
      "/a b",
      "/a\tb",
    ]) {
      expect(parseRequestTarget(target), target).toBeUndefined();
    }
  });

  it("accepts host[:port] and bracketed IPv6 only", () => {
    for (const host of [
      "localhost",
      "localhost:4000",
      "api.example.org",
      "127.0.0.1:80",
      "[::1]:4000",
    ])
      expect(isPlainHost(host), host).toBe(true);
    for (const host of [
      "a b",
      "[::1",
      "x/y?z",
      "x/graphql?query={themes{id}}#",
      "h:",
      "h:99999x",
      "",
      "-a",
      // Plain to look at, but not an authority the URL parser accepts.
      "a:65536",
      "a:99999",
      "1.2.3.4.5:1",
      "1.2.3.256",
      "[:::::::::]",
      "[1::2::3]",
      "[::1.2.3.999]",
    ])
      expect(isPlainHost(host), host).toBe(false);
  });
});

describe("the Node server: request target and Host over raw sockets", () => {
  let gateway: Gateway;
  let port: number;
  const errors: string[] = [];
  beforeAll(async () => {
    gateway = createGateway({
      dataset: syntheticDataset(20),
      port: 0,
      logger: {
        debug() {},
        info() {},
        warn() {},
        error: (message) => errors.push(String(message)),
      },
    });
    await gateway.listen();
    port = (gateway.server.address() as AddressInfo).port;
  });
  afterAll(() => gateway.close());

  it("cannot be made to cache another query's answer under a victim URL through the Host header", async () => {
    const victim = `/graphql?query=${encodeURIComponent("{dataset{eventCount}}")}`;
    const attack = `x/graphql?query=${encodeURIComponent("{themes{id}}")}#`;
    const poisoned = await rawRequest(port, rawGet(victim, attack, { accept: "application/json" }));
    expect(poisoned.status).toBe(400);
    expect(poisoned.body).not.toContain("themes");
    // Every later client of the victim URL gets the victim's own answer.
    for (const accept of ["application/json", "application/graphql-response+json"]) {
      const honest = await rawRequest(port, rawGet(victim, `127.0.0.1:${port}`, { accept }));
      expect(honest.status).toBe(200);
      expect(JSON.parse(honest.body)).toEqual({ data: { dataset: { eventCount: 20 } } });
    }
  });

  it("answers malformed Host values with 400, never 5xx, and logs no error", async () => {
    for (const host of [
      "a b",
      "[::1",
      "x/y?z",
      "h:1/x",
      "@evil",
      "x#y",
      "a:65536",
      "a:99999",
      "1.2.3.4.5:1",
      "[:::::::::]",
    ]) {
      for (const target of ["/graphql?query=%7B__typename%7D", "/health", "/"]) {
        const response = await rawRequest(port, rawGet(target, host));
        expect(response.status, `${target} with Host ${host}`).toBe(400);
        expect(response.headers["x-content-type-options"]).toBe("nosniff");
        expect(JSON.parse(response.body).errors[0].message).toBe("Malformed Host header");
      }
    }
    expect(errors).toEqual([]);
  });

  it("answers a request with more than one Host line with 400 (RFC 9112 §3.2)", async () => {
    for (const [target, second] of [
      ["/health", "b"],
      ["/graphql?query=%7B__typename%7D", "b/x"],
      ["/health", "a"],
      ["http://a/health", "a"],
    ] as const) {
      const response = await rawRequest(
        port,
        `GET ${target} HTTP/1.1\r\nHost: a\r\nhOST: ${second}\r\nConnection: close\r\n\r\n`,
      );
      expect(response.status, `${target}, second Host ${second}`).toBe(400);
      expect(JSON.parse(response.body).errors[0].message).toBe("Malformed Host header");
    }
    expect((await rawRequest(port, rawGet("/health", "a"))).status).toBe(200);
    expect(errors).toEqual([]);
  });

  it("answers absolute-form targets like origin-form ones, whatever the Host says", async () => {
    const query = encodeURIComponent("{dataset{eventCount}}");
    const absolute = await rawRequest(
      port,
      rawGet(`http://api.example.org/graphql?query=${query}`, "x/evil?query=1#", {
        accept: "application/json",
      }),
    );
    expect(absolute.status).toBe(200);
    expect(JSON.parse(absolute.body)).toEqual({ data: { dataset: { eventCount: 20 } } });
    const health = await rawRequest(port, rawGet(`http://127.0.0.1:${port}/health`, "ignored"));
    expect(health.status).toBe(200);
    const notFound = await rawRequest(port, rawGet("http://h/nothing-here", "h"));
    expect(notFound.status).toBe(404);
    for (const target of [
      "http://a b/graphql",
      "http://[::1/graphql",
      "http://u:p@h/graphql",
      "*",
    ]) {
      const response = await rawRequest(port, rawGet(target, "localhost"));
      expect(response.status, target).toBe(400);
    }
    expect(errors).toEqual([]);
  });

  it("keys the GET cache by the negotiated media type and a canonical parameter order", async () => {
    gateway.handler.cache.clear();
    const variables = encodeURIComponent(JSON.stringify({ after: null }));
    const ordered = `/graphql?documentId=${TIMELINE_EVENTS_ID}&variables=${variables}`;
    const swapped = `/graphql?variables=${variables}&documentId=${TIMELINE_EVENTS_ID}&utm=1`;
    const host = `127.0.0.1:${port}`;
    const accepts = [
      "application/json",
      "application/json, text/plain",
      "application/json;q=0.9, text/x-anything",
      "text/x-a, application/json, */*",
    ];
    const etags = new Set<string>();
    for (const [i, accept] of accepts.entries()) {
      const response = await rawRequest(port, rawGet(i % 2 ? swapped : ordered, host, { accept }));
      expect(response.status).toBe(200);
      expect(response.headers["content-type"]).toMatch(/^application\/json/);
      etags.add(response.headers.etag!);
    }
    // One answer, one entry, one ETag: Accept spellings and parameter order do not multiply entries.
    expect(etags.size).toBe(1);
    expect(gateway.handler.cache.size).toBe(1);
    const other = await rawRequest(
      port,
      rawGet(ordered, host, { accept: "application/graphql-response+json" }),
    );
    expect(other.headers["content-type"]).toMatch(/^application\/graphql-response\+json/);
    expect(gateway.handler.cache.size).toBe(2);
  });
});
