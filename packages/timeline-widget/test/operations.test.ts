// The `./operations` subpath as a gateway imports it: from the built package, in Node (no DOM), with
// no dependency at all, and the same documents and ids as the source (src/operations.test.ts proves that
// the ids are the SHA-256 of their documents; the gateway's tests prove it serves them).
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import * as source from "../src/operations.ts";

describe("@ca-timeline/timeline-widget/operations (built)", () => {
  it("is a module without imports, loadable in Node", async () => {
    const code = await readFile(new URL("../dist/operations.js", import.meta.url), "utf8");
    expect(code).not.toMatch(/^\s*import\b|\bimport\s*\(|\brequire\s*\(/m);
    expect(code).not.toMatch(/\blit\b/);
  });

  it("exports the widget's documents under the same ids as the source", async () => {
    const built = await import("@ca-timeline/timeline-widget/operations");
    expect(built.persistedOperations).toEqual(source.persistedOperations);
    expect(built.EVENTS_QUERY_ID).toBe(source.EVENTS_QUERY_ID);
    expect(Object.keys(built.persistedOperations)).toContain(built.EVENTS_QUERY_ID);
  });
});
