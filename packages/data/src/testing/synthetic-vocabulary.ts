import type { Actor, EventType, LocalizedText, Place, SourceDocument, Theme } from "../types.ts";

// The fixed vocabulary of synthetic datasets: ids like the real data's, labels in both languages.

/** A title phrase in both languages; the generator appends a place and the event's number. */
type Topic = LocalizedText;

interface SyntheticTheme extends Theme {
  /** Title phrases for events whose first theme this is, so that theme and text agree. */
  topics: Topic[];
}

export const SYNTHETIC_THEMES: readonly SyntheticTheme[] = [
  {
    id: "economy-energy-resources",
    label: { de: "Wirtschaft, Energie und Rohstoffe", en: "Economy, energy and resources" },
    topics: [
      { de: "Gipfel zur Energiepartnerschaft", en: "Energy partnership summit" },
      { de: "Abkommen über grünen Wasserstoff", en: "Green hydrogen energy agreement" },
    ],
  },
  {
    id: "regional-cooperation-resilience",
    label: {
      de: "Regionale Zusammenarbeit und Resilienz",
      en: "Regional cooperation and resilience",
    },
    topics: [
      { de: "Treffen der Außenminister", en: "Foreign ministers' meeting" },
      { de: "Gespräche über regionale Zusammenarbeit", en: "Talks on regional cooperation" },
    ],
  },
  {
    id: "climate-environment",
    label: { de: "Klima, Umwelt und Wasser", en: "Climate, environment and water" },
    topics: [
      { de: "Konferenz über Gletscher und Wasser", en: "Conference on glaciers and water" },
      { de: "Klimaschutzinitiative gestartet", en: "Climate protection initiative launched" },
    ],
  },
  {
    id: "people-to-people",
    label: { de: "Bildung, Kultur und Begegnung", en: "Education, culture and exchange" },
    topics: [{ de: "Forum der Zivilgesellschaft", en: "Civil society forum" }],
  },
  {
    id: "security",
    label: { de: "Sicherheit und Grenzschutz", en: "Security and border management" },
    topics: [
      {
        de: "Dialog über Sicherheit und Grenzübergänge",
        en: "Dialogue on security and border crossings",
      },
      {
        de: "Außenministertreffen zur Sicherheitslage",
        en: "Foreign ministers' meeting on security",
      },
    ],
  },
  {
    id: "democracy-rule-of-law",
    label: {
      de: "Demokratie, Rechtsstaat und Menschenrechte",
      en: "Democracy, rule of law and human rights",
    },
    topics: [{ de: "Menschenrechtsdialog", en: "Human rights dialogue" }],
  },
  {
    id: "trade-connectivity",
    label: { de: "Handel und Verkehrswege", en: "Trade and connectivity" },
    topics: [
      { de: "Eröffnung des Handelskorridors", en: "Trade corridor opened" },
      { de: "Eisenbahnabkommen unterzeichnet", en: "Railway agreement signed" },
    ],
  },
  {
    id: "migration",
    label: { de: "Migration und Fachkräfte", en: "Migration and skilled workers" },
    topics: [{ de: "Migrationsabkommen verhandelt", en: "Migration agreement negotiated" }],
  },
  {
    // One long German compound, as real labels have, to catch layouts that overflow at 320 px.
    id: "critical-raw-materials",
    label: {
      de: "Rohstoffpartnerschaftsabkommensverhandlungen",
      en: "Raw materials partnership negotiations",
    },
    topics: [{ de: "Gespräche über kritische Rohstoffe", en: "Talks on critical raw materials" }],
  },
];

export const SYNTHETIC_TYPES: readonly EventType[] = [
  { id: "summit", label: { de: "Gipfel", en: "Summit" } },
  { id: "ministerial", label: { de: "Ministertreffen", en: "Ministerial meeting" } },
  { id: "visit", label: { de: "Besuch", en: "Visit" } },
  { id: "strategy", label: { de: "Strategie", en: "Strategy" } },
  { id: "agreement", label: { de: "Abkommen", en: "Agreement" } },
  { id: "forum", label: { de: "Forum", en: "Forum" } },
  { id: "crisis", label: { de: "Krise", en: "Crisis" } },
  { id: "report", label: { de: "Bericht", en: "Report" } },
];

const state = (id: string, de: string, en: string): Actor => ({
  id,
  kind: "state",
  name: { de, en },
});
const organisation = (id: string, de: string, en: string): Actor => ({
  id,
  kind: "organisation",
  name: { de, en },
});

export const SYNTHETIC_ACTORS: readonly Actor[] = [
  state("KZ", "Kasachstan", "Kazakhstan"),
  state("KG", "Kirgisistan", "Kyrgyzstan"),
  state("TJ", "Tadschikistan", "Tajikistan"),
  state("TM", "Turkmenistan", "Turkmenistan"),
  state("UZ", "Usbekistan", "Uzbekistan"),
  state("DE", "Deutschland", "Germany"),
  organisation("EU", "Europäische Union", "European Union"),
  state("CN", "China", "China"),
  state("RU", "Russland", "Russia"),
  state("IN", "Indien", "India"),
  state("TR", "Türkei", "Türkiye"),
  state("US", "Vereinigte Staaten", "United States"),
  organisation("OSCE", "OSZE", "OSCE"),
  organisation("UN", "Vereinte Nationen", "United Nations"),
];

/** Cited documents: with and without a URL, in German and English. */
export const SYNTHETIC_DOCUMENTS: readonly SourceDocument[] = [
  {
    id: "eu-central-asia-strategy",
    title: "The EU and Central Asia: New Opportunities for a Stronger Partnership",
    publisher: "European Union",
    published: "2019-05-15",
    language: "en",
    url: "https://example.org/documents/eu-central-asia-strategy",
  },
  {
    id: "zentralasien-papier",
    title: "Zentralasien im Wandel: außenpolitische Überlegungen",
    publisher: "Auswärtiges Amt",
    published: "2023-09",
    language: "de",
    url: "https://example.org/documents/zentralasien-papier",
  },
  {
    id: "stiftung-studie",
    title: "Wasser, Rohstoffe und Energie in Zentralasien",
    publisher: "Eine Stiftung",
    published: "2021",
    language: "de",
  },
];

const place = (de: string, en: string, country: string): Place => ({ name: { de, en }, country });

export const SYNTHETIC_PLACES: readonly Place[] = [
  place("Astana", "Astana", "KZ"),
  place("Almaty", "Almaty", "KZ"),
  place("Bischkek", "Bishkek", "KG"),
  place("Duschanbe", "Dushanbe", "TJ"),
  place("Aşgabat", "Ashgabat", "TM"),
  place("Taschkent", "Tashkent", "UZ"),
  place("Samarkand", "Samarkand", "UZ"),
  place("Berlin", "Berlin", "DE"),
  place("Brüssel", "Brussels", "BE"),
];

/** Words for summaries: many distinct words, ß and umlauts, so that search has something to chew on. */
export const WORDS_DE: readonly string[] = [
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
  "Gespräche",
  "Überschwemmung",
  "Straße",
  "Öl",
  "Größe",
  "Bewässerung",
];

export const WORDS_EN: readonly string[] = [
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
  "meeting",
  "water",
];
