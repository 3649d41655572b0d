import { describe, expect, it } from "vitest";
import { EVENTS_QUERY, EVENTS_QUERY_ID, persistedOperations } from "./operations.ts";

const sha256 = async (text: string) =>
  [...new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)))]
    .map((byte) => byte.toString(16).padStart(2, "0"))
    .join("");

describe("persisted operations", () => {
  it("names every document by the SHA-256 of its exact text", async () => {
    expect(EVENTS_QUERY_ID).toBe(await sha256(EVENTS_QUERY));
    expect(Object.keys(persistedOperations).length).toBeGreaterThan(0);
    for (const [id, document] of Object.entries(persistedOperations)) {
      expect(id, `stale id for ${document.slice(0, 40)}…`).toBe(await sha256(document));
    }
    expect(persistedOperations[EVENTS_QUERY_ID]).toBe(EVENTS_QUERY);
  });
});
