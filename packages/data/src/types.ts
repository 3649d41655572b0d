/** A text in both languages of the dataset. */
export interface LocalizedText {
  de: string;
  en: string;
}

export type Lang = keyof LocalizedText;
export const LANGS: readonly Lang[] = ["de", "en"];

export type DatePrecision = "year" | "month" | "day";
export type EventStatus = "held" | "planned" | "postponed" | "cancelled";
export const EVENT_STATUSES: readonly EventStatus[] = ["held", "planned", "postponed", "cancelled"];

export interface Theme {
  id: string;
  label: LocalizedText;
}

export interface EventType {
  id: string;
  label: LocalizedText;
}

export type ActorKind = "state" | "organisation";

export interface Actor {
  /** ISO 3166-1 alpha-2 code for a state, an upper-case code for an organisation. */
  id: string;
  kind: ActorKind;
  name: LocalizedText;
}

export interface SourceDocument {
  id: string;
  title: string;
  publisher: string;
  /** ISO date at the precision known: `2024`, `2024-01` or `2024-01-15`. */
  published: string;
  language: string;
  url?: string;
}

export interface Place {
  name: LocalizedText;
  /** ISO 3166-1 alpha-2 code. */
  country: string;
}

/** A source: a cited document (`document`), a public page (`url`…), or both. */
export interface Source {
  document?: string;
  url?: string;
  title?: string;
  publisher?: string;
  published?: string;
}

export interface TimelineEvent {
  /** Stable id, `[a-z0-9-]+`; never changed or reused once published. */
  slug: string;
  /** What is known, in EDTF (ISO 8601-2): `2023`, `2023-09`, `2023-09-29`, `2025-04-03/2025-04-04`, `2023-06?`. */
  date: string;
  /** First ISO day the date can mean. */
  start: string;
  /** Last ISO day the date can mean. */
  end: string;
  precision: DatePrecision;
  status: EventStatus;
  type: string;
  themes: string[];
  actors: string[];
  places: Place[];
  title: LocalizedText;
  summary: LocalizedText;
  notes?: LocalizedText;
  partOf?: string;
  /** `true` on the turning points a reader must not miss; absent otherwise. */
  milestone?: true;
  sources: Source[];
}

/** The shape of `events.json`. */
export interface Dataset {
  version: string;
  themes: Theme[];
  eventTypes: EventType[];
  actors: Actor[];
  documents: SourceDocument[];
  events: TimelineEvent[];
  /** Slugs of events merged into others → the slug that replaced them; follow it for old links. */
  retired?: Record<string, string>;
}
