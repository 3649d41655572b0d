import { serverAudits } from "graphql-http";
import { describe, expect, it } from "vitest";
import { createFetchHandler } from "./fetch-handler.ts";

const gateway = createFetchHandler({ logger: "silent" });

describe("GraphQL over HTTP (graphql-http's server audits)", () => {
  for (const audit of serverAudits({
    url: "http://localhost/graphql",
    fetchFn: (input: RequestInfo | URL, init?: RequestInit) =>
      gateway.fetch(new Request(input, init)),
  })) {
    it(`${audit.id} ${audit.name}`, async () => {
      const result = await audit.fn();
      const detail =
        result.status === "ok" ? "" : `${result.reason}: ${await result.response.text()}`;
      expect(result.status, detail).toBe("ok");
    });
  }
});
