// Package quality gates on what npm users actually receive: each publishable package is packed with
// `npm pack`, then the tarball (not the source folder) goes through our manifest rules,
// `publint --strict` and `attw --profile esm-only`. Needs built packages (`npm run build` first).
//
// Usage: node scripts/release/check-packages.ts [@ca-timeline/name ...]
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { runCommand } from "../lib/processes.ts";
import { assetEntrypoints, manifestProblems } from "./manifest-rules.ts";
import { publishablePackages, repoRoot, type WorkspacePackage } from "./workspace-packages.ts";

interface PackResult {
  filename: string;
  files: { path: string }[];
}

const bin = (name: string) => path.join(repoRoot, "node_modules", ".bin", name);

async function checkPackage(
  pkg: WorkspacePackage,
  workspaceVersions: Map<string, string>,
  packDir: string,
): Promise<string[]> {
  if (!existsSync(path.join(pkg.dir, "dist"))) {
    return [`not built (no dist/): run \`npm run build -w ${pkg.name}\` first`];
  }
  const packed = await runCommand("npm", ["pack", "--json", "--pack-destination", packDir], {
    cwd: pkg.dir,
    timeoutMs: 120_000,
  });
  if (packed.code !== 0) return [`npm pack failed:\n${packed.stderr.trim()}`];
  const [pack] = JSON.parse(packed.stdout) as PackResult[];
  if (!pack) return ["npm pack reported no tarball"];
  const tarball = path.join(packDir, pack.filename);

  const problems = manifestProblems(pkg.manifest, {
    relativeDir: pkg.relativeDir,
    workspaceVersions,
    packedFiles: pack.files.map((file) => file.path),
  });

  const publint = await runCommand(bin("publint"), ["run", tarball, "--strict"], {
    timeoutMs: 120_000,
  });
  if (publint.code !== 0) problems.push(`publint --strict:\n${publint.stdout}${publint.stderr}`);

  const assets = assetEntrypoints(pkg.manifest.exports);
  const attw = await runCommand(
    bin("attw"),
    [
      tarball,
      "--profile",
      "esm-only",
      "--format",
      "table-flipped",
      "--no-emoji",
      "--no-color",
      ...(assets.length > 0 ? ["--exclude-entrypoints", ...assets] : []),
    ],
    { timeoutMs: 120_000 },
  );
  if (attw.code !== 0) problems.push(`attw --profile esm-only:\n${attw.stdout}${attw.stderr}`);
  return problems;
}

async function main(): Promise<number> {
  const wanted = process.argv.slice(2);
  const all = await publishablePackages();
  const unknown = wanted.filter((name) => !all.some((pkg) => pkg.name === name));
  if (unknown.length > 0) {
    console.error(`Unknown package(s): ${unknown.join(", ")}`);
    return 2;
  }
  const selected = wanted.length > 0 ? all.filter((pkg) => wanted.includes(pkg.name)) : all;
  const workspaceVersions = new Map(all.map((pkg) => [pkg.name, pkg.version]));
  const packDir = mkdtempSync(path.join(tmpdir(), "ca-timeline-pack-"));
  let failed = 0;
  try {
    for (const pkg of selected) {
      const problems = await checkPackage(pkg, workspaceVersions, packDir);
      if (problems.length === 0) {
        console.log(`✓ ${pkg.name}@${pkg.version}: manifest, publint --strict, attw esm-only`);
      } else {
        failed++;
        console.error(`✗ ${pkg.name}@${pkg.version}:`);
        for (const problem of problems) console.error(`  - ${problem.replaceAll("\n", "\n    ")}`);
      }
    }
  } finally {
    rmSync(packDir, { recursive: true, force: true });
  }
  console.log(`${selected.length - failed}/${selected.length} packages pass the package gates.`);
  return failed === 0 ? 0 : 1;
}

process.exitCode = await main();
