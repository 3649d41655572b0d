export interface PlannedChangeset {
  id: string;
  releases: { name: string; type: string }[];
}

export interface ReleasePlanSummary {
  changesets: PlannedChangeset[];
  releases: { name: string; type: string }[];
}

export interface PackageLocation {
  name: string;
  /** Folder relative to the repository root, with forward slashes, e.g. `packages/data`. */
  relativeDir: string;
}

/**
 * Packages whose files changed but that no changeset releases. `changeset status` alone only fails
 * when a change comes with no changeset at all; here each changed package must be named by one of
 * the branch's changesets, unless the branch adds an empty changeset, which is the changesets way of
 * saying "this change needs no release" (docs, tests, CI).
 */
export function uncoveredPackages(
  changedFiles: readonly string[],
  packages: readonly PackageLocation[],
  plan: ReleasePlanSummary,
): string[] {
  if (plan.changesets.some((changeset) => changeset.releases.length === 0)) return [];
  // Named by a changeset, not merely bumped as a dependent: a dependent's bump says nothing about
  // its own change, and its changelog would not mention it.
  const released = new Set(
    plan.changesets.flatMap((changeset) =>
      changeset.releases.filter((r) => r.type !== "none").map((r) => r.name),
    ),
  );
  const changed = packages.filter((pkg) =>
    changedFiles.some((file) => file.startsWith(`${pkg.relativeDir}/`)),
  );
  return changed.filter((pkg) => !released.has(pkg.name)).map((pkg) => pkg.name);
}
