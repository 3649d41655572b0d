import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { runCommand } from "../lib/processes.ts";

export interface ReleasedFile {
  version: string;
  text: string;
}

/**
 * Reads one file from the `latest` release of a package on the registry npm is configured with
 * (so a scoped registry in .npmrc, e.g. the rehearsal's Verdaccio, is honoured). Returns null when
 * the package has never been published; throws when the registry cannot be asked, because a gate
 * that passes when it cannot see is no gate.
 */
export async function readReleasedFile(
  packageName: string,
  file: string,
  cwd: string,
): Promise<ReleasedFile | null> {
  const view = await runCommand("npm", ["view", `${packageName}@latest`, "version", "--json"], {
    cwd,
    timeoutMs: 60_000,
  });
  if (view.code !== 0) {
    if (/E404|404 Not Found|is not in this registry/.test(view.stdout + view.stderr)) return null;
    throw new Error(`npm view ${packageName} failed:\n${view.stderr.trim()}`);
  }
  const version = JSON.parse(view.stdout) as string;
  const dir = mkdtempSync(path.join(tmpdir(), "ca-timeline-released-"));
  try {
    const pack = await runCommand(
      "npm",
      ["pack", `${packageName}@${version}`, "--pack-destination", dir, "--json"],
      { cwd, timeoutMs: 120_000 },
    );
    if (pack.code !== 0)
      throw new Error(`npm pack ${packageName}@${version} failed:\n${pack.stderr}`);
    const [packed] = JSON.parse(pack.stdout) as { filename: string }[];
    const tarball = path.join(dir, packed!.filename);
    const untar = await runCommand("tar", ["-xzf", tarball, "-C", dir, `package/${file}`], {
      timeoutMs: 60_000,
    });
    if (untar.code !== 0) {
      throw new Error(`${packageName}@${version} has no ${file}:\n${untar.stderr.trim()}`);
    }
    return { version, text: readFileSync(path.join(dir, "package", file), "utf8") };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
