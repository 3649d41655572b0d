// Release rehearsal: the whole release, for real, against a throw-away registry.
//
//  1. starts Verdaccio on 127.0.0.1 (storage in a temp dir, no uplinks; only our scope points to it);
//  2. copies the repository into a temp dir (the real working tree and its changesets stay as they
//     are), adds a changeset there, runs `npm run version-packages`, builds and `changeset publish`es;
//  3. installs each package on its own into an empty project from that registry and proves it works:
//     data (import, count events), schema (an HTTP GraphQL server built from it), gateway (the
//     installed bin, queried over HTTP), widget (both standalone bundles rendering in Chromium);
//  4. runs the SDL gate against the registry: the release just published passes, a removed field
//     without a major changeset fails;
//  5. stops Verdaccio (it runs in process) and removes the temp dirs, also on failure or timeout.
//
// Usage: npm run release:rehearse [-- --keep]   (--keep leaves the temp dir for inspection)
// Needs built packages? No: it builds in the copy, after versioning, like the release workflow.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { type RunOptions, runChecked, runCommand, stopRunningCommands } from "../lib/processes.ts";
import { checkGateway } from "./rehearsal/check-gateway.ts";
import { checkWidget } from "./rehearsal/check-widget.ts";
import { copyRepository } from "./rehearsal/copy-repository.ts";
import { type Registry, startVerdaccio } from "./rehearsal/verdaccio.ts";
import { publishablePackages, repoRoot, type WorkspacePackage } from "./workspace-packages.ts";

const TOTAL_TIMEOUT_MS = 20 * 60_000;
const { values: flags } = parseArgs({ options: { keep: { type: "boolean", default: false } } });

const started = Date.now();
const step = (title: string) =>
  console.log(`\n▶ ${title}  (+${((Date.now() - started) / 1000).toFixed(0)} s)`);

const work = mkdtempSync(path.join(tmpdir(), "ca-timeline-rehearsal-"));
let registry: Registry | undefined;
let cleaning: Promise<void> | undefined;

/** Stops what the rehearsal started and removes its files; every caller awaits the same run. */
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    await stopRunningCommands();
    if (registry) {
      await registry.stop();
      console.log("  stopped Verdaccio");
    }
    if (flags.keep) console.log(`  kept ${work}`);
    else rmSync(work, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  })();
  return cleaning;
}

// Bounded in time, and clean even when interrupted.
const watchdog = setTimeout(async () => {
  console.error(`✗ rehearsal: timed out after ${TOTAL_TIMEOUT_MS / 60_000} min`);
  await cleanUp();
  process.exit(1);
}, TOTAL_TIMEOUT_MS);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, async () => {
    await cleanUp();
    process.exit(130);
  });
}

const bin = (name: string) => path.join(repoRoot, "node_modules", ".bin", name);
const npm = (args: string[], options: RunOptions) => runChecked("npm", args, options);

function writeNpmrc(dir: string, npmrc: string) {
  writeFileSync(path.join(dir, ".npmrc"), npmrc);
}

async function versionAndPublish(copy: string, packages: WorkspacePackage[]) {
  step("Adding a changeset and versioning (npm run version-packages)");
  await runChecked(
    bin("changeset"),
    [
      "add",
      "--patch",
      packages.map((pkg) => pkg.name).join(","),
      "-m",
      "Release rehearsal: publish every package to a throw-away registry.",
    ],
    { cwd: copy, timeoutMs: 60_000 },
  );
  await npm(["run", "version-packages"], { cwd: copy, timeoutMs: 5 * 60_000 });
  const versioned = await publishablePackages(copy);
  for (const pkg of versioned) {
    const changelog = readFileSync(path.join(pkg.dir, "CHANGELOG.md"), "utf8");
    if (!changelog.includes(`## ${pkg.version}`)) {
      throw new Error(`${pkg.name}: CHANGELOG.md has no "## ${pkg.version}" section`);
    }
    console.log(`  ${pkg.name} ${pkg.version}  CHANGELOG.md:\n${indent(changelog.trim(), 4)}`);
    for (const [name, range] of Object.entries(
      (pkg.manifest.dependencies ?? {}) as Record<string, string>,
    )) {
      if (name.startsWith("@ca-timeline/")) console.log(`    depends on ${name}@${range}`);
    }
    // Provenance needs a CI identity (GitHub's OIDC token); here npm would refuse to publish.
    const manifestFile = path.join(pkg.dir, "package.json");
    const manifest = JSON.parse(readFileSync(manifestFile, "utf8"));
    manifest.publishConfig = { ...manifest.publishConfig, provenance: false };
    writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
  }

  step("Building the versioned copy (npm run build)");
  await npm(["run", "build", "--", "--output-logs=errors-only"], {
    cwd: copy,
    timeoutMs: 10 * 60_000,
  });

  step("Publishing to the rehearsal registry (changeset publish)");
  const publish = await runChecked(bin("changeset"), ["publish"], {
    cwd: copy,
    timeoutMs: 5 * 60_000,
  });
  console.log(indent(publish.stdout.trim(), 2));
  for (const pkg of versioned) {
    const view = await npm(["view", `${pkg.name}@${pkg.version}`, "version", "dist.tarball"], {
      cwd: copy,
      timeoutMs: 60_000,
    });
    if (!view.stdout.includes(registry!.url)) {
      throw new Error(
        `${pkg.name}@${pkg.version} did not come from the rehearsal registry:\n${view.stdout}`,
      );
    }
  }
  console.log(`  all ${versioned.length} packages are on ${registry!.url}`);
  return versioned;
}

