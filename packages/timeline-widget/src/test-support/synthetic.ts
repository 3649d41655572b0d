import type { Dataset, TimelineEvent } from "@ca-timeline/data";

const THEMES = ["economy-energy-resources", "security", "climate-environment", "migration"];
const TYPES = ["summit", "visit", "agreement", "forum"];
const ACTORS = ["DE", "EU", "KZ", "UZ", "KG", "TJ", "TM", "CN"];
const pad = (n: number) => String(n).padStart(2, "0");

/**
 * A deterministic dataset of `count` events spread over 2007–2026, in the shape of `events.json`, for
 * tests and the benchmark. Every third event is day-precise, every third month-precise, the rest year-precise.
 */
export function syntheticDataset(count: number): Dataset {
  const events: TimelineEvent[] = [];
  for (let i = 0; i < count; i++) {
    const year = 2007 + (i % 20);
    const month = 1 + ((i * 7) % 12);
    const day = 1 + ((i * 11) % 28);
    const precision = (["day", "month", "year"] as const)[i % 3]!;
    const date =
      precision === "day"
        ? `${year}-${pad(month)}-${pad(day)}`
        : precision === "month"
          ? `${year}-${pad(month)}`
          : `${year}`;
    const start =
      precision === "year"
        ? `${year}-01-01`
        : precision === "month"
          ? `${year}-${pad(month)}-01`
          : date;
    const end =
      precision === "year"
        ? `${year}-12-31`
        : precision === "month"
          ? `${year}-${pad(month)}-28`
          : date;
    events.push({
      slug: `event-${i}`,
      date,
      start,
      end,
      precision,
      status: i % 17 === 5 ? "planned" : "held",
      type: TYPES[i % TYPES.length]!,
      themes: [
        THEMES[i % THEMES.length]!,
        ...(i % 5 === 0 ? [THEMES[(i + 1) % THEMES.length]!] : []),
      ],
      actors: [ACTORS[i % ACTORS.length]!, ACTORS[(i * 3 + 1) % ACTORS.length]!].filter(
        (a, k, all) => all.indexOf(a) === k,
      ),
      places: i % 2 === 0 ? [{ name: { de: "Astana", en: "Astana" }, country: "KZ" }] : [],
      title: {
        de: `Außenministertreffen Nummer ${i}`,
        en: `Foreign ministers meeting number ${i}`,
      },
      summary: {
        de: `Zusammenfassung ${i} über Energie und Wasser.`,
        en: `Summary ${i} about energy and water.`,
      },
      ...(i % 10 === 0
        ? {
            notes: {
              de: `Quellen nennen Juli statt Juni (${i}).`,
              en: `Sources say July instead of June (${i}).`,
            },
          }
        : {}),
      sources: [
        {
          url: `https://example.org/source/${i}`,
          title: `Source ${i}`,
          publisher: "Example",
          published: `${year}`,
        },
        ...(i % 4 === 0 ? [{ document: "seed-doc" }] : []),
      ],
    });
  }
  const label = (de: string, en: string) => ({ de, en });
  return {
    version: "test+synthetic",
    // One long German compound, as real labels have, to catch layouts that overflow at 320 px.
    themes: THEMES.map((id, i) => ({
      id,
      label: label(
        i === 0 ? "Rohstoffpartnerschaftsabkommensverhandlungen" : `Thema ${id}`,
        `Theme ${id}`,
      ),
    })),
    eventTypes: TYPES.map((id) => ({ id, label: label(`Art ${id}`, `Type ${id}`) })),
    actors: ACTORS.map((id) => ({
      id,
      kind: id === "EU" ? "organisation" : "state",
      name: label(`Staat ${id}`, `State ${id}`),
    })),
    documents: [
      {
        id: "seed-doc",
        title: "Seed paper",
        publisher: "A foundation",
        published: "2023-09",
        language: "de",
      },
    ],
    events,
  };
}
