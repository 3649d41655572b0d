// The with-data build's dataset in two halves: the lean part it embeds (what the list and the filters
// need: CaTimelineList's fields, the endpoint's first payload) and the details it fetches after the first
// render from a file beside it. The build splits `@ca-timeline/data`'s dataset (scripts/build.ts); the
// bundle puts the halves back together (src/with-data.ts). Nothing here is in `ca-timeline.js`.
import type { Dataset, TimelineEvent } from "@ca-timeline/data";

/** An event's fields in the lean half (those of `packages/schema/operations/ca-timeline-list.graphql`). */
const LIST_FIELDS = [
  "slug",
  "date",
  "start",
  "end",
  "precision",
  "status",
  "milestone",
  "title",
  "type",
  "themes",
  "actors",
  "partOf",
] as const;
/** An event's fields in the details half (those of `ca-timeline-details.graphql`). */
const DETAIL_FIELDS = ["summary", "notes", "places", "sources"] as const;

export type LeanEvent = Pick<TimelineEvent, (typeof LIST_FIELDS)[number]>;
export type EventDetails = Pick<TimelineEvent, (typeof DETAIL_FIELDS)[number]>;

/** The embedded half: vocabularies, version, retired slugs and each event's list fields. */
export interface LeanDataset extends Omit<Dataset, "documents" | "events"> {
  events: LeanEvent[];
}

/** The fetched half: the cited documents and each event's details, by slug. */
export interface DatasetDetails {
  version: string;
  documents: Dataset["documents"];
  events: Record<string, EventDetails>;
}

function pick<T extends object, K extends keyof T>(item: T, keys: readonly K[]): Pick<T, K> {
  const picked = {} as Pick<T, K>;
  for (const key of keys) if (item[key] !== undefined) picked[key] = item[key];
  return picked;
}

/** Splits a dataset into the lean half and the details (build time). */
export function splitDataset(dataset: Dataset): { lean: LeanDataset; details: DatasetDetails } {
  const { documents, events, ...vocabularies } = dataset;
  return {
    lean: { ...vocabularies, events: events.map((e) => pick(e, LIST_FIELDS)) },
    details: {
      version: dataset.version,
      documents,
      events: Object.fromEntries(events.map((e) => [e.slug, pick(e, DETAIL_FIELDS)])),
    },
  };
}

/**
 * The dataset of the lean half with its details; without details, each event's are empty until they
 * arrive (the element then shows the list and says the details are loading).
 */
export function withDetails(lean: LeanDataset, details?: DatasetDetails): Dataset {
  return {
    ...lean,
    documents: details?.documents ?? [],
    events: lean.events.map((e) => ({
      summary: { de: "", en: "" },
      places: [],
      sources: [],
      ...e,
      ...details?.events[e.slug],
    })),
  };
}
