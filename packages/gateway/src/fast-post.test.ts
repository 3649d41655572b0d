import { request as httpRequest } from "node:http";
import { syntheticDataset } from "@ca-timeline/data/testing";
import { encodeGlobalID } from "@ca-timeline/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { negotiatedMediaType } from "./cache-key.ts";
import { createGateway, type Gateway, type GatewayOptions } from "./create-gateway.ts";
import { createFetchHandler } from "./fetch-handler.ts";

const dataset = syntheticDataset(60);

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** POSTs to the server; headers without the per-connection ones, to compare answers. */
async function send(
  base: URL,
  body: unknown,
  headers: Record<string, string> = { accept: "application/graphql-response+json" },
): Promise<Answer> {
  const response = await fetch(new URL("/graphql", base), {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const kept: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (!["date", "connection", "keep-alive"].includes(name)) kept[name] = value;
  });
  return { status: response.status, headers: kept, body: await response.text() };
}

/** The gateways these tests started, by URL: their metrics are read from prom-client's registry. */
const started = new Map<string, Gateway>();

/** How many POSTs the fast path answered so far (the gateway's compiled-operation counter). */
async function compiledRuns(base: URL): Promise<number> {
  const metric = started
    .get(base.href)
    ?.metrics?.registry.getSingleMetric("ca_timeline_gateway_compiled_operation_runs_total");
  if (metric === undefined) throw new Error(`no metrics for ${base.href}`);
  const { values } = await metric.get();
  return values.reduce((sum, { value }) => sum + value, 0);
}

async function start(options: GatewayOptions = {}) {
  const gateway = createGateway({ dataset, port: 0, logger: "silent", ...options });
  const base = await gateway.listen();
  started.set(base.href, gateway);
  return { gateway, base };
}

const QUERIES = [
  {
    query: `query Page($filter: EventFilter, $after: String) {
      events(filter: $filter, first: 7, after: $after) {
        totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
        edges { cursor node { id slug date start end precision status title(lang: DE) summary notes(lang: DE)
          type { id label(lang: DE) } themes { id label } actors { id kind name(lang: DE) }
          places { name country } sources { url title document { id title url } } partOf { slug } parts { slug } } }
      }
    }`,
    variables: { filter: { from: "2012", search: "außenminister" } },
  },
  {
    query: `{ facets(filter: { actors: ["UZ"] }) { themes { id label count } types { id count }
      actors { id label(lang: DE) count } years { year count } } dataset { version eventCount firstDate lastDate } }`,
  },
  {
    query: `query A { themes { id } } query B($slug: String!) { event(slug: $slug) { ...E } } fragment E on Event { slug title }`,
    operationName: "B",
    variables: { slug: dataset.events[3]!.slug },
  },
  {
    query: `{ events(orderBy: DATE_DESC, last: 3) { nodes { slug } } actors { id } eventTypes { id } }`,
  },
  {
    query: `query ($id: ID!, $gone: ID!) { node(id: $id) { __typename id ... on Event { slug title(lang: DE) } }
      gone: node(id: $gone) { id } missing: event(slug: "no-such-event") { slug } }`,
    variables: {
      id: encodeGlobalID("Event", dataset.events[5]!.slug),
      gone: encodeGlobalID("Event", "no-such-event"),
    },
  },
];

