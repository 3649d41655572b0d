// Runs inside an empty project that installed only @ca-timeline/data from the rehearsal registry.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { events, index, timeline, version } from "@ca-timeline/data";
import { createIndex } from "@ca-timeline/data/query";

const require = createRequire(import.meta.url);
const manifest = JSON.parse(
  readFileSync(require.resolve("@ca-timeline/data/package.json"), "utf8"),
);
const json = JSON.parse(readFileSync(require.resolve("@ca-timeline/data/events.json"), "utf8"));

assert.ok(events.length > 0, "the bundled data has events");
assert.equal(json.events.length, events.length, "events.json holds the same events");
assert.equal(index.count({}), events.length, "the ready index counts every event");
assert.equal(createIndex(timeline).query({ first: 5 }).totalCount, events.length);
assert.ok(
  version.startsWith(manifest.version),
  `dataset version ${version} names ${manifest.version}`,
);

console.log(
  JSON.stringify({ package: manifest.name, version: manifest.version, events: events.length }),
);
