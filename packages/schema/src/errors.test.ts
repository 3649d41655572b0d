import { syntheticDataset } from "@ca-timeline/data/testing";
import { describe, expect, it } from "vitest";
import { createSchema } from "./index.ts";
import { runForErrors } from "./test-support/run.ts";

const schema = createSchema({ dataset: syntheticDataset(50) });

async function badInput(source: string, variables?: Record<string, unknown>) {
  const result = await runForErrors(schema, source, variables);
  expect(result.errors, "expected an error").toHaveLength(1);
  const [error] = result.errors!;
  return error!;
}

describe("bad arguments", () => {
  it("names a from that is no date", async () => {
    const error = await badInput('{ events(filter: { from: "20x" }) { totalCount } }');
    expect(error.message).toBe('filter.from: "20x" is not a date; use YYYY, YYYY-MM or YYYY-MM-DD');
    expect(error.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "filter.from" });
    expect(error.path).toEqual(["events"]);
  });

  it("names an unknown theme id, in events and facets alike", async () => {
    for (const field of ["events", "facets"]) {
      const selection = field === "events" ? "totalCount" : "years { year }";
      const error = await badInput(`{ ${field}(filter: { themes: ["nope"] }) { ${selection} } }`);
      expect(error.message).toMatch(/^filter\.themes: unknown id "nope"; known: /);
      expect(error.extensions).toMatchObject({ code: "BAD_USER_INPUT" });
    }
  });

  it("refuses first or last over 100 and negative page sizes", async () => {
    expect((await badInput("{ events(first: 101) { totalCount } }")).message).toBe(
      "first: must be at most 100, got 101",
    );
    expect((await badInput("{ events(last: 1000) { totalCount } }")).message).toBe(
      "last: must be at most 100, got 1000",
    );
    expect((await badInput("{ events(first: -1) { totalCount } }")).message).toMatch(/^first: /);
  });

  it("honours a custom page size limit", async () => {
    const small = createSchema({ dataset: syntheticDataset(10), maxPageSize: 5 });
    const result = await runForErrors(small, "{ events(first: 6) { totalCount } }");
    expect(result.errors?.[0]?.message).toBe("first: must be at most 5, got 6");
  });

  it("refuses a cursor that is not one", async () => {
    const error = await badInput('{ events(after: "garbage!") { totalCount } }');
    expect(error.message).toMatch(/^after: "garbage!" is not a cursor of this API/);
  });

  it("refuses a global id that is not one", async () => {
    const error = await badInput('{ node(id: "%%%") { id } }');
    expect(error.message).toBe('id: "%%%" is not an id of this API');
    expect(error.extensions).toMatchObject({ code: "BAD_USER_INPUT" });
  });

  it("rejects unknown fields and enum values at validation", async () => {
    expect((await badInput("{ events { nope } }")).message).toMatch(/Cannot query field "nope"/);
    expect((await badInput("{ themes { label(lang: FR) } }")).message).toMatch(
      /Value "FR" does not exist in "Lang" enum/,
    );
  });
});
