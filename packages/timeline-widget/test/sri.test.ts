// dist/standalone/sri.json: the subresource-integrity hashes the README tells pages to put on their
// <script> tags must be those of the bundles that ship beside them; the with-data bundle's details file
// is checked against the hash that bundle holds.
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";

const standalone = new URL("../dist/standalone/", import.meta.url);

describe("dist/standalone/sri.json", () => {
  it("holds the sha384 hash of each standalone bundle and the details file, and the bundles are single files", async () => {
    const sri = JSON.parse(await readFile(new URL("sri.json", standalone), "utf8")) as Record<
      string,
      string
    >;
    expect(Object.keys(sri).sort()).toEqual([
      "ca-timeline-hydrate.js",
      "ca-timeline-with-data.details.json",
      "ca-timeline-with-data.js",
      "ca-timeline.js",
    ]);
    for (const [file, integrity] of Object.entries(sri)) {
      const code = await readFile(new URL(file, standalone));
      const digest = createHash("sha384").update(code).digest("base64");
      expect(integrity, file).toBe(`sha384-${digest}`);
      // A bundle that imported another chunk would load code its hash does not cover.
      expect(code.toString("utf8"), file).not.toMatch(/\bimport\s*\(|\bfrom\s*["']\.{1,2}\//);
    }
    const scripts = (await readdir(standalone)).filter((name) => name.endsWith(".js"));
    expect(scripts.sort()).toEqual(
      Object.keys(sri)
        .filter((name) => name.endsWith(".js"))
        .sort(),
    );
    // The with-data bundle (both builds) checks the details file against its hash when it fetches it.
    for (const build of ["", "development/"]) {
      const bundle = await readFile(
        new URL(`${build}ca-timeline-with-data.js`, standalone),
        "utf8",
      );
      expect(bundle, build).toContain(sri["ca-timeline-with-data.details.json"]);
      const details = await readFile(
        new URL(`${build}ca-timeline-with-data.details.json`, standalone),
      );
      expect(`sha384-${createHash("sha384").update(details).digest("base64")}`, build).toBe(
        sri["ca-timeline-with-data.details.json"],
      );
    }
  });
});
