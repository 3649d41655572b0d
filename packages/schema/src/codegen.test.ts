// The README's graphql-codegen configurations, run as written: a throwaway project whose node_modules holds
// this package (linked), graphql, and graphql-codegen's CLI and typescript plugin.
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCommand } from "../../../scripts/lib/processes.ts";

const require = createRequire(import.meta.url);
const packageRoot = fileURLToPath(new URL("..", import.meta.url));

/** The installed directory of a dependency (`…/node_modules/<name>`). */
function installed(name: string, entry = name): string {
  const path = require.resolve(entry);
  const at = path.lastIndexOf(`node_modules/${name}/`);
  return path.slice(0, at + `node_modules/${name}`.length);
}

/** The ```ts blocks of the README's graphql-codegen section. */
async function readmeConfigs(): Promise<string[]> {
  const readme = await readFile(join(packageRoot, "README.md"), "utf8");
  const start = readme.indexOf("### With GraphQL Code Generator");
  // The section ends where the next chapter (## …) begins.
  const end = readme.indexOf("\n## ", start);
  const section = readme.slice(start, end === -1 ? undefined : end);
  return [...section.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);
}

let project: string;

/**
 * Runs graphql-codegen in the project as a user would (`graphql-codegen --config <file>`); resolves with
 * its exit code and output.
 */
function codegen(configFile: string) {
  // Vitest sets NODE_ENV=test, which silences graphql-codegen's output; a user's shell does not.
  const { NODE_ENV: _, ...env } = process.env;
  const bin = join(project, "node_modules/@graphql-codegen/cli/esm/bin.js");
  return runCommand(process.execPath, [bin, "--config", configFile], { cwd: project, env });
}

beforeAll(async () => {
  project = await mkdtemp(join(tmpdir(), "ca-timeline-codegen-"));
  const modules = join(project, "node_modules");
  await mkdir(join(modules, "@ca-timeline"), { recursive: true });
  await symlink(packageRoot, join(modules, "@ca-timeline", "schema"), "dir");
  await symlink(installed("graphql"), join(modules, "graphql"), "dir");
  const codegenPackages = installed("@graphql-codegen/typescript").replace(/\/typescript$/, "");
  await symlink(codegenPackages, join(modules, "@graphql-codegen"), "dir");
  await writeFile(
    join(project, "package.json"),
    JSON.stringify({ name: "app", private: true, type: "module" }),
  );
});

afterAll(async () => {
  await rm(project, { recursive: true, force: true });
});

describe("graphql-codegen with schema.graphql", { timeout: 60_000 }, () => {
  it("the README shows two configurations", async () => {
    const configs = await readmeConfigs();
    expect(configs).toHaveLength(2);
    expect(configs[0]).toContain('schema: "node_modules/@ca-timeline/schema/schema.graphql"');
    expect(configs[1]).toContain('require.resolve("@ca-timeline/schema/schema.graphql")');
  });

  it("generates the API's TypeScript types with each, as written", async () => {
    const sdl = await readFile(join(packageRoot, "schema.graphql"), "utf8");
    const names = [...sdl.matchAll(/^(?:type|input|enum) (\w+)/gm)].map((m) => m[1]!);
    expect(names.length).toBeGreaterThan(10);
    // One file name per configuration: the config loader caches what it compiled.
    for (const [i, config] of (await readmeConfigs()).entries()) {
      await writeFile(join(project, `codegen-${i}.ts`), config);
      const output = join(project, "src", "generated", "graphql.ts");
      await rm(output, { force: true });
      const run = await codegen(`codegen-${i}.ts`);
      expect(run.code, run.stdout + run.stderr).toBe(0);
      const types = await readFile(output, "utf8");
      for (const name of names) {
        expect(types, name).toMatch(new RegExp(`^export (?:type|enum) ${name} `, "m"));
      }
      expect(types).toContain("export type EventFilter = {");
    }
  });

  it("does not take the package export as `schema`, as the README warns", async () => {
    const [config] = await readmeConfigs();
    await writeFile(
      join(project, "codegen-export.ts"),
      config!.replace(
        "node_modules/@ca-timeline/schema/schema.graphql",
        "@ca-timeline/schema/schema.graphql",
      ),
    );
    const run = await codegen("codegen-export.ts");
    expect(run.code).not.toBe(0);
    expect(run.stdout + run.stderr).toContain("Unable to find any GraphQL type definitions");
  });
});
