import { describe, expect, it } from "vitest";
import { assetEntrypoints, manifestProblems, REPOSITORY_URL } from "./manifest-rules.ts";
import type { PackageManifest } from "./workspace-packages.ts";

const good: PackageManifest = {
  name: "@ca-timeline/schema",
  version: "1.0.0",
  description: "The schema.",
  type: "module",
  license: "MIT",
  repository: { type: "git", url: `git+${REPOSITORY_URL}.git`, directory: "packages/schema" },
  homepage: `${REPOSITORY_URL}/tree/main/packages/schema#readme`,
  keywords: ["graphql"],
  sideEffects: false,
  exports: {
    ".": { types: "./dist/index.d.ts", default: "./dist/index.js" },
    "./schema.graphql": "./schema.graphql",
    "./package.json": "./package.json",
  },
  files: ["dist", "schema.graphql"],
  engines: { node: ">=20.10" },
  publishConfig: { access: "public", provenance: true },
  dependencies: { "@ca-timeline/data": "^1.1.0", graphql: "workspace:*" },
};
const context = {
  relativeDir: "packages/schema",
  workspaceVersions: new Map([
    ["@ca-timeline/data", "1.1.3"],
    ["@ca-timeline/schema", "1.0.0"],
  ]),
  packedFiles: ["README.md", "package.json", "dist/index.js", "dist/index.d.ts", "schema.graphql"],
};

describe("manifestProblems", () => {
  it("accepts a complete manifest", () => {
    expect(manifestProblems(good, context)).toEqual([]);
  });

  it("names each missing piece of metadata", () => {
    const { repository, publishConfig, keywords, ...bare } = good;
    const problems = manifestProblems(bare as PackageManifest, context);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining("repository.url"),
        expect.stringContaining("repository.directory"),
        expect.stringContaining("publishConfig.access"),
        expect.stringContaining("publishConfig.provenance"),
        expect.stringContaining("keywords"),
      ]),
    );
  });

  it("wants types first and ./package.json exported", () => {
    const problems = manifestProblems(
      { ...good, exports: { ".": { default: "./dist/index.js", types: "./dist/index.d.ts" } } },
      context,
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('"types" must be the first'),
        expect.stringContaining("./package.json"),
      ]),
    );
  });

  it("rejects internal ranges that npm cannot install or that miss the sibling's version", () => {
    for (const [range, expected] of [
      ["workspace:^", "not a semver range"],
      ["*", "admits any version"],
      ["^1.2.0", "does not admit the workspace's 1.1.3"],
    ] as const) {
      const problems = manifestProblems(
        { ...good, dependencies: { "@ca-timeline/data": range } },
        context,
      );
      expect(problems).toEqual([expect.stringContaining(expected)]);
    }
  });

  it("wants a README in the tarball and no tests, sources or maps", () => {
    const problems = manifestProblems(good, {
      ...context,
      packedFiles: ["package.json", "dist/index.js", "dist/index.test.js", "dist/index.js.map"],
    });
    expect(problems).toEqual([
      "the tarball has no README.md",
      expect.stringContaining("dist/index.test.js, dist/index.js.map"),
    ]);
  });
});

describe("assetEntrypoints", () => {
  it("lists subpaths that point at non-module files only", () => {
    expect(assetEntrypoints(good.exports)).toEqual(["./schema.graphql"]);
    expect(
      assetEntrypoints({
        "./styles.css": "./dist/styles.css",
        "./events.json": "./dist/events.json",
        "./standalone.js": { types: "./dist/define.d.ts", default: "./dist/standalone.js" },
      }),
    ).toEqual(["./styles.css"]);
  });
});
