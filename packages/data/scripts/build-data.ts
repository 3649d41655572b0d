// Validates every source file and writes the generated dataset:
//   src/events.json   the dataset (compiled into dist/events.json by tsc)
//   dist/schema.json  JSON Schema of events.json, with the vocabularies' ids as enums
//   dist/events.csv   one flat row per event (scripts/events-csv.ts)
// Flags: --check validates only; --quiet prints nothing on success.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { DataValidationError, loadSources } from "../src/validation/load-sources.ts";
import { datasetWithVocabulary } from "../src/validation/schemas.ts";
import { eventsCsv } from "./events-csv.ts";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const check = process.argv.includes("--check");
const quiet = process.argv.includes("--quiet");

const pkg = JSON.parse(await readFile(join(root, "package.json"), "utf8")) as { version: string };

try {
  const dataset = await loadSources(root, pkg.version);
  if (!check) {
    await writeFile(join(root, "src", "events.json"), `${JSON.stringify(dataset, null, 1)}\n`);
    // The shipped schema describes the shipped dataset: its vocabularies' ids become enums.
    const ids = (list: ReadonlyArray<{ id: string }>) => list.map((item) => item.id);
    const schema = z.toJSONSchema(
      datasetWithVocabulary({
        themes: ids(dataset.themes),
        eventTypes: ids(dataset.eventTypes),
        actors: ids(dataset.actors),
        documents: ids(dataset.documents),
      }),
      { target: "draft-2020-12" },
    );
    const jsonSchema = {
      $id: "https://github.com/ca-timeline/ca-timeline/blob/main/packages/data/dist/schema.json",
      title: "ca-timeline events.json",
      ...schema,
    };
    await mkdir(join(root, "dist"), { recursive: true });
    await writeFile(join(root, "dist", "schema.json"), `${JSON.stringify(jsonSchema, null, 2)}\n`);
    await writeFile(join(root, "dist", "events.csv"), eventsCsv(dataset));
  }
  if (!quiet) {
    const years = dataset.events.map((e) => e.start.slice(0, 4));
    console.log(
      `@ca-timeline/data ${dataset.version}: ${dataset.events.length} events (${years[0] ?? "–"}–${years.at(-1) ?? "–"}), ` +
        `${dataset.themes.length} themes, ${dataset.eventTypes.length} types, ${dataset.actors.length} actors, ` +
        `${dataset.documents.length} documents — ${check ? "valid" : "built"}`,
    );
  }
} catch (error) {
  if (error instanceof DataValidationError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
