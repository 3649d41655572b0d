import { createIndex } from "@ca-timeline/data/query";
import { syntheticDataset } from "@ca-timeline/data/testing";
import { describe, expect, it } from "vitest";
import { createFetchHandler } from "./fetch-handler.ts";
import { post } from "./test-support/gql.ts";

const dataset = syntheticDataset(230);
const index = createIndex(dataset);
const gateway = createFetchHandler({ dataset, logger: "silent" });

const PAGE = `query ($filter: EventFilter, $after: String) {
  events(filter: $filter, first: 100, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } nodes { slug title(lang: DE) }
  }
}`;

describe("the API over HTTP", () => {
  it("walks every event once, in order, page by page", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const { status, json } = await post(gateway, { query: PAGE, variables: { after } });
      expect(status).toBe(200);
      expect(json.data.events.totalCount).toBe(dataset.events.length);
      seen.push(...json.data.events.nodes.map((n: { slug: string }) => n.slug));
      if (!json.data.events.pageInfo.hasNextPage) break;
      after = json.data.events.pageInfo.endCursor;
    }
    expect(seen).toEqual(index.events.map((e) => e.slug));
  });

  it("counts, filters and searches like the data package", async () => {
    for (const filter of [
      { themes: ["security"], from: "2012" },
      { actors: ["UZ", "KZ"], types: ["summit"] },
      { search: "außenminister" },
      { search: "AUSSENMINISTER", to: "2016-05" },
    ]) {
      const { json } = await post(gateway, { query: PAGE, variables: { filter } });
      const expected = index.filter(filter);
      expect(json.data.events.totalCount).toBe(expected.length);
      expect(json.data.events.nodes.map((n: { slug: string }) => n.slug)).toEqual(
        expected.slice(0, 100).map((e) => e.slug),
      );
    }
    // German titles keep their ß on the way out, and "ss" in the search finds them.
    const { json } = await post(gateway, {
      query: PAGE,
      variables: { filter: { search: "aussenminister" } },
    });
    const titles = json.data.events.nodes.map((n: { title: string }) => n.title);
    expect(titles).toEqual(
      index
        .filter({ search: "aussenminister" })
        .slice(0, 100)
        .map((e) => e.title.de),
    );
    expect(titles.some((title: string) => title.includes("Außenminister"))).toBe(true);
  });

  it("reports the dataset on /ready and stays alive on /health", async () => {
    const ready = await gateway.fetch(new Request("http://x/ready"));
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: "ready",
      version: dataset.version,
      events: dataset.events.length,
    });
    expect((await gateway.fetch(new Request("http://x/health"))).status).toBe(200);
    expect((await gateway.fetch(new Request("http://x/nope"))).status).toBe(404);
  });

  it("serves the bundled dataset by default", async () => {
    const { version, index: bundled } = await import("@ca-timeline/data");
    const standard = createFetchHandler({ logger: "silent" });
    const { json } = await post(standard, { query: "{ dataset { version eventCount } }" });
    expect(json.data.dataset).toEqual({ version, eventCount: bundled.size });
  });
});
