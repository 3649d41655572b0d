import { timeline } from "@ca-timeline/data";
import { syntheticDataset } from "@ca-timeline/data/testing";
import {
  CA_TIMELINE_DETAILS,
  CA_TIMELINE_EVENT,
  CA_TIMELINE_LIST,
  CA_TIMELINE_EVENTS as EVENTS_QUERY,
} from "@ca-timeline/schema/operations";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGateway, type Gateway } from "../create-gateway.ts";
import { createFetchHandler } from "../fetch-handler.ts";
import { DEFAULTS } from "../options.ts";
import { TIMELINE_EVENTS, TIMELINE_VOCABULARY } from "../persisted-operations.ts";
import { post } from "../test-support/gql.ts";

const FRAGMENT = `fragment F on Event {
  slug date title(lang: DE) summary(lang: DE) themes { id label } actors { id name } sources { url title }
}`;
/** The amplification an outside test found: 30 aliases × 100 events, each with every list. */
const AMPLIFIED = `{ ${Array.from({ length: 30 }, (_, i) => `a${i}: events(first: 100) { nodes { ...F } }`).join(" ")} } ${FRAGMENT}`;
const BY_VARIABLE = `query Pages($n: Int) {
  ${Array.from({ length: 20 }, (_, i) => `p${i}: events(first: $n) { nodes { slug title summary themes { id } actors { id } } }`).join("\n  ")}
}`;

describe("the cost limit", () => {
  const handler = createFetchHandler({ dataset: timeline, logger: "silent" });

  it("lets the widget's and the documented operations through with their largest pages", async () => {
    for (const [query, variables] of [
      [EVENTS_QUERY, { first: 100, after: null, vocabulary: true }],
      [CA_TIMELINE_LIST, { first: 100, after: null, vocabulary: true }],
      [CA_TIMELINE_DETAILS, { first: 100, after: null }],
      [CA_TIMELINE_EVENT, { slug: "x" }],
      [TIMELINE_EVENTS, { after: null }],
      [TIMELINE_VOCABULARY, {}],
    ] as const) {
      const answer = await post(handler, { query, variables });
      expect(answer.status, answer.text.slice(0, 300)).toBe(200);
      expect(answer.json.errors).toBeUndefined();
    }
  });

  it("refuses amplification before running it, naming the cost and the limit", async () => {
    expect(AMPLIFIED.length).toBeLessThan(2500);
    const answer = await post(handler, { query: AMPLIFIED });
    expect(answer.status).toBe(400);
    expect(answer.json.data).toBeUndefined();
    const [error] = answer.json.errors;
    expect(error.message).toMatch(/^Query cost \d+ exceeds the limit of 25000/);
    expect(error.extensions).toMatchObject({
      code: "COST_LIMIT_EXCEEDED",
      maxCost: DEFAULTS.maxCost,
    });
    expect(error.extensions.cost).toBeGreaterThan(DEFAULTS.maxCost);
    expect(answer.text.length).toBeLessThan(1000);
  });

  it("weighs pages by their variables: the same document passes small and fails large", async () => {
    const small = await post(handler, { query: BY_VARIABLE, variables: { n: 2 } });
    expect(small.status).toBe(200);
    expect(Object.keys(small.json.data)).toHaveLength(20);
    const large = await post(handler, { query: BY_VARIABLE, variables: { n: 100 } });
    expect(large.status).toBe(400);
    expect(large.json.errors[0].extensions.code).toBe("COST_LIMIT_EXCEEDED");
    // Without first/last a connection counts as a full page.
    const unpaged = BY_VARIABLE.replaceAll("first: $n", "orderBy: DATE_DESC").replace(
      "($n: Int)",
      "",
    );
    expect((await post(handler, { query: unpaged })).status).toBe(400);
  });

  it("is a flag: a lower limit refuses what the default allows", async () => {
    const strict = createFetchHandler({ dataset: timeline, logger: "silent", maxCost: 100 });
    const answer = await post(strict, {
      query: EVENTS_QUERY,
      variables: { first: 100, vocabulary: true },
    });
    expect(answer.status).toBe(400);
    expect(answer.json.errors[0].message).toMatch(/exceeds the limit of 100:/);
  });
});

