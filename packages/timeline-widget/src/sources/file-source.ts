import type { Dataset } from "@ca-timeline/data";
import { fetchJson, type LoadOptions } from "./fetch-json.ts";
import { readDataset } from "./read-dataset.ts";

/** Loads a file in `events.json` format. */
export async function loadFile(src: string, options: LoadOptions = {}): Promise<Dataset> {
  return readDataset(await fetchJson(src, options, { accept: "application/json" }));
}
