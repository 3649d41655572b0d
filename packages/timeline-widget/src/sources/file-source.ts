import type { Dataset } from "@ca-timeline/data";
import { fetchJson } from "./fetch-json.ts";
import { readDataset } from "./read-dataset.ts";

/** Loads a file in `events.json` format. */
export async function loadFile(src: string, signal: AbortSignal): Promise<Dataset> {
  return readDataset(await fetchJson(src, signal, { headers: { accept: "application/json" } }));
}
