import { syntheticDataset } from "@ca-timeline/data/testing";
import { CA_TIMELINE_DETAILS_ID, CA_TIMELINE_LIST_ID } from "@ca-timeline/schema/operations";
import { describe, expect, it } from "vitest";
import { createFetchHandler, type FetchHandler } from "./fetch-handler.ts";
import { getUrl, post } from "./test-support/gql.ts";

const QUERY = "{ dataset { version eventCount } themes { id } }";

describe("HTTP caching of GET", () => {
  const gateway = createFetchHandler({ dataset: syntheticDataset(30), logger: "silent" });

  it("sends Cache-Control, a strong quoted ETag and Vary: Accept, Accept-Encoding, and 304 on If-None-Match", async () => {
    const url = getUrl({ query: QUERY });
    const first = await gateway.fetch(
      new Request(url, { headers: { accept: "application/json" } }),
    );
    expect(first.status).toBe(200);
    expect(first.headers.get("cache-control")).toBe(
      "public, max-age=300, s-maxage=3600, stale-while-revalidate=86400",
    );
    expect(first.headers.get("vary")).toBe("Accept, Accept-Encoding");
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    const body = await first.text();
    expect(JSON.parse(body).data.dataset.eventCount).toBe(30);

    const again = await gateway.fetch(
      new Request(url, { headers: { accept: "application/json" } }),
    );
    expect(again.headers.get("etag")).toBe(etag);
    expect(await again.text()).toBe(body);

    const revalidated = await gateway.fetch(
      new Request(url, {
        headers: { accept: "application/json", "if-none-match": `"other", ${etag}` },
      }),
    );
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get("etag")).toBe(etag);
    expect(await revalidated.text()).toBe("");

    const stale = await gateway.fetch(
      new Request(url, { headers: { accept: "application/json", "if-none-match": '"nope"' } }),
    );
    expect(stale.status).toBe(200);
  });

  it("gives different requests and media types different ETags", async () => {
    const etagOf = async (url: string, accept: string) =>
      (await gateway.fetch(new Request(url, { headers: { accept } }))).headers.get("etag");
    const a = await etagOf(getUrl({ query: QUERY }), "application/json");
    const b = await etagOf(getUrl({ query: "{ dataset { version } }" }), "application/json");
    const c = await etagOf(getUrl({ query: QUERY }), "application/graphql-response+json");
    expect(new Set([a, b, c]).size).toBe(3);
  });

  it("gives a new data release new ETags, so no client keeps a stale 304", async () => {
    const url = getUrl({ query: "{ themes { id } }" });
    const headers = { accept: "application/json" };
    const v1 = createFetchHandler({ dataset: syntheticDataset(30), logger: "silent" });
    const v2 = createFetchHandler({
      dataset: { ...syntheticDataset(30), version: "9.9.9" },
      logger: "silent",
    });
    const e1 = (await v1.fetch(new Request(url, { headers }))).headers.get("etag")!;
    const e2 = await v2.fetch(new Request(url, { headers: { ...headers, "if-none-match": e1 } }));
    expect(e2.status).toBe(200);
    expect(e2.headers.get("etag")).not.toBe(e1);
  });

  it("never caches errors", async () => {
    const url = getUrl({ query: '{ events(filter: { from: "x" }) { totalCount } }' });
    const response = await gateway.fetch(
      new Request(url, { headers: { accept: "application/json" } }),
    );
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("etag")).toBeNull();
  });

  it("does not cache POST", async () => {
    const response = await gateway.fetch(
      new Request("http://x/graphql", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: QUERY }),
      }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
  });
});

describe("CORS", () => {
  const gateway = createFetchHandler({ dataset: syntheticDataset(5), logger: "silent" });

  it("answers preflights for any origin, never with credentials", async () => {
    const response = await gateway.fetch(
      new Request("http://x/graphql", {
        method: "OPTIONS",
        headers: {
          origin: "https://site.example",
          "access-control-request-method": "POST",
          "access-control-request-headers": "content-type",
        },
      }),
    );
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("access-control-allow-methods")).toContain("POST");
    expect(response.headers.get("access-control-allow-headers")).toBe("content-type");
    expect(response.headers.get("access-control-allow-credentials")).toBeNull();
  });

  it("allows any origin on responses, without credentials", async () => {
    const inits: RequestInit[] = [
      { headers: { origin: "https://a.example" } },
      {
        method: "POST",
        headers: { origin: "https://b.example", "content-type": "application/json" },
        body: JSON.stringify({ query: "{ __typename }" }),
      },
    ];
    for (const init of inits) {
      const response = await gateway.fetch(new Request(getUrl({ query: "{ __typename }" }), init));
      expect(response.headers.get("access-control-allow-origin")).toBe("*");
      expect(response.headers.get("access-control-allow-credentials")).toBeNull();
    }
  });
});