/** An empty project with only `specs` installed from the rehearsal registry (and npm for the rest). */
async function consumer(name: string, specs: string[]) {
  const dir = path.join(work, "consumers", name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, "package.json"),
    `${JSON.stringify({ name: `rehearsal-${name}`, private: true, type: "module" }, null, 2)}\n`,
  );
  writeNpmrc(dir, registry!.npmrc);
  await npm(["install", "--no-audit", "--no-fund", "--loglevel=error", ...specs], {
    cwd: dir,
    timeoutMs: 5 * 60_000,
  });
  return dir;
}

async function runSmoke(dir: string, script: string) {
  cpSync(path.join(import.meta.dirname, "rehearsal", "smoke", script), path.join(dir, script));
  const result = await runChecked(process.execPath, [script], { cwd: dir, timeoutMs: 120_000 });
  return result.stdout.trim();
}

async function verifyInstalls(versioned: WorkspacePackage[]) {
  const version = (name: string) => versioned.find((pkg) => pkg.name === name)!.version;

  step("@ca-timeline/data alone in an empty project");
  const data = await consumer("data", [`@ca-timeline/data@${version("@ca-timeline/data")}`]);
  console.log(`  ✓ ${await runSmoke(data, "data.mjs")}`);

  step("@ca-timeline/schema alone (with its peer graphql): a server built from the schema");
  const schema = await consumer("schema", [
    `@ca-timeline/schema@${version("@ca-timeline/schema")}`,
    "graphql@^16",
  ]);
  console.log(`  ✓ ${await runSmoke(schema, "schema.mjs")}`);

  step("@ca-timeline/gateway alone: the installed ca-timeline-gateway bin");
  const gateway = await consumer("gateway", [
    `@ca-timeline/gateway@${version("@ca-timeline/gateway")}`,
  ]);
  console.log(`  ✓ ${await checkGateway(gateway)}`);

  step("@ca-timeline/timeline-widget alone: standalone bundles in Chromium");
  const widget = await consumer("timeline-widget", [
    `@ca-timeline/timeline-widget@${version("@ca-timeline/timeline-widget")}`,
  ]);
  for (const line of await checkWidget(widget)) console.log(`  ✓ ${line}`);
}

async function verifySdlGate(copy: string) {
  step("SDL gate against the registry");
  const gate = (options: RunOptions = {}) =>
    runCommand(
      process.execPath,
      [path.join(import.meta.dirname, "check-schema-sdl.ts"), "--root", copy],
      {
        cwd: copy,
        timeoutMs: 120_000,
        ...options,
      },
    );
  const unchanged = await gate();
  if (unchanged.code !== 0)
    throw new Error(`the SDL gate failed on the released SDL:\n${unchanged.stderr}`);
  console.log(`  ✓ unchanged SDL: ${unchanged.stdout.trim().split("\n").at(-1)}`);

  const sdlFile = path.join(copy, "packages", "schema", "schema.graphql");
  const sdl = readFileSync(sdlFile, "utf8");
  const broken = sdl.replace(/^(\s*)eventTypes: \[EventType!\]!\n/m, "");
  if (broken === sdl)
    throw new Error("could not remove Query.eventTypes to simulate a breaking change");
  writeFileSync(sdlFile, broken);
  try {
    const rejected = await gate();
    if (rejected.code === 0)
      throw new Error("the SDL gate let a removed field through without a major changeset");
    console.log(`  ✓ removed Query.eventTypes without a major changeset: rejected`);
  } finally {
    writeFileSync(sdlFile, sdl);
  }
}

function indent(text: string, spaces: number) {
  return text.replace(/^/gm, " ".repeat(spaces));
}

try {
  console.log(`Release rehearsal in ${work}`);
  step("Starting Verdaccio on 127.0.0.1");
  registry = await startVerdaccio(path.join(work, "registry"));
  console.log(`  ${registry.url} (in process)`);

  step("Copying the repository (tracked and new files)");
  const copy = path.join(work, "repo");
  await copyRepository(repoRoot, copy);
  const packages = await publishablePackages(copy);
  writeNpmrc(copy, registry.npmrc);
  for (const pkg of packages) writeNpmrc(pkg.dir, registry.npmrc);

  const versioned = await versionAndPublish(copy, packages);
  await verifyInstalls(versioned);
  await verifySdlGate(copy);
  console.log(`\n✓ release rehearsal passed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
} catch (error) {
  console.error(
    `\n✗ release rehearsal failed: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exitCode = 1;
} finally {
  clearTimeout(watchdog);
  await cleanUp();
}
// Everything this script started is stopped by now; do not wait for stray handles of libraries.
process.exit(process.exitCode ?? 0);
