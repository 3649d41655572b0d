// The examples in examples/, as a new user gets them: the workspace packages packed (what the registry
// will serve), each example copied out of the repository (without node_modules and dist), its
// `@ca-timeline/*` dependencies installed from those tarballs beside its own, then built, type-checked and
// opened in Chromium (`npm run build && npm run typecheck && npm test` in each). An example is a directory
// of examples/ with a package.json whose scripts include `test` (cloudflare-worker has none: it is run by
// edge-runtimes.sh). Chromium comes from the repository's one list of launch flags, handed to the examples
// as CHROMIUM_PATH and CHROMIUM_ARGS. Run it as `npm run test:examples [name…]` (it builds first).
import { cp, mkdir, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromiumLaunchOptions } from "../../packages/timeline-widget/scripts/chromium.ts";
import { runChecked, stopRunningCommands } from "../lib/processes.ts";
import { publishablePackages, repoRoot } from "../release/workspace-packages.ts";

interface Example {
  name: string;
  dependencies: string[];
}

const examplesDir = path.join(repoRoot, "examples");
/** Examples run side by side: installs wait on the network, builds on the 2 cores. */
const concurrency = 2;

async function findExamples(wanted: string[]): Promise<Example[]> {
  const found: Example[] = [];
  for (const entry of await readdir(examplesDir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const manifest = await readFile(
      path.join(examplesDir, entry.name, "package.json"),
      "utf8",
    ).then(
      (text) =>
        JSON.parse(text) as {
          scripts?: Record<string, string>;
          dependencies?: Record<string, string>;
          devDependencies?: Record<string, string>;
        },
      () => undefined,
    );
    if (!manifest?.scripts?.test) continue;
    if (wanted.length > 0 && !wanted.includes(entry.name)) continue;
    const dependencies = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies });
    found.push({ name: entry.name, dependencies });
  }
  const unknown = wanted.filter((name) => !found.some((example) => example.name === name));
  if (unknown.length > 0) throw new Error(`no example with a test script: ${unknown.join(", ")}`);
  return found.sort((a, b) => a.name.localeCompare(b.name));
}

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

async function main(): Promise<void> {
  const started = performance.now();
  const examples = await findExamples(process.argv.slice(2));
  const work = await mkdtemp(path.join(tmpdir(), "ca-timeline-examples-"));
  try {
    console.log("▶ building and packing the workspace packages");
    await runChecked("npm", ["run", "build", "--", "--output-logs=errors-only"], {
      cwd: repoRoot,
      timeoutMs: 10 * 60_000,
    });
    const packages = await publishablePackages();
    const tarballs = path.join(work, "tarballs");
    await mkdir(tarballs);
    const packed = await runChecked(
      "npm",
      [
        "pack",
        "--json",
        "--pack-destination",
        tarballs,
        ...packages.flatMap((p) => ["-w", p.name]),
      ],
      { cwd: repoRoot, timeoutMs: 5 * 60_000 },
    );
    const tarballOf = new Map(
      (JSON.parse(packed.stdout) as { name: string; filename: string }[]).map((p) => [
        p.name,
        path.join(tarballs, p.filename),
      ]),
    );

    // The examples' folder as a user would copy it: shared test helpers beside the examples, no build output.
    await cp(examplesDir, path.join(work, "examples"), {
      recursive: true,
      filter: (source) => !/[\\/](node_modules|dist|\.svelte-kit|\.astro)$/.test(source),
    });
    const env = {
      ...process.env,
      CHROMIUM_PATH: chromiumLaunchOptions.executablePath,
      CHROMIUM_ARGS: chromiumLaunchOptions.args.join(" "),
      CI: "true",
    };

    const failures: string[] = [];
    const queue = [...examples];
    const runNext = async (): Promise<void> => {
      for (let example = queue.shift(); example; example = queue.shift()) {
        const cwd = path.join(work, "examples", example.name);
        const local = example.dependencies.filter((name) => tarballOf.has(name));
        const steps: [string, string[]][] = [
          [
            "install",
            [
              "install",
              "--no-audit",
              "--no-fund",
              "--prefer-offline",
              "--loglevel=error",
              ...local.map((name) => tarballOf.get(name) ?? name),
            ],
          ],
          ["build", ["run", "build"]],
          ["typecheck", ["run", "typecheck"]],
          ["test", ["test"]],
        ];
        const times: string[] = [];
        try {
          for (const [step, args] of steps) {
            const since = performance.now();
            await runChecked("npm", args, { cwd, env, timeoutMs: 5 * 60_000 });
            times.push(`${step} ${seconds(since)}`);
          }
          console.log(`✓ examples/${example.name}: ${times.join(", ")}`);
        } catch (error) {
          failures.push(example.name);
          console.error(`✗ examples/${example.name} (${times.join(", ")}):\n${String(error)}`);
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, runNext));
    const passed = examples.length - failures.length;
    console.log(`examples: ${passed} passed, ${failures.length} failed (${seconds(started)})`);
    if (failures.length > 0) process.exitCode = 1;
  } finally {
    await stopRunningCommands();
    await rm(work, { recursive: true, force: true });
  }
}

await main();
