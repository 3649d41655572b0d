import { z } from "zod";
import { parseEdtf } from "../edtf.ts";
import { EVENT_STATUSES } from "../types.ts";

const nonEmpty = (what: string) =>
  z
    .string({ error: `${what} must be text` })
    .trim()
    .min(1, { error: `${what} must not be empty` });

export const localizedText = z.strictObject(
  { de: nonEmpty("German text (de)"), en: nonEmpty("English text (en)") },
  { error: "must have both languages: { de, en }" },
);

export const isoDate = z.string().regex(/^\d{4}(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/, {
  error: "must be an ISO date: YYYY, YYYY-MM or YYYY-MM-DD",
});

export const edtfDate = z.string().superRefine((value, ctx) => {
  const span = parseEdtf(value);
  if (typeof span === "string") {
    ctx.addIssue({ code: "custom", message: span });
    return;
  }
  if (span.start < "2007-01-01" || span.end > "2026-12-31") {
    ctx.addIssue({ code: "custom", message: `"${value}" lies outside 2007–2026` });
  }
});

const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
  error: "must be lower-case words joined by hyphens ([a-z0-9-])",
});
const actorId = z.string().regex(/^[A-Z][A-Z0-9]{1,9}$/, {
  error:
    "must be an upper-case code (ISO 3166-1 alpha-2 for states, e.g. EU or OSCE for organisations)",
});
const countryCode = z.string().regex(/^[A-Z]{2}$/, { error: "must be an ISO 3166-1 alpha-2 code" });

export const theme = z.strictObject({ id, label: localizedText });
export const eventType = z.strictObject({ id, label: localizedText });
export const actor = z.strictObject({
  id: actorId,
  kind: z.enum(["state", "organisation"]),
  name: localizedText,
});
export const sourceDocument = z.strictObject({
  id,
  title: nonEmpty("title"),
  publisher: nonEmpty("publisher"),
  published: isoDate,
  language: z.string().regex(/^[a-z]{2}$/, { error: "must be a two-letter language code" }),
  url: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional(),
});

/** `vocab/spellings.yaml`: per language, forbidden variant → preferred form. */
const spellingMap = z.record(nonEmpty("a variant"), nonEmpty("the preferred form"), {
  error: "must map each variant to its preferred form (variant: preferred)",
});
export const spellings = z.strictObject(
  { de: spellingMap.optional(), en: spellingMap.optional() },
  { error: "must have the languages as keys: { de: {…}, en: {…} }" },
);

export const place = z.strictObject({ name: localizedText, country: countryCode });

export const source = z
  .strictObject({
    document: id.optional(),
    url: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional(),
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
  status: z.enum(EVENT_STATUSES as [string, ...string[]]),
  type: id,
  themes: z.array(id).min(1, { error: "needs at least one theme" }),
  actors: z.array(actorId).min(1, { error: "needs at least one actor" }),
  places: z.array(place).optional(),
  title: localizedText,
  summary: localizedText,
  notes: localizedText.optional(),
  partOf: id.optional(),
  // YAML is read with the failsafe schema (every scalar a string): only `milestone: true` is allowed.
  milestone: z
    .literal("true", { error: 'must be true (or left out): "milestone: true"' })
    .optional(),
  sources: z.array(source).min(1, { error: "needs at least one source" }),
});

export type EventSource = z.infer<typeof eventSource>;

/** A built event in `events.json`: the source plus the computed fields. */
export const builtEvent = z.strictObject({
  slug: id,
  date: z.string(),
  start: isoDate,
  end: isoDate,
  precision: z.enum(["year", "month", "day"]),
  status: eventSource.shape.status,
  type: id,
  themes: z.array(id).min(1),
  actors: z.array(actorId).min(1),
  places: z.array(place),
  title: localizedText,
  summary: localizedText,
  notes: localizedText.optional(),
  partOf: id.optional(),
  milestone: z.literal(true).optional(),
  sources: z.array(source).min(1),
});

/** The whole of `events.json`. */
export const dataset = z.strictObject({
  version: z.string(),
  themes: z.array(theme),
  eventTypes: z.array(eventType),
  actors: z.array(actor),
  documents: z.array(sourceDocument),
  events: z.array(builtEvent),
  /** Slugs of events merged into others → the slug that replaced them (shared links keep working). */
  retired: z.record(id, id).optional(),
});
