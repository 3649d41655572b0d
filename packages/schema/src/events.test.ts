import { createIndex } from "@ca-timeline/data/query";
import { syntheticDataset } from "@ca-timeline/data/testing";
import { describe, expect, it } from "vitest";
import { createSchema } from "./index.ts";
import { run } from "./test-support/run.ts";

const dataset = syntheticDataset(250);
const schema = createSchema({ dataset });
const index = createIndex(dataset);

interface Page {
  events: {
    totalCount: number;
    pageInfo: {
      hasNextPage: boolean;
      hasPreviousPage: boolean;
      endCursor: string | null;
      startCursor: string | null;
    };
    edges: Array<{ cursor: string; node: { slug: string } }>;
    nodes: Array<{ slug: string }>;
  };
}

const PAGE = /* GraphQL */ `
  query ($filter: EventFilter, $orderBy: EventOrder, $first: Int, $after: String, $last: Int, $before: String) {
    events(filter: $filter, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { slug } }
      nodes { slug }
    }
  }
`;

describe("events", () => {
  it("walks every event once, in date order, 100 at a time", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const { events }: Page = await run<Page>(schema, PAGE, { first: 100, after });
      expect(events.totalCount).toBe(dataset.events.length);
      expect(events.nodes.map((n) => n.slug)).toEqual(events.edges.map((e) => e.node.slug));
      seen.push(...events.nodes.map((n) => n.slug));
      if (!events.pageInfo.hasNextPage) break;
      after = events.pageInfo.endCursor;
    }
    expect(seen).toEqual(index.events.map((e) => e.slug));
    expect(new Set(seen).size).toBe(dataset.events.length);
  });

  it("walks backwards with last/before and orders DATE_DESC", async () => {
    const seen: string[] = [];
    let before: string | null = null;
    for (;;) {
      const { events }: Page = await run<Page>(schema, PAGE, { last: 60, before });
      seen.unshift(...events.nodes.map((n) => n.slug));
      if (!events.pageInfo.hasPreviousPage) break;
      before = events.pageInfo.startCursor;
    }
    expect(seen).toEqual(index.events.map((e) => e.slug));
    const { events } = await run<Page>(schema, PAGE, { orderBy: "DATE_DESC", first: 5 });
    expect(events.nodes.map((n) => n.slug)).toEqual(
      index.events
        .slice(-5)
        .reverse()
        .map((e) => e.slug),
    );
  });

  it("filters like the data package: counts and members", async () => {
    const filters = [
      { themes: ["security"] },
      { themes: ["security", "migration"], actors: ["KZ"] },
      { types: ["summit"], from: "2015", to: "2018-06" },
      { from: "2020-03-15" },
      { search: "aussenminister" },
      { search: "AUßENMINISTER taschkent" },
    ];
    for (const filter of filters) {
      const { events } = await run<Page>(schema, PAGE, { filter, first: 100 });
      const expected = index.filter(filter);
      expect(events.totalCount, JSON.stringify(filter)).toBe(expected.length);
      expect(events.nodes.map((n) => n.slug)).toEqual(expected.slice(0, 100).map((e) => e.slug));
    }
    const { events } = await run<Page>(schema, PAGE, { filter: { search: "aussenminister" } });
    expect(events.totalCount).toBeGreaterThan(0);
  });
});

describe("events over the bundled dataset", () => {
  it("counts what the data package counts", async () => {
    const bundled = createSchema();
    const { index: dataIndex } = await import("@ca-timeline/data");
    const { events } = await run<Page>(bundled, PAGE, { first: 100 });
    expect(events.totalCount).toBe(dataIndex.size);
    expect(events.nodes.map((n) => n.slug)).toEqual(
      dataIndex.events.slice(0, 100).map((e) => e.slug),
    );
  });
});

describe("the bundled schema export", () => {
  it("is built on first use and executes like createSchema()'s", async () => {
    const { schema } = await import("./index.ts");
    const { GraphQLSchema, graphql } = await import("graphql");
    expect(schema).toBeInstanceOf(GraphQLSchema);
    const result = await graphql({ schema, source: "{ dataset { eventCount } }" });
    expect(result.errors).toBeUndefined();
    expect((result.data as { dataset: { eventCount: number } }).dataset.eventCount).toBeGreaterThan(
      40,
    );
  });
});
