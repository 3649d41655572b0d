import { createIndex } from "@ca-timeline/data/query";
import { syntheticDataset } from "@ca-timeline/data/testing";
import { afterEach, describe, expect, it, vi } from "vitest";
import { EVENTS_QUERY, EVENTS_QUERY_ID } from "../operations.ts";
import { fakeGraphqlEndpoint } from "../test-support/fake-graphql.ts";
import { DataError } from "./data-error.ts";
import { loadGraphql, PAGE_SIZE } from "./graphql-source.ts";

afterEach(() => vi.unstubAllGlobals());

const dataset = syntheticDataset(250);
const expected = createIndex(dataset).events;
const pages = Math.ceil(dataset.events.length / PAGE_SIZE);

describe("loadGraphql", () => {
  it("pages through all events by persisted id with first/after and reads both languages", async () => {
    const endpoint = fakeGraphqlEndpoint(dataset);
    vi.stubGlobal("fetch", endpoint.fetch);
    const loaded = await loadGraphql("https://api.test/graphql");
    expect(loaded.events.map((e) => e.slug)).toEqual(expected.map((e) => e.slug));
    expect(loaded.events[0]).toEqual(expected[0]);
    expect(loaded.version).toBe(dataset.version);
    expect(loaded.themes).toEqual(dataset.themes);
    expect(loaded.actors).toEqual(dataset.actors);
    // Documents arrive inside sources: collected once each, in the order they are first cited.
    const cited = [...new Set(expected.flatMap((e) => e.sources.flatMap((s) => s.document ?? [])))];
    expect(loaded.documents.map((d) => d.id)).toEqual(cited);
    expect(new Set(cited)).toEqual(new Set(dataset.documents.map((d) => d.id)));
    expect(endpoint.requests.length).toBe(pages);
    // Only the id travels: short, cacheable URLs that a persisted-only gateway accepts.
    expect(endpoint.requests.every((r) => r.documentId === EVENTS_QUERY_ID)).toBe(true);
    expect(endpoint.requests.every((r) => r.query === null)).toBe(true);
    expect(endpoint.requests.map((r) => r.vocabulary)).toEqual([true, false, false]);
    expect(endpoint.requests[0]?.after).toBeNull();
    expect(endpoint.requests.every((r) => r.first === PAGE_SIZE)).toBe(true);
  });

  it("sends the document once the server does not know its id, and keeps doing so for the load", async () => {
    const endpoint = fakeGraphqlEndpoint(dataset, { persisted: {} });
    vi.stubGlobal("fetch", endpoint.fetch);
    const loaded = await loadGraphql("https://api.test/graphql");
    expect(loaded.events.map((e) => e.slug)).toEqual(expected.map((e) => e.slug));
    // The first page is asked by id, refused, asked again with the document; later pages go straight.
    expect(endpoint.requests.map((r) => (r.documentId ? "id" : "query"))).toEqual([
      "id",
      ...Array.from({ length: pages }, () => "query"),
    ]);
    expect(endpoint.requests[1]).toMatchObject({ query: EVENTS_QUERY, vocabulary: true });
    expect(endpoint.requests[0]!.vocabulary).toBe(true);
  });

  it("does not fall back on other errors, e.g. a persisted-only gateway that refuses documents", async () => {
    const unknown = fakeGraphqlEndpoint(dataset, { persisted: {}, persistedOnly: true });
    vi.stubGlobal("fetch", unknown.fetch);
    const error = await loadGraphql("/graphql").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    expect(error).toMatchObject({ reason: "server", code: "PERSISTED_QUERY_ONLY" });
    expect(unknown.requests.length).toBe(2);

    const strict = fakeGraphqlEndpoint(dataset, { persistedOnly: true });
    vi.stubGlobal("fetch", strict.fetch);
    expect((await loadGraphql("/graphql")).events.length).toBe(expected.length);
    expect(strict.requests.every((r) => r.query === null)).toBe(true);

    let calls = 0;
    vi.stubGlobal("fetch", async () => {
      calls++;
      return new Response(JSON.stringify({ errors: [{ message: "depth limit" }] }), {
        status: 400,
      });
    });
    await expect(loadGraphql("/graphql")).rejects.toThrow("depth limit");
    expect(calls).toBe(1);
  });

  it("turns GraphQL errors, HTTP errors and bad answers into DataErrors with a reason", async () => {
    const answer = (body: string, status = 200) =>
      vi.stubGlobal("fetch", async () => new Response(body, { status }));
    const reason = (promise: Promise<unknown>) =>
      promise.then(
        () => "loaded",
        (e: unknown) => (e instanceof DataError ? `${e.reason}: ${e.detail}` : String(e)),
      );
    answer(JSON.stringify({ errors: [{ message: "filter.themes: unknown id" }] }), 400);
    expect(await reason(loadGraphql("/graphql"))).toBe("server: filter.themes: unknown id");
    answer("oops", 502);
    expect(await reason(loadGraphql("/graphql"))).toBe("http: HTTP 502");
    answer("<html>");
    expect(await reason(loadGraphql("/graphql"))).toBe("json: ");
    answer(JSON.stringify({ data: { events: { nodes: [{ slug: "x" }], pageInfo: {} } } }));
    expect(await reason(loadGraphql("/graphql"))).toMatch(/^data: event "x"/);
    answer(JSON.stringify({ data: null }));
    expect(await reason(loadGraphql("/graphql"))).toBe("data: the answer has no data");
    vi.stubGlobal("fetch", async () => {
      throw new TypeError("Failed to fetch");
    });
    expect(await reason(loadGraphql("/graphql"))).toBe("unreachable: ");
    await expect(loadGraphql("/graphql")).rejects.toThrow("The server could not be reached.");
  });

  it("stops at the caller's abort with an AbortError, not a DataError", async () => {
    const abort = new AbortController();
    vi.stubGlobal(
      "fetch",
      (_url: string, init: RequestInit) =>
        new Promise((_resolve, reject) =>
          init.signal?.addEventListener("abort", () => reject(init.signal?.reason)),
        ),
    );
    const loading = loadGraphql("/graphql", { signal: abort.signal });
    abort.abort();
    await expect(loading).rejects.toMatchObject({ name: "AbortError" });
  });
});
