import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { maxBump, pendingBumps } from "./pending-bumps.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function repoWithChangesets(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), "pending-bumps-"));
  dirs.push(root);
  mkdirSync(path.join(root, ".changeset"));
  writeFileSync(path.join(root, ".changeset", "config.json"), "{}");
  for (const [name, text] of Object.entries(files)) {
    writeFileSync(path.join(root, ".changeset", name), text);
  }
  return root;
}

describe("pendingBumps", () => {
  it("keeps the highest bump per package across changesets", async () => {
    const root = repoWithChangesets({
      "one.md": '---\n"@ca-timeline/schema": minor\n"@ca-timeline/data": patch\n---\n\nOne.\n',
      "two.md": '---\n"@ca-timeline/schema": major\n---\n\nTwo.\n',
      "three.md": '---\n"@ca-timeline/data": minor\n---\n\nThree.\n',
    });
    const bumps = await pendingBumps(root);
    expect(bumps.get("@ca-timeline/schema")).toBe("major");
    expect(bumps.get("@ca-timeline/data")).toBe("minor");
    expect(bumps.has("@ca-timeline/gateway")).toBe(false);
  });

  it("reads an empty changeset as no release", async () => {
    const root = repoWithChangesets({ "empty.md": "---\n---\n\nDocs only.\n" });
    expect((await pendingBumps(root)).size).toBe(0);
  });
});

describe("maxBump", () => {
  it("orders none < patch < minor < major", () => {
    expect(maxBump("patch", "minor")).toBe("minor");
    expect(maxBump("major", "patch")).toBe("major");
    expect(maxBump("none", "patch")).toBe("patch");
  });
});
