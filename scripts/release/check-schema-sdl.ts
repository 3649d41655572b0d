// The GraphQL API gate: compares packages/schema/schema.graphql with the SDL of the last release of
// @ca-timeline/schema and fails on a breaking change unless it ships as a major version.
//
// Usage: node scripts/release/check-schema-sdl.ts [--released <file.graphql> --released-version <v>]
// Without --released, the released SDL is read from the registry (`latest` of @ca-timeline/schema).
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { pendingBumps } from "./pending-bumps.ts";
import { readReleasedFile } from "./released-sdl.ts";
import { evaluateSdlGate } from "./sdl-gate.ts";
import { repoRoot } from "./workspace-packages.ts";

const SCHEMA_PACKAGE = "@ca-timeline/schema";
const SDL_FILE = "schema.graphql";

const { values } = parseArgs({
  options: {
    root: { type: "string", default: repoRoot },
    released: { type: "string" },
    "released-version": { type: "string" },
  },
});
const root = path.resolve(values.root);
const schemaDir = path.join(root, "packages", "schema");
const manifest = JSON.parse(readFileSync(path.join(schemaDir, "package.json"), "utf8")) as {
  version: string;
};

const released = values.released
  ? {
      version: values["released-version"] ?? "(file)",
      text: readFileSync(path.resolve(values.released), "utf8"),
    }
  : await readReleasedFile(SCHEMA_PACKAGE, SDL_FILE, root);

const result = await evaluateSdlGate({
  releasedSdl: released?.text ?? null,
  releasedVersion: released?.version ?? null,
  currentSdl: readFileSync(path.join(schemaDir, SDL_FILE), "utf8"),
  currentVersion: manifest.version,
  pendingBump: (await pendingBumps(root)).get(SCHEMA_PACKAGE) ?? "none",
});

for (const change of result.breaking) console.log(`  breaking:  ${change}`);
for (const change of result.dangerous) console.log(`  dangerous: ${change}`);
if (result.ok) {
  console.log(`✓ ${SCHEMA_PACKAGE} SDL gate: ${result.message}`);
} else {
  console.error(`✗ ${SCHEMA_PACKAGE} SDL gate: ${result.message}`);
  process.exitCode = 1;
}
