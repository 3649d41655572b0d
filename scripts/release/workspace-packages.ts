import { readFileSync } from "node:fs";
import { glob } from "node:fs/promises";
import path from "node:path";

export interface PackageManifest {
  name: string;
  version: string;
  private?: boolean;
  [field: string]: unknown;
}

export interface WorkspacePackage {
  name: string;
  version: string;
  /** Absolute path of the package folder. */
  dir: string;
  /** Path relative to the repository root, e.g. `packages/data`. */
  relativeDir: string;
  manifest: PackageManifest;
}

/** The repository root: two levels above this file (scripts/release/). */
export const repoRoot = path.resolve(import.meta.dirname, "../..");

/** Every publishable (non-private) workspace package, read fresh from disk, sorted by name. */
export async function publishablePackages(root: string = repoRoot): Promise<WorkspacePackage[]> {
  const rootManifest = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as {
    workspaces?: string[];
  };
  const found: WorkspacePackage[] = [];
  for (const pattern of rootManifest.workspaces ?? []) {
    for await (const entry of glob(`${pattern}/package.json`, { cwd: root })) {
      const manifest = JSON.parse(readFileSync(path.join(root, entry), "utf8")) as PackageManifest;
      if (manifest.private) continue;
      const relativeDir = path.dirname(entry).split(path.sep).join("/");
      found.push({
        name: manifest.name,
        version: manifest.version,
        dir: path.join(root, relativeDir),
        relativeDir,
        manifest,
      });
    }
  }
  return found.sort((a, b) => a.name.localeCompare(b.name));
}
