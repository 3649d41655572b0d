import { describe, expect, it } from "vitest";
import { evaluateSdlGate, type SdlGateInput } from "./sdl-gate.ts";

const released = /* GraphQL */ `
  type Query {
    events(first: Int): [Event!]!
    themes: [String!]!
  }
  type Event {
    slug: String!
    title: String!
  }
`;
const withoutThemes = released.replace("themes: [String!]!", "");
const withExtraField = released.replace("title: String!", "title: String!\n    summary: String");

const input = (overrides: Partial<SdlGateInput>): SdlGateInput => ({
  releasedSdl: released,
  releasedVersion: "1.2.0",
  currentSdl: released,
  currentVersion: "1.2.0",
  pendingBump: "none",
  ...overrides,
});

describe("evaluateSdlGate", () => {
  it("passes the first release, when there is nothing to compare", async () => {
    const result = await evaluateSdlGate(
      input({ releasedSdl: null, releasedVersion: null, currentSdl: withoutThemes }),
    );
    expect(result.ok).toBe(true);
    expect(result.message).toMatch(/first release/);
  });

  it("fails a removed field without a major changeset and names the change", async () => {
    for (const pendingBump of ["none", "patch", "minor"] as const) {
      const result = await evaluateSdlGate(input({ currentSdl: withoutThemes, pendingBump }));
      expect(result.ok).toBe(false);
      expect(result.breaking).toEqual([expect.stringContaining("themes")]);
      expect(result.message).toContain(`pending: ${pendingBump}`);
    }
  });

  it("passes a removed field with a major changeset", async () => {
    const result = await evaluateSdlGate(
      input({ currentSdl: withoutThemes, pendingBump: "major" }),
    );
    expect(result.ok).toBe(true);
    expect(result.breaking).toHaveLength(1);
  });

  it("passes a breaking change already versioned to the next major (the Version Packages PR)", async () => {
    const result = await evaluateSdlGate(
      input({ currentSdl: withoutThemes, currentVersion: "2.0.0", pendingBump: "none" }),
    );
    expect(result.ok).toBe(true);
  });

  it("does not count a minor version bump as permission to break", async () => {
    const result = await evaluateSdlGate(
      input({ currentSdl: withoutThemes, currentVersion: "1.3.0", pendingBump: "none" }),
    );
    expect(result.ok).toBe(false);
  });

  it("passes additions with any bump", async () => {
    const result = await evaluateSdlGate(
      input({ currentSdl: withExtraField, pendingBump: "minor" }),
    );
    expect(result.ok).toBe(true);
    expect(result.breaking).toEqual([]);
  });

  it("flags a changed argument type as breaking", async () => {
    const current = released.replace("events(first: Int)", "events(first: Int!)");
    const result = await evaluateSdlGate(input({ currentSdl: current }));
    expect(result.ok).toBe(false);
    expect(result.breaking.join(" ")).toContain("first");
  });
});