describe("the GET cache key: one entry per answer, whatever the spelling", () => {
  const get = (handler: FetchHandler, search: string) =>
    handler.fetch(
      new Request(`http://gateway.test/graphql?${search}`, {
        headers: { accept: "application/json" },
      }),
    );

  it("treats empty parameters as absent and keys variables and extensions by their JSON", async () => {
    const handler = createFetchHandler({ dataset: syntheticDataset(30), logger: "silent" });
    const q = `query=${encodeURIComponent("query Themes($lang: Lang) { themes { id label(lang: $lang) } }")}`;
    const v = (value: unknown) => encodeURIComponent(JSON.stringify(value));
    const plain = [
      q,
      `${q}&operationName=`,
      `${q}&variables=`,
      `${q}&variables=${v({})}`,
      `${q}&variables=null`,
      `${q}&extensions=`,
      `${q}&extensions=${v({})}`,
      `${q}&documentId=&variables=%7B%20%7D&extensions=null&x=1`,
    ];
    const withVariables = [
      `${q}&variables=${v({ lang: "DE" })}`,
      `${q}&variables=${encodeURIComponent('{ "lang" : "DE" }')}`,
      `${q}&operationName=&variables=${v({ lang: "DE" })}&extensions=${v({})}`,
    ];
    const etags = new Set<string | null>();
    for (const search of plain) {
      const response = await get(handler, search);
      expect(response.status, search).toBe(200);
      etags.add(response.headers.get("etag"));
    }
    expect(etags.size).toBe(1);
    expect(handler.cache.size).toBe(1);
    const german = new Set<string | null>();
    for (const search of withVariables)
      german.add((await get(handler, search)).headers.get("etag"));
    expect(german.size).toBe(1);
    expect(handler.cache.size).toBe(2);
    // Objects with the same members in another order are one entry too.
    const two =
      "query T($lang: Lang, $first: Int) { themes { id label(lang: $lang) } events(first: $first) { totalCount } }";
    const a = await get(
      handler,
      `query=${encodeURIComponent(two)}&variables=${v({ lang: "EN", first: 2 })}`,
    );
    const b = await get(
      handler,
      `query=${encodeURIComponent(two)}&variables=${v({ first: 2, lang: "EN" })}`,
    );
    expect(a.headers.get("etag")).toBe(b.headers.get("etag"));
    expect(handler.cache.size).toBe(3);
  });

  it("refuses a GET with a variable the operation does not declare, naming it, and stores nothing", async () => {
    const handler = createFetchHandler({ dataset: syntheticDataset(30), logger: "silent" });
    const query = "query List($first: Int) { events(first: $first) { totalCount } }";
    const response = await get(
      handler,
      `query=${encodeURIComponent(query)}&variables=${encodeURIComponent(JSON.stringify({ first: 2, junk: 1 }))}`,
    );
    expect(response.status).toBe(400);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect((await response.json()).errors[0].message).toBe(
      'Variable "$junk" is not defined by operation "List": send only the variables it declares.',
    );
    expect(handler.cache.size).toBe(0);
    // POSTs are not cached: graphql-js's leniency stays (undeclared variables are ignored).
    const posted = await post(handler, { query, variables: { first: 2, junk: 1 } });
    expect(posted.status).toBe(200);
    expect(posted.json.data.events.totalCount).toBe(30);
  });

  it("persisted-only: a flood of one operation with unused variables cannot evict the hot entry", async () => {
    const handler = createFetchHandler({
      dataset: syntheticDataset(30),
      logger: "silent",
      persistedOnly: true,
      responseCacheEntries: 5,
    });
    const byId = (id: string, variables: unknown) =>
      `documentId=${id}&variables=${encodeURIComponent(JSON.stringify(variables))}`;
    const hot = byId(CA_TIMELINE_LIST_ID, { first: 100, after: null, vocabulary: true });
    expect((await get(handler, hot)).status).toBe(200);
    for (let i = 0; i < 20; i++) {
      const flood = await get(handler, byId(CA_TIMELINE_DETAILS_ID, { first: 100, junk: i }));
      expect(flood.status).toBe(400);
    }
    expect(handler.cache.size).toBe(1);
    const hits = handler.cache.hits;
    expect((await get(handler, hot)).status).toBe(200);
    expect(handler.cache.hits).toBe(hits + 1);
  });
});
