// The dataset's types, inferred from its schemas (`validation/schemas.ts`, the one owner of the shape).
import type { z } from "zod";
import type { LANGS } from "./constants.ts";
import type * as schemas from "./validation/schemas.ts";

export { ACTOR_KINDS, EVENT_STATUSES, LANGS } from "./constants.ts";
export type { DatePrecision } from "./edtf.ts";

/** A text in both languages of the dataset. */
export type LocalizedText = z.output<typeof schemas.localizedText>;
export type Lang = (typeof LANGS)[number];
export type EventStatus = TimelineEvent["status"];
export type Theme = z.output<typeof schemas.theme>;
export type EventType = z.output<typeof schemas.eventType>;
export type ActorKind = Actor["kind"];
/** A state (`id`: ISO 3166-1 alpha-2) or an organisation (an upper-case code). */
export type Actor = z.output<typeof schemas.actor>;
/** A cited document; `published` is an ISO date at the precision known. */
export type SourceDocument = z.output<typeof schemas.sourceDocument>;
export type Place = z.output<typeof schemas.place>;
/** A source: a cited document (`document`), a public page (`url`…), or both. */
export type Source = z.output<typeof schemas.source>;
/** An event as written in `events/<slug>.yaml`. */
export type EventSource = z.output<typeof schemas.eventSource>;
/** An event of `events.json`: its source plus `slug`, `start`, `end` and `precision`. */
export type TimelineEvent = z.output<typeof schemas.builtEvent>;
/** The shape of `events.json`. */
export type Dataset = z.output<typeof schemas.dataset>;
