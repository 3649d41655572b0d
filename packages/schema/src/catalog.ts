import type { Actor, Dataset, EventType, SourceDocument, Theme } from "@ca-timeline/data";
import { createIndex, type EventIndex } from "@ca-timeline/data/query";

/** The dataset with its query index and id lookups, built once per schema. */
export interface Catalog {
  dataset: Dataset;
  index: EventIndex;
  themes: ReadonlyMap<string, Theme>;
  eventTypes: ReadonlyMap<string, EventType>;
  actors: ReadonlyMap<string, Actor>;
  documents: ReadonlyMap<string, SourceDocument>;
  /** First day of the earliest event and last day of the latest-ending one; null when empty. */
  firstDate: string | null;
  lastDate: string | null;
}

const byId = <T extends { id: string }>(items: readonly T[]) =>
  new Map(items.map((i) => [i.id, i]));

export function createCatalog(dataset: Dataset, maxPageSize: number): Catalog {
  const index = createIndex(dataset, { maxPageSize });
  let lastDate: string | null = null;
  for (const event of index.events)
    if (lastDate === null || event.end > lastDate) lastDate = event.end;
  return {
    dataset,
    index,
    themes: byId(dataset.themes),
    eventTypes: byId(dataset.eventTypes),
    actors: byId(dataset.actors),
    documents: byId(dataset.documents),
    firstDate: index.events[0]?.start ?? null,
    lastDate,
  };
}
