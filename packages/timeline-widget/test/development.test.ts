// The `development` export condition: bundlers and dev servers that set it get readable standalone builds
// with Lit's development build (its warnings); everything else gets the minified production bundles.
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import manifest from "../package.json" with { type: "json" };

const read = (path: string) => readFile(new URL(`../${path}`, import.meta.url), "utf8");

describe("the development export condition", () => {
  it.each(["./standalone/ca-timeline.js", "./standalone/ca-timeline-with-data.js"] as const)(
    "%s has a development build with Lit's dev mode",
    async (subpath) => {
      const entry = manifest.exports[subpath];
      expect(Object.keys(entry)).toEqual(["types", "development", "default"]);
      expect(await read(entry.development)).toContain("Lit is in dev mode");
      expect(await read(entry.default)).not.toContain("Lit is in dev mode");
    },
  );
});
