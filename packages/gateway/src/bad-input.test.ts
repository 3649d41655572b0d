import { syntheticDataset } from "@ca-timeline/data/testing";
import { describe, expect, it } from "vitest";
import { createFetchHandler } from "./fetch-handler.ts";
import { VALIDATION_TOO_COMPLEX } from "./plugins/limit-errors.ts";
import { BASE, post } from "./test-support/gql.ts";
import { LEAK } from "./test-support/hostile.ts";

const gateway = createFetchHandler({
  dataset: syntheticDataset(40),
  logger: "silent",
  maxBodyBytes: 10_000,
});

function expectNoLeaks(text: string) {
  expect(text).not.toMatch(LEAK);
  expect(text).not.toMatch(/stack/i);
}

describe("bad input", () => {
  it("answers malformed JSON with 400", async () => {
    const { status, text } = await post(gateway, "{ not json");
    expect(status).toBe(400);
    expectNoLeaks(text);
  });

  it("answers broken JSON bodies with 400 under either media type, without the parser's error", async () => {
    for (const accept of ["application/graphql-response+json", "application/json"]) {
      const { status, json, text } = await post(gateway, '{"query": "{ __typename }"', { accept });
      expect(status, accept).toBe(400);
      expect(json.errors[0].message).toBe("POST body sent invalid JSON.");
      expect(text).not.toMatch(/originalError|SyntaxError/);
    }
  });

  it("answers malformed JSON in GET variables or extensions with 400, not 500", async () => {
    for (const search of ["variables=%7Bnope", "variables=%EF%BF%BD", "extensions=%5B"]) {
      const response = await gateway.fetch(
        new Request(`${BASE}/graphql?query=%7B__typename%7D&${search}`, {
          headers: { accept: "application/graphql-response+json" },
        }),
      );
      const text = await response.text();
      expect(response.status, search).toBe(400);
      expect(JSON.parse(text).errors[0].message).toMatch(
        /^The (variables|extensions) parameter is not valid JSON\.$/,
      );
      expectNoLeaks(text);
    }
  });

  it("says what is wrong with an argument, and masks nothing of it", async () => {
    const { status, json } = await post(gateway, {
      query: '{ events(filter: { from: "20x" }) { totalCount } }',
    });
    expect(status).toBe(200);
    expect(json.errors[0].message).toBe(
      'filter.from: "20x" is not a date; use YYYY, YYYY-MM or YYYY-MM-DD',
    );
    expect(json.errors[0].extensions.code).toBe("BAD_USER_INPUT");
    const theme = await post(gateway, {
      query: '{ facets(filter: { themes: ["x"] }) { years { year } } }',
    });
    expect(theme.json.errors[0].message).toMatch(/^filter\.themes: unknown id "x"/);
    const page = await post(gateway, { query: "{ events(first: 101) { totalCount } }" });
    expect(page.json.errors[0].message).toBe("first: must be at most 100, got 101");
  });

  it("rejects unknown fields with a validation error (400)", async () => {
    const { status, json } = await post(gateway, { query: "{ events { secret } }" });
    expect(status).toBe(400);
    expect(json.errors[0].message).toMatch(/Cannot query field "secret"/);
  });

  it("refuses depth bombs", async () => {
    const deep = `{ events(first: 1) { nodes { ${"partOf { ".repeat(20)}slug${" }".repeat(20)} } } }`;
    const { status, json } = await post(gateway, { query: deep });
    expect(status).toBe(400);
    expect(json.errors[0].message).toMatch(/depth/i);
  });

  it("refuses alias bombs", async () => {
    const aliases = Array.from({ length: 200 }, (_, i) => `a${i}: dataset { version }`).join(" ");
    const { status, json } = await post(gateway, { query: `{ ${aliases} }` });
    expect(status).toBe(400);
    expect(json.errors[0].message).toMatch(/alias/i);
  });

  it("refuses token bombs", async () => {
    const fields = Array.from({ length: 2100 }, () => "a").join(" ");
    const { status, json } = await post(gateway, { query: `{ ${fields} }` });
    expect(status).toBe(400);
    expect(json.errors[0].message).toMatch(/token/i);
  });

  it("answers oversized bodies with 413, with or without Content-Length", async () => {
    const big = JSON.stringify({ query: `{ __typename }`, variables: { pad: "x".repeat(20_000) } });
    const { status } = await post(gateway, big);
    expect(status).toBe(413);
    const chunked = await gateway.fetch(
      new Request(`${BASE}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: new Blob([big]).stream(),
        duplex: "half",
      } as RequestInit),
    );
    expect(chunked.status).toBe(413);
  });

  it("does not batch", async () => {
    const { status } = await post(gateway, [
      { query: "{ __typename }" },
      { query: "{ __typename }" },
    ]);
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
  });

  it("refuses CSRF-able POSTs (form, text/plain) with 415", async () => {
    for (const type of [
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
    ]) {
      const response = await gateway.fetch(
        new Request(`${BASE}/graphql`, {
          method: "POST",
          headers: { "content-type": type },
          body: "query={__typename}",
        }),
      );
      expect(response.status, type).toBe(415);
    }
  });

  it("masks unexpected errors: no message, no stack, no paths", async () => {
    const data = syntheticDataset(5);
    let broken = false;
    const failing = createFetchHandler({
      logger: "silent",
      dataset: {
        ...data,
        get themes() {
          if (broken) throw new Error("secret /srv/app/file.ts:1:2");
          return data.themes;
        },
      },
    });
    broken = true;
    const { json, text } = await post(failing, { query: "{ themes { id } }" });
    expect(json.errors[0].message).toBe("Unexpected error.");
    expectNoLeaks(text);
  });

  it("names the problem when graphql-js gives up validating a document (too many fields to compare)", async () => {
    const query = `{ ${"__typename ".repeat(1000)}}`;
    for (const [accept, status] of [
      ["application/graphql-response+json", 400],
      ["application/json", 200],
    ] as const) {
      // A GET: the document is larger than this gateway's body limit.
      const response = await gateway.fetch(
        new Request(`${BASE}/graphql?query=${encodeURIComponent(query)}`, { headers: { accept } }),
      );
      expect(response.status, accept).toBe(status);
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect((await response.json()).errors).toEqual([
        {
          message: VALIDATION_TOO_COMPLEX,
          extensions: { code: "VALIDATION_TOO_COMPLEX" },
        },
      ]);
    }
  });

  it("answers server-sent events with one Cache-Control and no made-up Content-Encoding", async () => {
    for (const request of [
      new Request(`${BASE}/graphql?query=%7Bthemes%7Bid%7D%7D`, {
        headers: { accept: "text/event-stream" },
      }),
      new Request(`${BASE}/graphql`, {
        method: "POST",
        headers: { accept: "text/event-stream", "content-type": "application/json" },
        body: JSON.stringify({ query: "{ themes { id } }" }),
      }),
    ]) {
      const response = await gateway.fetch(request);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("text/event-stream");
      // One field, one value (a second Cache-Control field would read "no-cache, no-store").
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(response.headers.get("content-encoding")).toBeNull();
      expect(await response.text()).toMatch(/event: next\ndata: \{"data":\{"themes":/);
    }
  });
});
