import { createIndex } from "@ca-timeline/data/query";
import { syntheticDataset } from "@ca-timeline/data/testing";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  DETAILS_QUERY,
  DETAILS_QUERY_ID,
  EVENT_QUERY_ID,
  LIST_QUERY,
  LIST_QUERY_ID,
} from "../operations.ts";
import { fakeGraphqlEndpoint } from "../test-support/fake-graphql.ts";
import { DataError } from "./data-error.ts";
import { loadGraphql, type Missing, movedTo, PAGE_SIZE } from "./graphql-source.ts";

afterEach(() => vi.unstubAllGlobals());

const dataset = syntheticDataset(250);
const expected = createIndex(dataset).events;
const pages = Math.ceil(dataset.events.length / PAGE_SIZE);

describe("loadGraphql", () => {
  it("pages through the list, then the details, by persisted id with first/after, in both languages", async () => {
    const endpoint = fakeGraphqlEndpoint(dataset);
    vi.stubGlobal("fetch", endpoint.fetch);
    const partial: Array<[number, Missing, string]> = [];
    const loaded = await loadGraphql("https://api.test/graphql", {
      onPartial: (data, missing) =>
        partial.push([data.events.length, missing, data.events[0]!.summary.en]),
    });
    expect(loaded.events.map((e) => e.slug)).toEqual(expected.map((e) => e.slug));
    expect(loaded.events[0]).toEqual(expected[0]);
    expect(loaded.version).toBe(dataset.version);
    expect(loaded.themes).toEqual(dataset.themes);
    expect(loaded.actors).toEqual(dataset.actors);
    // Documents arrive inside sources: collected once each, in the order they are first cited.
    const cited = [...new Set(expected.flatMap((e) => e.sources.flatMap((s) => s.document ?? [])))];
    expect(loaded.documents.map((d) => d.id)).toEqual(cited);
    expect(new Set(cited)).toEqual(new Set(dataset.documents.map((d) => d.id)));
    // The list page by page (summaries still empty), then the details page by page.
    expect(partial).toEqual([
      [PAGE_SIZE, "events", ""],
      [2 * PAGE_SIZE, "events", ""],
      [expected.length, "details", ""],
      [expected.length, "details", expected[0]!.summary.en],
      [expected.length, "details", expected[0]!.summary.en],
    ]);
    expect(endpoint.requests.length).toBe(2 * pages);
    // Only the ids travel: short, cacheable URLs that a persisted-only gateway accepts.
    expect(endpoint.requests.map((r) => r.documentId)).toEqual([
      ...Array.from({ length: pages }, () => LIST_QUERY_ID),
      ...Array.from({ length: pages }, () => DETAILS_QUERY_ID),
    ]);
    expect(endpoint.requests.every((r) => r.query === null)).toBe(true);
    expect(endpoint.requests.map((r) => r.vocabulary)).toEqual([
      true,
      false,
      false,
      ...Array.from({ length: pages }, () => undefined),
    ]);
    expect(endpoint.requests[0]?.after).toBeNull();
    expect(endpoint.requests[pages]?.after).toBeNull();
    expect(endpoint.requests.every((r) => r.first === PAGE_SIZE)).toBe(true);
  });

  it("hands partial datasets over after pages 1, 2, 4, 8…, not after every page (each is indexed whole)", async () => {
    const large = syntheticDataset(1000);
    vi.stubGlobal("fetch", fakeGraphqlEndpoint(large).fetch);
    const partial: Array<[number, Missing]> = [];
    await loadGraphql("/graphql", {
      onPartial: (data, missing) => partial.push([data.events.length, missing]),
    });
    expect(partial).toEqual([
      [PAGE_SIZE, "events"],
      [2 * PAGE_SIZE, "events"],
      [4 * PAGE_SIZE, "events"],
      [8 * PAGE_SIZE, "events"],
      ...Array.from({ length: 5 }, () => [1000, "details"]),
    ]);
  });

  it("asks what a link's unknown event became (a retired slug): its persisted question, one request", async () => {
    const current = expected[42]!.slug;
    const endpoint = fakeGraphqlEndpoint({ ...dataset, retired: { "old-slug": current } });
    vi.stubGlobal("fetch", endpoint.fetch);
    expect(await movedTo("/graphql", "old-slug")).toBe(current);
    expect(endpoint.requests).toEqual([
      expect.objectContaining({ documentId: EVENT_QUERY_ID, slug: "old-slug" }),
    ]);
    // A slug it does not know became nothing; nor did a current one (it is no old link).
    expect(await movedTo("/graphql", "never-was")).toBe("");
    expect(await movedTo("/graphql", current)).toBe("");
    // The list's load asks nothing of the kind.
    const before = endpoint.requests.length;
    await loadGraphql("/graphql");
    expect(endpoint.requests.slice(before).some((r) => r.documentId === EVENT_QUERY_ID)).toBe(
      false,
    );
  });

  it("sends the document once the server does not know its id, and keeps doing so for the load", async () => {
    const endpoint = fakeGraphqlEndpoint(dataset, { persisted: {} });
    vi.stubGlobal("fetch", endpoint.fetch);
    const loaded = await loadGraphql("https://api.test/graphql");
    expect(loaded.events).toEqual(expected);
    // The first page is asked by id, refused, asked again with the document; later pages go straight.
    expect(endpoint.requests.map((r) => (r.documentId ? "id" : "query"))).toEqual([
      "id",
      ...Array.from({ length: 2 * pages }, () => "query"),
    ]);
    expect(endpoint.requests[1]).toMatchObject({ query: LIST_QUERY, vocabulary: true });
    expect(endpoint.requests[pages + 1]).toMatchObject({ query: DETAILS_QUERY });
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