describe("the POST fast path (compiled operations yoga accepted before)", () => {
  let gateway: Gateway;
  let base: URL;
  let reference: Gateway;
  let yogaOnly: URL;
  beforeAll(async () => {
    ({ gateway, base } = await start());
    ({ gateway: reference, base: yogaOnly } = await start({ hotOperations: 0 }));
  });
  afterAll(() => Promise.all([gateway.close(), reference.close()]));

  it("answers repeated operations with exactly yoga's bytes and headers", async () => {
    const accepts: Array<Record<string, string>> = [
      {},
      { accept: "application/json" },
      { accept: "application/graphql-response+json" },
      { accept: "application/graphql-response+json, application/json;q=0.9" },
      { accept: "*/*" },
    ];
    const before = await compiledRuns(base);
    let sent = 0;
    for (const body of QUERIES) {
      for (const headers of accepts) {
        // The reference: a gateway that answers through yoga alone.
        const reference = await send(yogaOnly, body, headers);
        expect(reference.status).toBe(200);
        expect(JSON.parse(reference.body).errors).toBeUndefined();
        for (let i = 0; i < 3; i++) {
          expect(await send(base, body, headers)).toEqual(reference);
          sent++;
        }
      }
    }
    // Only the first sighting of each document went through yoga; every other answer was compiled.
    expect((await compiledRuns(base)) - before).toBe(sent - QUERIES.length);
  });

  it("coerces variables like yoga and leaves every error to it", async () => {
    const query = `query ($filter: EventFilter, $first: Int) { events(filter: $filter, first: $first) { totalCount nodes { slug } } }`;
    await send(base, { query, variables: { first: 1 } }); // accepted: the document is now known
    const cases: Array<[Record<string, unknown>, boolean]> = [
      [{ filter: { from: "20x" } }, true],
      [{ filter: { themes: ["no-such-theme"] } }, true],
      [{ first: 101 }, true],
      [{ first: "many" }, true],
      [{ first: "5" }, true],
      [{ first: 5.5 }, true],
      [{ first: 2 ** 31 }, true],
      [{ filter: { colour: "red" } }, true],
      [{ filter: { themes: "security" } }, false],
      [{ filter: null, first: null }, false],
      [{ first: 2, unused: true }, false],
    ];
    for (const [variables, failing] of cases) {
      for (const headers of [{ accept: "application/json" }, {}] as Array<Record<string, string>>) {
        const reference = await send(yogaOnly, { query, variables }, headers);
        const answer = await send(base, { query, variables }, headers);
        expect(answer, JSON.stringify(variables)).toEqual(reference);
        expect(JSON.parse(answer.body).errors !== undefined, JSON.stringify(variables)).toBe(
          failing,
        );
      }
    }
    const node = "query ($id: ID!) { node(id: $id) { id } }";
    await send(base, { query: node, variables: { id: encodeGlobalID("Event", "x") } });
    const badId = { query: node, variables: { id: "not an id" } };
    expect(await send(base, badId)).toEqual(await send(yogaOnly, badId));
  });

  it("never runs what yoga refused: limits, validation, persisted-only, introspection off", async () => {
    const deep = `{ events(first: 1) { nodes { ${"partOf { ".repeat(20)}slug${" }".repeat(20)} } } }`;
    for (let i = 0; i < 3; i++) {
      const answer = await send(base, { query: deep });
      expect(answer.status).toBe(400);
      expect(JSON.parse(answer.body).errors[0].message).toMatch(/depth/i);
      expect((await send(base, { query: "{ events { secret } }" })).status).toBe(400);
    }
    const strict = await start({ persistedOnly: true, introspection: false });
    try {
      for (let i = 0; i < 3; i++) {
        const refused = await send(strict.base, { query: "{ themes { id } }" });
        expect(refused.status).toBe(400);
        expect(JSON.parse(refused.body).errors[0].extensions.code).toBe("PERSISTED_QUERY_ONLY");
      }
      expect(await compiledRuns(strict.base)).toBe(0);
    } finally {
      await strict.gateway.close();
    }
    const closed = await start({ introspection: false });
    try {
      for (let i = 0; i < 3; i++) {
        const refused = await send(closed.base, { query: "{ __schema { queryType { name } } }" });
        expect(refused.status).toBe(400);
      }
      expect(await compiledRuns(closed.base)).toBe(0);
    } finally {
      await closed.gateway.close();
    }
  });

  it("hands yoga what it does not take: bad JSON, extensions, other types, chunked bodies", async () => {
    const query = "{ dataset { eventCount } }";
    await send(base, { query });
    const before = await compiledRuns(base);
    expect((await send(base, "{ not json")).status).toBe(400);
    expect((await send(base, "null")).status).toBe(400);
    const withExtensions = await send(base, { query, extensions: { foo: 1 } });
    expect(JSON.parse(withExtensions.body).data.dataset.eventCount).toBe(dataset.events.length);
    const graphqlBody = await send(base, query, { "content-type": "application/graphql" });
    expect(JSON.parse(graphqlBody.body).data.dataset.eventCount).toBe(dataset.events.length);
    expect((await send(base, { query }, { "content-type": "text/plain" })).status).toBe(415);
    const chunked = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(
        new URL("/graphql", base),
        { method: "POST", headers: { "content-type": "application/json" } },
        (res) => {
          let text = "";
          res.on("data", (chunk) => {
            text += chunk;
          });
          res.on("end", () => resolve({ status: res.statusCode!, body: text }));
        },
      );
      req.on("error", reject);
      req.write(JSON.stringify({ query }).slice(0, 5));
      req.end(JSON.stringify({ query }).slice(5));
    });
    expect(chunked.status).toBe(200);
    expect(JSON.parse(chunked.body).data.dataset.eventCount).toBe(dataset.events.length);
    expect(await compiledRuns(base)).toBe(before);
  });

  it("can be turned off", async () => {
    const body = { query: "{ themes { id } }" };
    const first = await send(yogaOnly, body);
    expect(await send(yogaOnly, body)).toEqual(first);
    expect(await compiledRuns(yogaOnly)).toBe(0);
  });
});

describe("negotiatedMediaType", () => {
  it("picks the media type yoga picks for a plain result, and none where yoga streams or refuses", async () => {
    const handler = createFetchHandler({ dataset, logger: "silent" });
    for (const accept of [
      undefined,
      "*/*",
      "application/*",
      "application/json",
      "application/graphql-response+json",
      "application/graphql-response+json, application/json",
      "application/json, application/graphql-response+json",
      "application/json;q=0.5, application/graphql-response+json;charset=UTF-8",
      "application/json; charset=utf-16",
      "text/event-stream",
      "text/event-stream, application/json",
      "multipart/mixed",
      "text/html",
    ]) {
      const response = await handler.fetch(
        new Request("http://gateway.test/graphql", {
          method: "POST",
          headers: { "content-type": "application/json", ...(accept ? { accept } : {}) },
          body: JSON.stringify({ query: "{ themes { id } }" }),
        }),
      );
      const type = response.headers.get("content-type") ?? "";
      const plain = response.status === 200 && /^application\/[^;]*json; charset=utf-8$/.test(type);
      expect(negotiatedMediaType(accept), String(accept)).toBe(
        plain ? type.split(";")[0] : undefined,
      );
    }
  });
});
