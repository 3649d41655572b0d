import { createHash } from "node:crypto";
import { createIndex } from "@ca-timeline/data";
import { syntheticDataset } from "@ca-timeline/data/testing";
import { createSchema } from "@ca-timeline/schema";
import {
  CA_TIMELINE_DETAILS_ID,
  CA_TIMELINE_EVENT_ID,
  CA_TIMELINE_LIST_ID,
  CA_TIMELINE_EVENTS_ID as EVENTS_QUERY_ID,
} from "@ca-timeline/schema/operations";
import { parse, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { createFetchHandler } from "./fetch-handler.ts";
import {
  persistedOperations,
  TIMELINE_EVENTS_ID,
  TIMELINE_VOCABULARY_ID,
} from "./persisted-operations.ts";
import { getUrl, post } from "./test-support/gql.ts";

const dataset = syntheticDataset(150);

describe("persisted operations", () => {
  it("are keyed by the SHA-256 of their document", () => {
    for (const [id, document] of Object.entries(persistedOperations)) {
      expect(createHash("sha256").update(document).digest("hex"), document.split("\n")[0]).toBe(id);
    }
  });

  it("are valid against the schema (the gateway skips validating them per request)", () => {
    const schema = createSchema({ dataset });
    for (const document of Object.values(persistedOperations)) {
      expect(validate(schema, parse(document))).toEqual([]);
    }
  });

  it("run by id over GET (documentId) and POST (documentId or Apollo's extension), and validate", async () => {
    const gateway = createFetchHandler({ dataset, logger: "silent", persistedOnly: true });
    const pages: unknown[] = [];
    let after: string | null = null;
    do {
      const response = await gateway.fetch(
        new Request(getUrl({ documentId: TIMELINE_EVENTS_ID, variables: { after } }), {
          headers: { accept: "application/graphql-response+json" },
        }),
      );
      expect(response.status).toBe(200);
      expect(response.headers.get("etag")).toMatch(/^"/);
      const { data, errors } = await response.json();
      expect(errors).toBeUndefined();
      pages.push(...data.events.nodes);
      after = data.events.pageInfo.hasNextPage ? data.events.pageInfo.endCursor : null;
    } while (after);
    expect(pages).toHaveLength(dataset.events.length);
    expect(pages[0]).toMatchObject({ titleDe: expect.any(String), titleEn: expect.any(String) });

    const byBody = await post(gateway, { documentId: `sha256:${TIMELINE_VOCABULARY_ID}` });
    expect(byBody.json.data.dataset.version).toBe(dataset.version);
    expect(byBody.json.data.themes[0]).toEqual({
      id: dataset.themes[0]!.id,
      labelDe: dataset.themes[0]!.label.de,
      labelEn: dataset.themes[0]!.label.en,
    });
    const apollo = await post(gateway, {
      extensions: { persistedQuery: { version: 1, sha256Hash: TIMELINE_VOCABULARY_ID } },
    });
    expect(apollo.json).toEqual(byBody.json);
  });

  it.each([
    ["CaTimelineEvents (widgets before progressive loading)", EVENTS_QUERY_ID, true],
    ["CaTimelineList", CA_TIMELINE_LIST_ID, true],
    ["CaTimelineDetails", CA_TIMELINE_DETAILS_ID, false],
  ])(
    "runs the widget's %s by id, also in persisted-only mode",
    async (_, documentId, vocabularies) => {
      const strict = createFetchHandler({ dataset, logger: "silent", persistedOnly: true });
      const slugs: string[] = [];
      let after: string | null = null;
      let vocabulary = vocabularies;
      do {
        const variables = vocabularies ? { first: 100, after, vocabulary } : { first: 100, after };
        const response = await strict.fetch(new Request(getUrl({ documentId, variables })));
        expect(response.status).toBe(200);
        const { data, errors } = await response.json();
        expect(errors).toBeUndefined();
        if (vocabulary) expect(data.themes).toHaveLength(dataset.themes.length);
        else expect(data.themes).toBeUndefined();
        slugs.push(...data.events.nodes.map((n: { slug: string }) => n.slug));
        after = data.events.pageInfo.hasNextPage ? data.events.pageInfo.endCursor : null;
        vocabulary = false;
      } while (after);
      // Every event once, in date order.
      expect(slugs).toEqual(createIndex(dataset).events.map((e) => e.slug));
    },
  );

  it("follows a retired slug with the widget's CaTimelineEvent", async () => {
    const current = dataset.events[3]!.slug;
    const strict = createFetchHandler({
      dataset: { ...dataset, retired: { "merged-away": current } },
      logger: "silent",
      persistedOnly: true,
    });
    const ask = async (slug: string) => {
      const url = getUrl({ documentId: CA_TIMELINE_EVENT_ID, variables: { slug } });
      return (await (await strict.fetch(new Request(url))).json()).data.event;
    };
    expect(await ask("merged-away")).toEqual({ slug: current });
    expect(await ask("never-was")).toBeNull();
  });

  it("refuses arbitrary operations when persistedOnly is set, and unknown ids always", async () => {
    const strict = createFetchHandler({ dataset, logger: "silent", persistedOnly: true });
    const refused = await post(strict, { query: "{ dataset { version } }" });
    expect(refused.status).toBe(400);
    expect(refused.json.errors[0].extensions.code).toBe("PERSISTED_QUERY_ONLY");
    const open = createFetchHandler({ dataset, logger: "silent" });
    expect((await post(open, { query: "{ dataset { version } }" })).status).toBe(200);
    const unknown = await post(open, { documentId: "0".repeat(64) });
    expect(unknown.status).toBe(400);
    expect(unknown.json.errors[0].extensions.code).toBe("PERSISTED_QUERY_NOT_FOUND");
  });
});
