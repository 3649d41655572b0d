// The with-data build's two halves: the bundle embeds the lean one (what the list and the filters need),
// the details file beside it holds the rest. Both come from `@ca-timeline/data`'s dataset, and together
// they are all of it.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { timeline } from "@ca-timeline/data";
import { describe, expect, it } from "vitest";
import { splitDataset, withDetails } from "../src/bundled-details.ts";

const standalone = new URL("../dist/standalone/", import.meta.url);
const { lean, details } = splitDataset(timeline);

describe("the with-data build's lean data and details", () => {
  it("recompose into the whole dataset", () => {
    expect(withDetails(lean, details)).toEqual(timeline);
  });

  it("split the events into the list's fields (CaTimelineList's) and the details", async () => {
    const list = await readFile(
      new URL("../../schema/operations/ca-timeline-list.graphql", import.meta.url),
      "utf8",
    );
    const nodes = list.slice(list.indexOf("nodes {"));
    for (const field of new Set(lean.events.flatMap((e) => Object.keys(e))))
      expect(nodes, field).toMatch(new RegExp(`\\b${field}(De)?\\b`));
    for (const e of Object.values(details.events))
      expect(Object.keys(e)).toEqual(expect.arrayContaining(["summary", "places", "sources"]));
  });

  it("are what the build emitted: the details file beside each bundle, no details in the bundle", async () => {
    for (const build of ["", "development/"]) {
      const file = await readFile(
        new URL(`${build}ca-timeline-with-data.details.json`, standalone),
        "utf8",
      );
      expect(JSON.parse(file), build).toEqual(details);
      const bundle = await readFile(
        new URL(`${build}ca-timeline-with-data.js`, standalone),
        "utf8",
      );
      // (Booleans, not the bundle in a failure message: it is 180 KB. A summary is looked for by its
      // longest stretch without a character that a bundle may escape.)
      for (const e of timeline.events) {
        expect(bundle.includes(e.slug), `${build}${e.slug}`).toBe(true);
        const [summary] = e.summary.en.split(/["'`\\$]/).sort((a, b) => b.length - a.length);
        expect(summary!.length, e.slug).toBeGreaterThan(30);
        expect(bundle.includes(summary!), `${build}${e.slug}: summary`).toBe(false);
      }
    }
  });

  it("are both in the package's exports, side by side", () => {
    const resolve = createRequire(import.meta.url).resolve;
    const standalone = "@ca-timeline/timeline-widget/standalone";
    const bundle = resolve(`${standalone}/ca-timeline-with-data.js`);
    const file = resolve(`${standalone}/ca-timeline-with-data.details.json`);
    expect(path.dirname(file)).toBe(path.dirname(bundle));
  });
});
