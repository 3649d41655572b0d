import { readChangesets } from "@changesets/read";

export type Bump = "none" | "patch" | "minor" | "major";

const ORDER: readonly Bump[] = ["none", "patch", "minor", "major"];

/** The larger of two bumps. */
export function maxBump(a: Bump, b: Bump): Bump {
  return ORDER.indexOf(a) >= ORDER.indexOf(b) ? a : b;
}

/**
 * The highest bump each package gets from the pending changesets in `<root>/.changeset/`
 * (the changesets' own parser, so the front matter means exactly what `changeset version` reads).
 */
export async function pendingBumps(root: string): Promise<Map<string, Bump>> {
  const bumps = new Map<string, Bump>();
  for (const changeset of await readChangesets(root)) {
    for (const release of changeset.releases) {
      if (release.type === "none") continue;
      bumps.set(release.name, maxBump(bumps.get(release.name) ?? "none", release.type));
    }
  }
  return bumps;
}
