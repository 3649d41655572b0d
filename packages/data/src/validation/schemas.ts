// The dataset contract, written once. The TypeScript types (`../types.ts`) are inferred from these
// schemas, `dist/schema.json` is generated from them, and the widget's lenient reader is tested against
// them. A built event (`events.json`) is the source event (`events/<slug>.yaml`) extended with its
// computed fields.
import { z } from "zod";
import { ACTOR_KINDS, EVENT_STATUSES, SLUG } from "../constants.ts";
import {
  DATE_PRECISIONS,
  EDTF_PATTERN,
  ISO_DATE_PATTERN,
  ISO_DAY,
  parseEdtf,
  resolveBound,
} from "../edtf.ts";

const nonEmpty = (what: string) =>
  z
    .string({ error: `${what} must be text` })
    .trim()
    .min(1, { error: `${what} must not be empty` });

export const localizedText = z.strictObject(
  { de: nonEmpty("German text (de)"), en: nonEmpty("English text (en)") },
  { error: "must have both languages: { de, en }" },
);

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, a real calendar date. */
export const isoDate = z
  .string()
  .refine((value) => resolveBound(value, "start") !== undefined, {
    error: "must be an ISO date: YYYY, YYYY-MM or YYYY-MM-DD",
  })
  .meta({ pattern: ISO_DATE_PATTERN });

const isoDay = z.string().regex(ISO_DAY, { error: "must be an ISO day: YYYY-MM-DD" });

export const edtfDate = z
  .string()
  .superRefine((value, ctx) => {
    const span = parseEdtf(value);
    if (typeof span === "string") {
      ctx.addIssue({ code: "custom", message: span });
      return;
    }
    if (span.start < "2007-01-01" || span.end > "2026-12-31") {
      ctx.addIssue({ code: "custom", message: `"${value}" lies outside 2007–2026` });
    }
  })
  .meta({
    pattern: EDTF_PATTERN,
    description: "EDTF (ISO 8601-2): 2023, 2023-09, 2023-09-29, 2025-04-03/2025-04-04, 2023-06?",
  });

const id = z.string().regex(SLUG, {
  error: "must be lower-case words joined by hyphens ([a-z0-9-])",
});
const actorId = z.string().regex(/^[A-Z][A-Z0-9]{1,9}$/, {
  error:
    "must be an upper-case code (ISO 3166-1 alpha-2 for states, e.g. EU or OSCE for organisations)",
});
const countryCode = z.string().regex(/^[A-Z]{2}$/, { error: "must be an ISO 3166-1 alpha-2 code" });
const httpUrl = z.url({ protocol: /^https?$/, error: "must be an http(s) URL" });

export const theme = z.strictObject({ id, label: localizedText });
export const eventType = z.strictObject({ id, label: localizedText });
export const actor = z.strictObject({
  id: actorId.meta({
    description: "ISO 3166-1 alpha-2 code for a state, an upper-case code for an organisation",
  }),
  kind: z.enum(ACTOR_KINDS),
  name: localizedText,
});
export const sourceDocument = z.strictObject({
  id,
  title: nonEmpty("title"),
  publisher: nonEmpty("publisher"),
  published: isoDate,
  language: z.string().regex(/^[a-z]{2}$/, { error: "must be a two-letter language code" }),
  url: httpUrl.optional(),
});

/** `vocab/spellings.yaml`: per language, forbidden variant → preferred form. */
const spellingMap = z.record(nonEmpty("a variant"), nonEmpty("the preferred form"), {
  error: "must map each variant to its preferred form (variant: preferred)",
});
export const spellings = z.strictObject(
  { de: spellingMap.optional(), en: spellingMap.optional() },
  { error: "must have the languages as keys: { de: {…}, en: {…} }" },
);

export const place = z.strictObject({
  name: localizedText,
  country: countryCode.meta({ description: "ISO 3166-1 alpha-2 code" }),
});

/** A source: a cited document (`document`), a public page (`url`…), or both. */
export const source = z
  .strictObject({
    document: id.optional(),
    url: httpUrl.optional(),
    title: nonEmpty("title").optional(),
    publisher: nonEmpty("publisher").optional(),
    published: isoDate.optional(),
  })
  .superRefine((value, ctx) => {
    if (value.document === undefined && value.url === undefined) {
      ctx.addIssue({ code: "custom", message: "needs a document id or a url" });
    }
    if (value.url !== undefined) {
      for (const key of ["title", "publisher", "published"] as const) {
        if (value[key] === undefined) {
          ctx.addIssue({ code: "custom", path: [key], message: `a url source needs its ${key}` });
        }
      }
    }
  });

/** One event as written by maintainers in `events/<slug>.yaml`. */
export const eventSource = z.strictObject({
  date: edtfDate,
  status: z.enum(EVENT_STATUSES),
  type: id,
  themes: z.array(id).min(1, { error: "needs at least one theme" }),
  actors: z.array(actorId).min(1, { error: "needs at least one actor" }),
  places: z.array(place).optional(),
  title: localizedText,
  summary: localizedText,
  notes: localizedText.optional().meta({ description: "Where sources disagree" }),
  partOf: id.optional().meta({ description: "Slug of the event this one belongs to" }),
  // YAML is read with the failsafe schema (every scalar a string): only `milestone: true` is allowed.
  milestone: z
    .literal("true", { error: 'must be true (or left out): "milestone: true"' })
    .optional(),
  sources: z.array(source).min(1, { error: "needs at least one source" }),
});

/** A built event in `events.json`: the source event plus its slug and computed fields. */
export const builtEvent = eventSource.extend({
  slug: id.meta({ description: "Stable id; never changed or reused once published" }),
  start: isoDay.meta({ description: "First ISO day the date can mean" }),
  end: isoDay.meta({ description: "Last ISO day the date can mean" }),
  precision: z.enum(DATE_PRECISIONS),
  places: z.array(place),
  milestone: z
    .literal(true)
    .optional()
    .meta({ description: "true on the turning points a reader must not miss; absent otherwise" }),
});

/** The whole of `events.json`. */
export const dataset = z.strictObject({
  version: z.string().meta({ description: "Package version plus a hash of the content" }),
  themes: z.array(theme),
  eventTypes: z.array(eventType),
  actors: z.array(actor),
  documents: z.array(sourceDocument),
  events: z.array(builtEvent),
  /** Slugs of events merged into others → the slug that replaced them (shared links keep working). */
  retired: z.record(id, id).optional(),
});
