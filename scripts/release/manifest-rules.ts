import semver from "semver";
import type { PackageManifest } from "./workspace-packages.ts";

/** Where every package's metadata points: one monorepo, one folder per package. */
export const REPOSITORY_URL = "https://github.com/ca-timeline/ca-timeline";
export const INTERNAL_SCOPE = "@ca-timeline/";

export interface ManifestContext {
  /** Folder of the package inside the repository, e.g. `packages/data`. */
  relativeDir: string;
  /** Current versions of the workspace's own packages, by name. */
  workspaceVersions: ReadonlyMap<string, string>;
  /** Paths inside the packed tarball (relative to the package root). */
  packedFiles: readonly string[];
}

/**
 * What publint and attw do not check but our users rely on: the metadata npm shows, publishing
 * settings, and internal dependency ranges that really admit the sibling versions being released.
 * Returns one sentence per problem; an empty list means the manifest is fine.
 */
export function manifestProblems(manifest: PackageManifest, context: ManifestContext): string[] {
  const problems: string[] = [];
  const field = (name: string) => manifest[name];

  if (field("type") !== "module") problems.push(`"type" must be "module" (ESM only)`);

  const exportsMap = field("exports");
  if (typeof exportsMap !== "object" || exportsMap === null || Array.isArray(exportsMap)) {
    problems.push(`"exports" must be a subpath map`);
  } else {
    const map = exportsMap as Record<string, unknown>;
    if (!("." in map)) problems.push(`"exports" has no "." entry`);
    if (map["./package.json"] !== "./package.json") {
      problems.push(`"exports" must expose "./package.json"`);
    }
    for (const [subpath, target] of Object.entries(map)) {
      if (typeof target === "object" && target !== null) {
        const conditions = Object.keys(target);
        if (conditions.includes("types") && conditions[0] !== "types") {
          problems.push(`"exports" › "${subpath}": "types" must be the first condition`);
        }
        if ("require" in target) problems.push(`"exports" › "${subpath}": no "require" (ESM only)`);
      }
    }
  }
  if ("main" in manifest || "module" in manifest) {
    problems.push(`"main"/"module" are redundant next to "exports"; remove them`);
  }

  const files = field("files");
  if (!Array.isArray(files) || files.length === 0) {
    problems.push(`"files" must list what users need`);
  }
  const sideEffects = field("sideEffects");
  if (typeof sideEffects !== "boolean" && !Array.isArray(sideEffects)) {
    problems.push(`"sideEffects" must be false or the list of modules that have side effects`);
  }
  const engines = field("engines") as { node?: unknown } | undefined;
  if (typeof engines?.node !== "string" || semver.validRange(engines.node) === null) {
    problems.push(`"engines.node" must be a valid semver range`);
  }

  const repository = field("repository") as { url?: unknown; directory?: unknown } | undefined;
  if (repository?.url !== `git+${REPOSITORY_URL}.git`) {
    problems.push(`"repository.url" must be "git+${REPOSITORY_URL}.git"`);
  }
  if (repository?.directory !== context.relativeDir) {
    problems.push(`"repository.directory" must be "${context.relativeDir}"`);
  }
  const homepage = field("homepage");
  if (typeof homepage !== "string" || !homepage.startsWith(REPOSITORY_URL)) {
    problems.push(`"homepage" must point into ${REPOSITORY_URL}`);
  }
  if (typeof field("license") !== "string" || field("license") === "") {
    problems.push(`"license" is missing`);
  }
  const keywords = field("keywords");
  if (!Array.isArray(keywords) || keywords.length === 0) problems.push(`"keywords" is empty`);
  if (typeof field("description") !== "string") problems.push(`"description" is missing`);

  const publishConfig = field("publishConfig") as
    | { access?: unknown; provenance?: unknown }
    | undefined;
  if (publishConfig?.access !== "public") problems.push(`"publishConfig.access" must be "public"`);
  if (publishConfig?.provenance !== true) problems.push(`"publishConfig.provenance" must be true`);

  for (const kind of ["dependencies", "peerDependencies", "optionalDependencies"] as const) {
    const deps = (manifest[kind] ?? {}) as Record<string, string>;
    for (const [name, range] of Object.entries(deps)) {
      if (!name.startsWith(INTERNAL_SCOPE)) continue;
      const current = context.workspaceVersions.get(name);
      if (semver.validRange(range) === null || /^(workspace|file|link):/.test(range)) {
        problems.push(`${kind} › ${name}: "${range}" is not a semver range npm users can install`);
      } else if (range === "*" || range === "") {
        problems.push(`${kind} › ${name}: "${range}" admits any version; use ^${current}`);
      } else if (current !== undefined && !semver.satisfies(current, range)) {
        problems.push(`${kind} › ${name}: "${range}" does not admit the workspace's ${current}`);
      }
    }
  }

  const packed = new Set(context.packedFiles);
  if (![...packed].some((file) => /^readme(\.md)?$/i.test(file))) {
    problems.push("the tarball has no README.md");
  }
  const strays = context.packedFiles.filter(
    (file) => /\.test\.[cm]?[jt]s$/.test(file) || /(^|\/)src\//.test(file) || file.endsWith(".map"),
  );
  if (strays.length > 0) {
    problems.push(`the tarball ships files users do not need: ${strays.slice(0, 5).join(", ")}`);
  }
  return problems;
}

const CODE_TARGET = /\.(?:[cm]?js|json|d\.[cm]?ts)$/;

/**
 * Subpaths of an exports map that point at assets (a `.graphql` SDL, a stylesheet) rather than
 * modules. Type checkers cannot resolve those, so attw must not judge them; publint still checks
 * that the files exist in the tarball.
 */
export function assetEntrypoints(exportsMap: unknown): string[] {
  if (typeof exportsMap !== "object" || exportsMap === null) return [];
  const targets = (value: unknown): string[] =>
    typeof value === "string"
      ? [value]
      : typeof value === "object" && value !== null
        ? Object.values(value).flatMap(targets)
        : [];
  return Object.entries(exportsMap)
    .filter(([subpath, value]) => {
      const files = targets(value);
      return (
        subpath.startsWith(".") && files.length > 0 && !files.some((file) => CODE_TARGET.test(file))
      );
    })
    .map(([subpath]) => subpath);
}
