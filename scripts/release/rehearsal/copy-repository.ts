import { cpSync, existsSync, mkdirSync, readdirSync, symlinkSync } from "node:fs";
import path from "node:path";
import { runChecked } from "../../lib/processes.ts";
import { publishablePackages } from "../workspace-packages.ts";

/**
 * Copies the repository as it is on disk (tracked files and new, not ignored ones: what the next
 * commit would hold) into `target`, and makes it a git repository of its own. Versioning there
 * consumes the copied changesets, never the real ones.
 *
 * node_modules is not copied: each entry links to the real one, except our own scope, which links
 * to the copy's packages so that builds there see the copy's freshly versioned siblings.
 */
export async function copyRepository(source: string, target: string): Promise<void> {
  const listed = await runChecked(
    "git",
    ["ls-files", "-z", "--cached", "--others", "--exclude-standard"],
    { cwd: source, timeoutMs: 60_000 },
  );
  for (const file of listed.stdout.split("\0").filter(Boolean)) {
    const from = path.join(source, file);
    if (!existsSync(from)) continue; // deleted in the working tree
    mkdirSync(path.dirname(path.join(target, file)), { recursive: true });
    cpSync(from, path.join(target, file));
  }

  const modules = path.join(source, "node_modules");
  mkdirSync(path.join(target, "node_modules"));
  for (const entry of readdirSync(modules)) {
    if (entry === "@ca-timeline") continue;
    symlinkSync(path.join(modules, entry), path.join(target, "node_modules", entry));
  }
  mkdirSync(path.join(target, "node_modules", "@ca-timeline"));
  for (const pkg of await publishablePackages(target)) {
    const link = path.join(target, "node_modules", ...pkg.name.split("/"));
    symlinkSync(pkg.dir, link, "dir");
  }

  const git = (...args: string[]) => runChecked("git", args, { cwd: target, timeoutMs: 60_000 });
  await git("init", "--quiet", "--initial-branch=main");
  await git("add", "--all");
  await git(
    "-c",
    "user.name=Release Rehearsal",
    "-c",
    "user.email=rehearsal@localhost",
    "-c",
    "commit.gpgsign=false",
    "commit",
    "--quiet",
    "--no-verify",
    "-m",
    "Rehearsal snapshot",
  );
}
