import { parseEdtf } from "../edtf.ts";
import type { Dataset, EventStatus, Source, TimelineEvent } from "../types.ts";
import { seededRandom } from "./seeded-random.ts";
import {
  SYNTHETIC_ACTORS,
  SYNTHETIC_DOCUMENTS,
  SYNTHETIC_PLACES,
  SYNTHETIC_THEMES,
  SYNTHETIC_TYPES,
  WORDS_DE,
  WORDS_EN,
} from "./synthetic-vocabulary.ts";

export interface SyntheticOptions {
  /** Seed of the pseudo-random choices (dates, vocabulary, text); the same seed gives the same data. Default 1. */
  seed?: number;
}

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * A deterministic dataset of `count` events in the shape of `events.json`, for tests, demos and load
 * tests. The same `count` and `seed` always give the same data, and a smaller count gives a prefix of
 * a larger one. Even a handful of events covers the cases that break things:
 *
 * - every date precision (year, month, day) and day intervals (`2023-05-04/2023-05-06`), 2007–2026;
 * - all four statuses, notes (every 10th event), `partOf` links to earlier events (so parents exist);
 * - German text with ß and umlauts ("Außenminister"), one theme labelled with a long German compound;
 * - sources by URL, by cited document (with and without a URL) and both; places or none.
 *
 * Slugs are `event-<n>` (n counts from 0), whatever the seed. Events are in no particular order, like
 * a hand-assembled file: sort them, or let `createIndex` do it.
 */
export function syntheticDataset(count: number, options: SyntheticOptions = {}): Dataset {
  const random = seededRandom(options.seed ?? 1);
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;
  const some = <T>(list: readonly T[], max: number): T[] => {
    const out = new Set<T>();
    const n = 1 + int(max);
    while (out.size < n) out.add(pick(list));
    return [...out];
  };
  const sentence = (words: readonly string[], n: number) => {
    const text = Array.from({ length: n }, () => pick(words)).join(" ");
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  };

  const events: TimelineEvent[] = [];
  for (let i = 0; i < count; i++) {
    const year = 2007 + int(20);
    const month = pad(1 + int(12));
    const day = 1 + int(28);
    const parent = i % 10 === 7 ? events[i - 7] : undefined;
    // Precisions cycle so that any few events cover them all; a part shares its parent's date.
    const date =
      parent?.date ??
      [
        `${year}`,
        `${year}-${month}`,
        `${year}-${month}-${pad(day)}`,
        `${year}-${month}-${pad(day)}/${year}-${month}-${pad(Math.min(28, day + 1 + int(3)))}`,
      ][i % 4]!;
    const span = parseEdtf(date);
    if (typeof span === "string") throw new Error(span); // unreachable: the dates above are valid
    const themes = some(SYNTHETIC_THEMES, 3);
    const topic = pick(themes[0]!.topics);
    const place = i % 3 === 2 ? undefined : pick(SYNTHETIC_PLACES);
    const where = place
      ? { de: ` in ${place.name.de}`, en: ` in ${place.name.en}` }
      : { de: "", en: "" };
    const status: EventStatus =
      i % 23 === 11 ? "cancelled" : i % 17 === 9 ? "postponed" : i % 9 === 4 ? "planned" : "held";
    // Not i % 3: that would tie each document to one of the source patterns below.
    const document = SYNTHETIC_DOCUMENTS[Math.floor(i / 3) % SYNTHETIC_DOCUMENTS.length]!.id;
    const page: Source = {
      url: `https://example.org/sources/${i}`,
      title: `${topic.de} (Quelle ${i})`,
      publisher: pick(["Auswärtiges Amt", "European Commission", "Example News"]),
      published: span.start.slice(0, 7),
    };
    const sources: Source[] = [[{ document }], [page], [page, { document }]][i % 3]!;
    events.push({
      slug: `event-${i}`,
      date,
      start: span.start,
      end: span.end,
      precision: span.precision,
      status,
      type: pick(SYNTHETIC_TYPES).id,
      themes: themes.map((t) => t.id),
      actors: some(SYNTHETIC_ACTORS, 4).map((a) => a.id),
      places: place ? [{ name: { ...place.name }, country: place.country }] : [],
      title: { de: `${topic.de}${where.de} (Nr. ${i})`, en: `${topic.en}${where.en} (no. ${i})` },
      summary: {
        de: `${sentence(WORDS_DE, 12)} ${sentence(WORDS_DE, 10)}`,
        en: `${sentence(WORDS_EN, 14)} ${sentence(WORDS_EN, 12)}`,
      },
      ...(i % 10 === 0
        ? {
            notes: {
              de: `Die Quellen nennen unterschiedliche Daten (Nr. ${i}).`,
              en: `The sources give different dates (no. ${i}).`,
            },
          }
        : {}),
      ...(parent ? { partOf: parent.slug } : {}),
      sources,
    });
  }
  return {
    version: `0.0.0-synthetic+${count}.${options.seed ?? 1}`,
    themes: SYNTHETIC_THEMES.map(({ id, label }) => ({ id, label: { ...label } })),
    eventTypes: SYNTHETIC_TYPES.map(({ id, label }) => ({ id, label: { ...label } })),
    actors: SYNTHETIC_ACTORS.map(({ id, kind, name }) => ({ id, kind, name: { ...name } })),
    documents: SYNTHETIC_DOCUMENTS.map((d) => ({ ...d })),
    events,
  };
}