describe("the cost limit and the response ceiling on the Node fast path", () => {
  let gateway: Gateway;
  let base: URL;
  beforeAll(async () => {
    gateway = createGateway({
      dataset: syntheticDataset(150),
      port: 0,
      logger: "silent",
      maxResponseBytes: 20_000,
    });
    base = await gateway.listen();
  });
  afterAll(() => gateway.close());

  const send = async (body: unknown) => {
    const response = await fetch(new URL("/graphql", base), {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
      body: JSON.stringify(body),
    });
    return { status: response.status, json: await response.json() };
  };

  it("checks the cost of a compiled operation with each request's variables", async () => {
    // Accepted by yoga with small pages, then repeated: compiled and answered by the fast path.
    for (let i = 0; i < 3; i++)
      expect((await send({ query: BY_VARIABLE, variables: { n: 1 } })).status).toBe(200);
    const large = await send({ query: BY_VARIABLE, variables: { n: 100 } });
    expect(large.status).toBe(400);
    expect(large.json.errors[0].extensions.code).toBe("COST_LIMIT_EXCEEDED");
  });

  it("replaces an answer over the ceiling by an error, compiled or not", async () => {
    const query =
      "query Big($n: Int) { events(first: $n) { nodes { slug summary(lang: DE) summaryEn: summary } } }";
    for (let i = 0; i < 3; i++)
      expect((await send({ query, variables: { n: 1 } })).status).toBe(200);
    const big = await send({ query, variables: { n: 100 } });
    expect(big.status).toBe(400);
    expect(big.json.errors[0]).toMatchObject({ extensions: { code: "RESPONSE_TOO_LARGE" } });
    expect(big.json.errors[0].message).toMatch(/more than the limit of 20000/);
    const get = await fetch(
      new URL(
        `/graphql?query=${encodeURIComponent(query)}&variables=${encodeURIComponent('{"n":100}')}`,
        base,
      ),
      { headers: { accept: "application/json" } },
    );
    expect(get.status).toBe(400);
    expect(get.headers.get("cache-control")).toBe("no-store");
  });
});

describe("introspection and the cost limit", () => {
  it("lets the full introspection query through (GraphiQL and code generators send it)", async () => {
    const { getIntrospectionQuery } = await import("graphql");
    const handler = createFetchHandler({ dataset: syntheticDataset(5), logger: "silent" });
    const answer = await post(handler, { query: getIntrospectionQuery({ descriptions: true }) });
    expect(answer.status).toBe(200);
    expect(answer.json.data.__schema.queryType.name).toBe("Query");
  });
});

describe("the cached cost function of the fast path", () => {
  it("gives the same costs as the plain one, per page-size and @include variables", async () => {
    const { parse } = await import("graphql");
    const { createSchema } = await import("@ca-timeline/schema");
    const { createCachedCostOf, createCostOf } = await import("./cost-limit.ts");
    const schema = createSchema({ dataset: syntheticDataset(5) });
    const plain = createCostOf(schema, 100);
    const cached = createCachedCostOf(plain);
    const document = parse(
      "query Q($n: Int, $all: Boolean!, $s: String) { events(first: $n, filter: { search: $s }) { nodes { slug themes @include(if: $all) { id } } } }",
    );
    for (const variables of [
      { n: 1, all: false },
      { n: 100, all: false },
      { n: 100, all: true },
      { n: 1, all: true, s: "x" },
      { n: 100, all: true, s: "y" },
    ]) {
      expect(cached(document, variables, "Q")).toBe(plain(document, variables, "Q"));
      expect(cached(document, variables, "Q")).toBe(plain(document, variables, "Q"));
    }
    expect(plain(document, { n: 100, all: true }, "Q")).toBeGreaterThan(
      plain(document, { n: 100, all: false }, "Q") ?? Number.POSITIVE_INFINITY,
    );
  });
});
