import { syntheticDataset } from "@ca-timeline/data/testing";
import { describe, expect, it } from "vitest";
import { createFetchHandler } from "./fetch-handler.ts";
import { GRAPHIQL_PREFIX } from "./graphiql.ts";
import { BASE } from "./test-support/gql.ts";

describe("GraphiQL", () => {
  const handler = createFetchHandler({ dataset: syntheticDataset(5), logger: "silent" });
  const get = (path: string, accept = "*/*") =>
    handler.fetch(new Request(`${BASE}${path}`, { headers: { accept } }));

  it("is served by the gateway from the npm package, under a policy without inline scripts", async () => {
    const page = await get("/graphql", "text/html,application/xhtml+xml");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).not.toMatch(/unpkg|cdn|https?:\/\//i);
    expect(html).toContain(`src="${GRAPHIQL_PREFIX}graphiql.js"`);
    // Every <script> is either external (same origin) or JSON data: nothing inline to execute.
    for (const tag of html.match(/<script[^>]*>/g) ?? [])
      expect(tag).toMatch(/src="\/graphiql\/|type="application\/json"/);
    const csp = page.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
  });

  it("serves its files with their types, cacheable for good; nothing else under the prefix", async () => {
    for (const [file, type] of [
      ["graphiql.js", "text/javascript"],
      ["graphiql.css", "text/css"],
      ["start.js", "text/javascript"],
      ["editor.worker.js", "text/javascript"],
      ["favicon.ico", "image/x-icon"],
    ] as const) {
      const response = await get(`${GRAPHIQL_PREFIX}${file}`);
      expect(response.status, file).toBe(200);
      expect(response.headers.get("content-type"), file).toMatch(new RegExp(`^${type}`));
      expect(response.headers.get("cache-control")).toContain("immutable");
      expect((await response.arrayBuffer()).byteLength, file).toBeGreaterThan(100);
    }
    expect((await get(`${GRAPHIQL_PREFIX}../package.json`)).status).toBe(404);
    expect((await get(`${GRAPHIQL_PREFIX}index.js`)).status).toBe(404);
  });

  it("is off with graphiql: false", async () => {
    const off = createFetchHandler({
      dataset: syntheticDataset(5),
      logger: "silent",
      graphiql: false,
    });
    const response = await off.fetch(new Request(`${BASE}${GRAPHIQL_PREFIX}graphiql.js`));
    expect(response.status).toBe(404);
  });
});
