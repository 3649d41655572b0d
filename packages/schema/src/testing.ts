import type { Dataset, TimelineEvent } from "@ca-timeline/data";

const THEMES = ["economy-energy-resources", "climate-environment", "security", "migration"];
const TYPES = ["summit", "visit", "agreement", "forum"];
const ACTORS: Array<[string, "state" | "organisation", string, string]> = [
  ["DE", "state", "Deutschland", "Germany"],
  ["KZ", "state", "Kasachstan", "Kazakhstan"],
  ["UZ", "state", "Usbekistan", "Uzbekistan"],
  ["EU", "organisation", "Europäische Union", "European Union"],
];

const pad = (n: number) => String(n).padStart(2, "0");

// `@ca-timeline/schema/testing`: test data for the schema and the servers built on it (the gateway's
// tests use it too). Shipped, small and dependency-free, so that a package's tests need no copy.

/**
 * A deterministic dataset of `count` events across 2007–2026 with every date precision, overlapping
 * intervals, German text with ß and umlauts, notes and partOf links: enough to exercise every query
 * path even while the real dataset is still small.
 */
export function syntheticDataset(count = 250): Dataset {
  const events: TimelineEvent[] = [];
  for (let i = 0; i < count; i++) {
    const year = 2007 + (i % 20);
    const month = 1 + ((i * 7) % 12);
    const day = 1 + ((i * 11) % 28);
    const kind = i % 4;
    let date: string;
    let start: string;
    let end: string;
    let precision: TimelineEvent["precision"];
    if (kind === 0) {
      date = `${year}`;
      start = `${year}-01-01`;
      end = `${year}-12-31`;
      precision = "year";
    } else if (kind === 1) {
      date = `${year}-${pad(month)}`;
      start = `${year}-${pad(month)}-01`;
      end = `${year}-${pad(month)}-28`;
      precision = "month";
    } else if (kind === 2) {
      date = `${year}-${pad(month)}-${pad(day)}`;
      start = date;
      end = date;
      precision = "day";
    } else {
      date = `${year}-${pad(month)}-${pad(day)}/${year}-${pad(month)}-${pad(Math.min(day + 1, 28))}`;
      start = `${year}-${pad(month)}-${pad(day)}`;
      end = `${year}-${pad(month)}-${pad(Math.min(day + 1, 28))}`;
      precision = "day";
    }
    const slug = `event-${String(i).padStart(4, "0")}`;
    const minister = i % 5 === 0;
    events.push({
      slug,
      date,
      start,
      end,
      precision,
      status: i % 9 === 0 ? "planned" : "held",
      type: TYPES[i % TYPES.length]!,
      themes: [
        THEMES[i % THEMES.length]!,
        ...(i % 3 === 0 ? [THEMES[(i + 1) % THEMES.length]!] : []),
      ],
      actors: [ACTORS[i % ACTORS.length]![0], ...(i % 2 === 0 ? ["EU"] : [])].filter(
        (a, n, all) => all.indexOf(a) === n,
      ),
      places: i % 6 === 0 ? [{ name: { de: "Taschkent", en: "Tashkent" }, country: "UZ" }] : [],
      title: {
        de: minister ? `Treffen der Außenminister Nr. ${i}` : `Ereignis Nr. ${i}`,
        en: minister ? `Foreign ministers' meeting no. ${i}` : `Event no. ${i}`,
      },
      summary: { de: `Zusammenfassung ${i}.`, en: `Summary ${i}.` },
      ...(i % 10 === 0 ? { notes: { de: `Anmerkung ${i}.`, en: `Note ${i}.` } } : {}),
      ...(i % 10 === 7 ? { partOf: `event-${String(i - 7).padStart(4, "0")}` } : {}),
      sources:
        i % 2 === 0
          ? [{ document: "doc-1" }]
          : [{ url: `https://example.org/${i}`, title: `Page ${i}`, publisher: "Example" }],
    });
  }
  return {
    version: `0.0.0-test+${count}`,
    themes: THEMES.map((id) => ({ id, label: { de: `Thema ${id}`, en: `Theme ${id}` } })),
    eventTypes: TYPES.map((id) => ({ id, label: { de: `Typ ${id}`, en: `Type ${id}` } })),
    actors: ACTORS.map(([id, kind, de, en]) => ({ id, kind, name: { de, en } })),
    documents: [
      {
        id: "doc-1",
        title: "Ein Dokument",
        publisher: "Auswärtiges Amt",
        published: "2023-09",
        language: "de",
        url: "https://example.org/doc-1",
      },
    ],
    events,
  };
}
