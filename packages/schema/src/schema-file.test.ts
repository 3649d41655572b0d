import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { createSchema } from "./index.ts";
import { printSortedSchema } from "./print.ts";

describe("schema.graphql", () => {
  it("is the SDL the code generates", async () => {
    const committed = await readFile(new URL("../schema.graphql", import.meta.url), "utf8");
    const generated = printSortedSchema(createSchema());
    expect(
      committed === generated,
      "packages/schema/schema.graphql is stale: run `npm run print-schema -w @ca-timeline/schema`",
    ).toBe(true);
  });
});
