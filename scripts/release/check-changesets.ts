// Changeset gate: every package a branch changes must be released by one of the branch's changesets
// (or the branch adds an empty changeset: "no release needed").
//
// What it compares against:
//  - `--since <ref>` when given: the pull-request workflow passes `origin/<base branch>` (and fetches
//    full history so that the merge base exists);
//  - otherwise (a local run, `bash .ci/run`) the local `main` branch, but only when HEAD is not on
//    main already: on main itself (a fresh clone) there is no branch to judge, and the pending
//    changesets are already there for `changeset version` to consume. This keeps .ci/run meaningful
//    on feature branches and free of spurious failures on main.
//
// Usage: node scripts/release/check-changesets.ts [--since <ref>]
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { runCommand } from "../lib/processes.ts";
import { type ReleasePlanSummary, uncoveredPackages } from "./changeset-coverage.ts";
import { publishablePackages, repoRoot } from "./workspace-packages.ts";

const git = (...args: string[]) => runCommand("git", args, { cwd: repoRoot, timeoutMs: 60_000 });

async function baseRef(): Promise<string | null> {
  const { values } = parseArgs({ options: { since: { type: "string" } } });
  if (values.since) return values.since;
  if ((await git("rev-parse", "--is-inside-work-tree")).code !== 0) return null;
  if ((await git("rev-parse", "--verify", "--quiet", "main")).code !== 0) return null;
  const head = (await git("rev-parse", "HEAD")).stdout.trim();
  const mergeBase = (await git("merge-base", "main", "HEAD")).stdout.trim();
  return head === mergeBase ? null : "main";
}

async function main(): Promise<number> {
  const since = await baseRef();
  if (since === null) {
    console.log("✓ changeset gate: HEAD is on main (no branch to compare); nothing to check.");
    return 0;
  }
  const out = mkdtempSync(path.join(tmpdir(), "ca-timeline-status-"));
  try {
    const planFile = path.join(out, "plan.json");
    const changesetBin = path.join(repoRoot, "node_modules", ".bin", "changeset");
    const status = await runCommand(
      changesetBin,
      ["status", `--since=${since}`, `--output=${planFile}`],
      { cwd: repoRoot, timeoutMs: 120_000 },
    );
    if (status.code !== 0) {
      console.error(`${status.stdout}${status.stderr}`.trim());
      console.error(`✗ changeset gate: packages changed since ${since} without a changeset.`);
      return 1;
    }
    const plan = JSON.parse(readFileSync(planFile, "utf8")) as ReleasePlanSummary;
    const mergeBase = (await git("merge-base", since, "HEAD")).stdout.trim();
    const changed = (await git("diff", "--name-only", mergeBase, "HEAD")).stdout
      .split("\n")
      .filter(Boolean);
    const missing = uncoveredPackages(changed, await publishablePackages(), plan);
    if (missing.length > 0) {
      console.error(
        `✗ changeset gate: changed since ${since} but released by no changeset: ${missing.join(", ")}.\n` +
          "  Run `npx changeset` (or `npx changeset --empty` if the change needs no release).",
      );
      return 1;
    }
    const names = plan.releases.map((release) => `${release.name} (${release.type})`);
    console.log(`✓ changeset gate since ${since}: ${names.join(", ") || "no release needed"}.`);
    return 0;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

process.exitCode = await main();
