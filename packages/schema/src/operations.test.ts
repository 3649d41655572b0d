import { createHash } from "node:crypto";
import { syntheticDataset } from "@ca-timeline/data/testing";
import { parse, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { generateOperations } from "../scripts/generate-operations.ts";
import { createSchema } from "./index.ts";
import * as operations from "./operations.ts";

describe("@ca-timeline/schema/operations", () => {
  it("is what scripts/generate-operations.ts makes of operations/*.graphql (run it after editing one)", async () => {
    const { readFile } = await import("node:fs/promises");
    const current = await readFile(new URL("./operations.ts", import.meta.url), "utf8");
    expect(current).toBe(await generateOperations());
  }, 60_000);

  it("keys every document by its SHA-256 and validates it against the schema", () => {
    const schema = createSchema({ dataset: syntheticDataset(5) });
    const entries = Object.entries(operations.persistedOperations);
    expect(entries.map(([, text]) => text.split("(")[0]!.split(" ")[1])).toEqual([
      "CaTimelineDetails",
      "CaTimelineEvent",
      "CaTimelineEvents",
      "CaTimelineList",
      "TimelineEvents",
      "TimelineVocabulary",
    ]);
    for (const [id, text] of entries) {
      expect(createHash("sha256").update(text).digest("hex")).toBe(id);
      expect(validate(schema, parse(text))).toEqual([]);
    }
    expect(operations.persistedOperations[operations.CA_TIMELINE_EVENTS_ID]).toBe(
      operations.CA_TIMELINE_EVENTS,
    );
  });
});
