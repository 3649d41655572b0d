import { type Change, CriticalityLevel, diff } from "@graphql-inspector/core";
import { buildSchema } from "graphql";
import semver from "semver";
import type { Bump } from "./pending-bumps.ts";

export interface SdlGateInput {
  /** SDL of the last released version, or null when nothing has been released yet. */
  releasedSdl: string | null;
  releasedVersion: string | null;
  /** SDL in the working tree (packages/schema/schema.graphql). */
  currentSdl: string;
  /** Version in the working tree's package.json (already bumped on a "Version Packages" branch). */
  currentVersion: string;
  /** Highest bump the pending changesets give the schema package. */
  pendingBump: Bump;
}

export interface SdlGateResult {
  ok: boolean;
  message: string;
  breaking: string[];
  dangerous: string[];
}

const describe = (changes: Change[], level: CriticalityLevel) =>
  changes
    .filter((change) => change.criticality.level === level)
    .map((change) => `${change.path ? `${change.path}: ` : ""}${change.message}`);

/**
 * A breaking change to the public GraphQL API (a removed field, a narrowed argument type…) may only
 * ship as a new major version of @ca-timeline/schema: either a pending changeset says `major`, or
 * the working tree was already versioned to a higher major than the released one (that is the
 * state of the "Version Packages" pull request, whose changesets have been consumed).
 */
export async function evaluateSdlGate(input: SdlGateInput): Promise<SdlGateResult> {
  const current = buildSchema(input.currentSdl);
  if (input.releasedSdl === null) {
    return {
      ok: true,
      message: "No released version of the schema yet: nothing to compare (first release).",
      breaking: [],
      dangerous: [],
    };
  }
  const changes = await diff(buildSchema(input.releasedSdl), current);
  const breaking = describe(changes, CriticalityLevel.Breaking);
  const dangerous = describe(changes, CriticalityLevel.Dangerous);
  const against = `the released ${input.releasedVersion ?? "SDL"}`;
  if (breaking.length === 0) {
    return {
      ok: true,
      message: `No breaking change against ${against} (${changes.length} change(s) in all).`,
      breaking,
      dangerous,
    };
  }
  const versionedMajor =
    input.releasedVersion !== null &&
    semver.valid(input.releasedVersion) !== null &&
    semver.valid(input.currentVersion) !== null &&
    semver.major(input.currentVersion) > semver.major(input.releasedVersion);
  if (input.pendingBump === "major" || versionedMajor) {
    return {
      ok: true,
      message: `${breaking.length} breaking change(s) against ${against}, released as a major version.`,
      breaking,
      dangerous,
    };
  }
  return {
    ok: false,
    message:
      `${breaking.length} breaking change(s) against ${against}, but no changeset bumps ` +
      `@ca-timeline/schema by "major" (pending: ${input.pendingBump}). Keep the API compatible ` +
      "(deprecate instead of removing) or add a major changeset: npx changeset --major @ca-timeline/schema",
    breaking,
    dangerous,
  };
}
