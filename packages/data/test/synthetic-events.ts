import type { TimelineEvent } from "../src/types.ts";

export const SYNTHETIC_THEMES = [
  "economy-energy-resources",
  "regional-cooperation-resilience",
  "climate-environment",
  "people-to-people",
  "security",
  "democracy-rule-of-law",
  "trade-connectivity",
  "migration",
];
export const SYNTHETIC_TYPES = [
  "summit",
  "ministerial",
  "visit",
  "strategy",
  "agreement",
  "forum",
  "crisis",
  "report",
];
export const SYNTHETIC_ACTORS = [
  "KZ",
  "KG",
  "TJ",
  "TM",
  "UZ",
  "DE",
  "EU",
  "CN",
  "RU",
  "IN",
  "TR",
  "US",
  "OSCE",
  "UN",
];
const WORDS_DE = [
  "Gipfel",
  "Außenminister",
  "Energiepartnerschaft",
  "Wasserstoff",
  "Rohstoffe",
  "Grenzvertrag",
  "Eisenbahn",
  "Migrationsabkommen",
  "Zivilgesellschaft",
  "Klimaschutz",
  "Gletscher",
  "Handelskorridor",
  "Sicherheit",
  "Forum",
];
const WORDS_EN = [
  "summit",
  "foreign",
  "ministers",
  "energy",
  "partnership",
  "hydrogen",
  "raw",
  "materials",
  "border",
  "treaty",
  "railway",
  "migration",
  "civil",
  "society",
  "climate",
  "glaciers",
  "trade",
  "corridor",
  "security",
  "forum",
];
const CITIES = [
  "Astana",
  "Bischkek",
  "Duschanbe",
  "Aşgabat",
  "Taschkent",
  "Samarkand",
  "Berlin",
  "Brüssel",
];

/** A deterministic pseudo-random generator (mulberry32), so benchmarks and tests see the same data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` synthetic events spread over 2007–2026 at all three precisions, in random order. */
export function syntheticEvents(count: number, seed = 1): TimelineEvent[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const some = <T>(list: readonly T[], max: number): T[] => {
    const out = new Set<T>();
    const n = 1 + Math.floor(random() * max);
    while (out.size < n) out.add(pick(list));
    return [...out];
  };
  const sentence = (words: readonly string[], n: number) =>
    Array.from({ length: n }, () => pick(words)).join(" ");
  const events: TimelineEvent[] = [];
  for (let i = 0; i < count; i++) {
    const year = 2007 + Math.floor(random() * 20);
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    const mm = String(month).padStart(2, "0");
    const dd = String(day).padStart(2, "0");
    const kind = random();
    let date: string;
    let start: string;
    let end: string;
    let precision: TimelineEvent["precision"];
    if (kind < 0.1) {
      date = String(year);
      start = `${year}-01-01`;
      end = `${year}-12-31`;
      precision = "year";
    } else if (kind < 0.3) {
      date = `${year}-${mm}`;
      start = `${year}-${mm}-01`;
      end = `${year}-${mm}-28`;
      precision = "month";
    } else {
      date = `${year}-${mm}-${dd}`;
      start = date;
      end = date;
      precision = "day";
    }
    const city = pick(CITIES);
    events.push({
      slug: `synthetic-event-${i}`,
      date,
      start,
      end,
      precision,
      status: "held",
      type: pick(SYNTHETIC_TYPES),
      themes: some(SYNTHETIC_THEMES, 3),
      actors: some(SYNTHETIC_ACTORS, 4),
      places: [{ name: { de: city, en: city }, country: "KZ" }],
      title: { de: `${sentence(WORDS_DE, 3)} ${i}`, en: `${sentence(WORDS_EN, 4)} ${i}` },
      summary: { de: sentence(WORDS_DE, 25), en: sentence(WORDS_EN, 30) },
      sources: [
        {
          url: `https://example.org/${i}`,
          title: "Example",
          publisher: "Example",
          published: date,
        },
      ],
    });
  }
  return events;
}
