import { syntheticDataset } from "@ca-timeline/data/testing";
import { describe, expect, it } from "vitest";
import { createFetchHandler } from "../fetch-handler.ts";
import { BASE, post } from "../test-support/gql.ts";

describe("operation kinds the API does not have", () => {
  const handler = createFetchHandler({ dataset: syntheticDataset(5), logger: "silent" });

  it("answer a subscription or mutation as a request error, 400 under graphql-response+json", async () => {
    for (const query of ["subscription { events { totalCount } }", "mutation { x }"]) {
      const answer = await post(handler, { query });
      expect(answer.status, query).toBe(400);
      expect(answer.json.data).toBeUndefined();
      // Our rule's words on graphql 16; graphql 17's own KnownOperationTypesRule on 17.
      expect(answer.json.errors[0].message).toMatch(
        /^(This API has no (subscription|mutation)s: send a query\.|The (subscription|mutation) operation is not supported by the schema\.)$/,
      );
    }
    const get = await handler.fetch(
      new Request(`${BASE}/graphql?query=${encodeURIComponent("subscription { x }")}`, {
        headers: { accept: "application/graphql-response+json" },
      }),
    );
    expect(get.status).toBe(400);
    expect(get.headers.get("cache-control")).toBe("no-store");
  });
});
