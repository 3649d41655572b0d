// Runs inside an empty project that installed @ca-timeline/schema (and its peer graphql) from the
// rehearsal registry: builds an HTTP GraphQL server from the schema, as the README suggests, and
// queries it.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { events } from "@ca-timeline/data";
import { schema } from "@ca-timeline/schema";
import { buildSchema, graphql } from "graphql";

const require = createRequire(import.meta.url);
const manifest = JSON.parse(
  readFileSync(require.resolve("@ca-timeline/schema/package.json"), "utf8"),
);

const server = createServer(async (request, response) => {
  let body = "";
  for await (const chunk of request) body += chunk;
  const { query, variables } = JSON.parse(body);
  const result = await graphql({
    schema,
    source: query,
    variableValues: variables,
    contextValue: {},
  });
  response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(result));
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const { port } = server.address();
try {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      query:
        "query ($n: Int) { dataset { eventCount } events(first: $n) { totalCount nodes { slug title(lang: DE) } } }",
      variables: { n: 3 },
    }),
  });
  const { data, errors } = await response.json();
  assert.equal(errors, undefined, JSON.stringify(errors));
  assert.equal(data.dataset.eventCount, events.length);
  assert.equal(data.events.totalCount, events.length);
  assert.equal(data.events.nodes.length, Math.min(3, events.length));

  // The shipped SDL describes the executable schema.
  const sdl = buildSchema(
    readFileSync(require.resolve("@ca-timeline/schema/schema.graphql"), "utf8"),
  );
  assert.deepEqual(
    Object.keys(sdl.getQueryType().getFields()).sort(),
    Object.keys(schema.getQueryType().getFields()).sort(),
  );
  console.log(
    JSON.stringify({
      package: manifest.name,
      version: manifest.version,
      events: data.events.totalCount,
    }),
  );
} finally {
  server.close();
}
