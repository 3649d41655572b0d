// The `./operations` subpath as a gateway imports it: from the built package, in Node (no DOM), with
// no dependency at all, and with ids that are the SHA-256 of their documents.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import * as source from "../src/operations.ts";

describe("@ca-timeline/timeline-widget/operations (built)", () => {
  it("is a module without imports, loadable in Node", async () => {
    const code = await readFile(new URL("../dist/operations.js", import.meta.url), "utf8");
    expect(code).not.toMatch(/^\s*import\b|\bimport\s*\(|\brequire\s*\(/m);
    expect(code).not.toMatch(/\blit\b/);
  });

  it("exports the widget's documents, each under the SHA-256 hex of its exact text", async () => {
    const built = await import("@ca-timeline/timeline-widget/operations");
    expect(built.persistedOperations).toEqual(source.persistedOperations);
    expect(built.EVENTS_QUERY_ID).toBe(source.EVENTS_QUERY_ID);
    const ids = Object.keys(built.persistedOperations);
    expect(ids).toContain(built.EVENTS_QUERY_ID);
    for (const [id, document] of Object.entries(built.persistedOperations)) {
      expect(id).toBe(createHash("sha256").update(document, "utf8").digest("hex"));
    }
  });
});
