import { createIndex } from "@ca-timeline/data/query";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeGraphqlEndpoint } from "../test-support/fake-graphql.ts";
import { syntheticDataset } from "../test-support/synthetic.ts";
import { loadGraphql, PAGE_SIZE } from "./graphql-source.ts";
import { DataError } from "./read-dataset.ts";

afterEach(() => vi.unstubAllGlobals());

describe("loadGraphql", () => {
  it("pages through all events with first/after and reads both languages", async () => {
    const dataset = syntheticDataset(250);
    const endpoint = fakeGraphqlEndpoint(dataset);
    vi.stubGlobal("fetch", endpoint.fetch);
    const loaded = await loadGraphql("https://api.test/graphql", new AbortController().signal);
    const expected = createIndex(dataset).events;
    expect(loaded.events.map((e) => e.slug)).toEqual(expected.map((e) => e.slug));
    expect(loaded.events[0]).toEqual(expected[0]);
    expect(loaded.version).toBe(dataset.version);
    expect(loaded.themes).toEqual(dataset.themes);
    expect(loaded.actors).toEqual(dataset.actors);
    expect(loaded.documents.map((d) => d.id)).toEqual(dataset.documents.map((d) => d.id));
    expect(endpoint.requests.length).toBe(Math.ceil(dataset.events.length / PAGE_SIZE));
    expect(endpoint.requests.map((r) => r.vocabulary)).toEqual([true, false, false]);
    expect(endpoint.requests[0]?.after).toBeNull();
    expect(endpoint.requests.every((r) => r.first === PAGE_SIZE)).toBe(true);
  });

  it("turns GraphQL errors, HTTP errors and bad answers into DataErrors", async () => {
    const signal = new AbortController().signal;
    const answer = (body: string, status = 200) =>
      vi.stubGlobal("fetch", async () => new Response(body, { status }));
    answer(JSON.stringify({ errors: [{ message: "filter.themes: unknown id" }] }), 400);
    await expect(loadGraphql("/graphql", signal)).rejects.toThrow("filter.themes: unknown id");
    answer("oops", 502);
    await expect(loadGraphql("/graphql", signal)).rejects.toThrow("HTTP 502");
    answer("<html>");
    await expect(loadGraphql("/graphql", signal)).rejects.toThrow(DataError);
    answer(JSON.stringify({ data: { events: { nodes: [{ slug: "x" }], pageInfo: {} } } }));
    await expect(loadGraphql("/graphql", signal)).rejects.toThrow(/event "x"/);
    vi.stubGlobal("fetch", async () => {
      throw new TypeError("Failed to fetch");
    });
    await expect(loadGraphql("/graphql", signal)).rejects.toThrow("could not be reached");
  });
});
