import { describe, expect, it } from "vitest";
import { type ReleasePlanSummary, uncoveredPackages } from "./changeset-coverage.ts";

const packages = [
  { name: "@ca-timeline/data", relativeDir: "packages/data" },
  { name: "@ca-timeline/gateway", relativeDir: "packages/gateway" },
  { name: "@ca-timeline/schema", relativeDir: "packages/schema" },
];

const plan = (releases: string[], empty = false): ReleasePlanSummary => ({
  changesets: [
    { id: "a", releases: releases.map((name) => ({ name, type: "patch" })) },
    ...(empty ? [{ id: "b", releases: [] }] : []),
  ],
  releases: releases.map((name) => ({ name, type: "patch" })),
});

describe("uncoveredPackages", () => {
  it("names a changed package that no changeset releases", () => {
    const changed = ["packages/gateway/src/cli.ts", "packages/data/events/x.yaml"];
    expect(uncoveredPackages(changed, packages, plan(["@ca-timeline/data"]))).toEqual([
      "@ca-timeline/gateway",
    ]);
  });

  it("passes when every changed package is released", () => {
    const changed = ["packages/gateway/src/cli.ts", "packages/schema/schema.graphql"];
    const covered = plan(["@ca-timeline/gateway", "@ca-timeline/schema"]);
    expect(uncoveredPackages(changed, packages, covered)).toEqual([]);
  });

  it("ignores files outside packages and does not confuse folder prefixes", () => {
    const changed = ["README.md", ".github/workflows/ci.yml", "packages/database/x.ts"];
    expect(uncoveredPackages(changed, packages, plan([]))).toEqual([]);
  });

  it("does not count a dependent's automatic bump as its changeset", () => {
    const changed = ["packages/gateway/src/cli.ts"];
    const dependentBump: ReleasePlanSummary = {
      changesets: [{ id: "a", releases: [{ name: "@ca-timeline/data", type: "patch" }] }],
      releases: [
        { name: "@ca-timeline/data", type: "patch" },
        { name: "@ca-timeline/gateway", type: "patch" },
      ],
    };
    expect(uncoveredPackages(changed, packages, dependentBump)).toEqual(["@ca-timeline/gateway"]);
  });

  it("accepts an empty changeset as 'no release needed'", () => {
    const changed = ["packages/gateway/src/cli.test.ts"];
    expect(uncoveredPackages(changed, packages, plan([], true))).toEqual([]);
  });
});
