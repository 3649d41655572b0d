import { syntheticDataset } from "@ca-timeline/data/testing";
import { describe, expect, it } from "vitest";
import { createFetchHandler } from "./fetch-handler.ts";
import { getUrl } from "./test-support/gql.ts";

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
