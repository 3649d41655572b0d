// Writes schema.graphql from the code (`npm run print-schema -w @ca-timeline/schema`);
// `--check` exits 1 when the committed file is stale instead of writing it.
import { readFile, writeFile } from "node:fs/promises";
import { createSchema } from "../src/index.ts";
import { printSortedSchema } from "../src/print.ts";

const file = new URL("../schema.graphql", import.meta.url);
const sdl = printSortedSchema(createSchema());
if (process.argv.includes("--check")) {
  const committed = await readFile(file, "utf8").catch(() => "");
  if (committed !== sdl) {
    console.error("schema.graphql is stale: run `npm run print-schema -w @ca-timeline/schema`");
    process.exit(1);
  }
} else {
  await writeFile(file, sdl);
  console.log(`wrote ${file.pathname}`);
}
