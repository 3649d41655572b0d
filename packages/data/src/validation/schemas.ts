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
  ISO_DAY_PATTERN,
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

const isoDay = z
  .string()
  .regex(ISO_DAY, { error: "must be an ISO day: YYYY-MM-DD" })
  .refine((value) => resolveBound(value, "start") !== undefined, {
    error: "must be a real calendar day",
  })
  .meta({ pattern: ISO_DAY_PATTERN, format: "date" });

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
// JSON Schema gets a pattern, not format "uri": URLs here may hold non-ASCII characters unescaped (IRIs), as
// browsers and the WHATWG URL parser allow, and validators' "uri" formats reject them.
const httpUrl = z
  .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
  .meta({ format: undefined, pattern: "^https?://[^\\s]+$" });

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

/** A source that cites documents by `documentId` (the slug grammar, or the ids of a given vocabulary). */
function makeSource(documentId: z.ZodType<string>) {
  return z
    .strictObject({
      document: documentId.optional(),
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
    })
    .meta({
      // What the refinement above checks, said in JSON Schema for schema.json.
      anyOf: [{ required: ["document"] }, { required: ["url"] }],
      dependentRequired: { url: ["title", "publisher", "published"] },
    });
}

/** A source: a cited document (`document`), a public page (`url`…), or both. */
export const source = makeSource(id);

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

/** The checks JSON Schema cannot express, in words (they go into schema.json's descriptions). */
const UNIQUE_SLUGS =
  "No two events share a slug. JSON Schema cannot express this rule: the zod schema `dataset` (@ca-timeline/data/validation) checks it.";
const KNOWN_IDS =
  "Each event's type, themes, actors and cited documents are ids listed in the file's own eventTypes, themes, actors and documents (checked by the zod schema; this JSON Schema pins them to the vocabularies of the dataset it was generated for).";

const datasetShape = {
  version: z.string().meta({ description: "Package version plus a hash of the content" }),
  themes: z.array(theme),
  eventTypes: z.array(eventType),
  actors: z.array(actor),
  documents: z.array(sourceDocument),
  events: z.array(builtEvent).meta({ description: UNIQUE_SLUGS }),
  /** Slugs of events merged into others → the slug that replaced them (shared links keep working). */
  retired: z.record(id, id).optional(),
};

type DatasetInput = z.infer<z.ZodObject<typeof datasetShape>>;

/** Unique slugs and known vocabulary ids: what ties the lists of events.json together. */
function checkReferences(data: DatasetInput, ctx: z.RefinementCtx): void {
  const known = {
    type: new Set(data.eventTypes.map((t) => t.id)),
    themes: new Set(data.themes.map((t) => t.id)),
    actors: new Set(data.actors.map((a) => a.id)),
    document: new Set(data.documents.map((d) => d.id)),
  };
  const slugs = new Set<string>();
  data.events.forEach((event, index) => {
    const path = ["events", index];
    if (slugs.has(event.slug))
      ctx.addIssue({
        code: "custom",
        path: [...path, "slug"],
        message: `duplicate slug "${event.slug}"`,
      });
    slugs.add(event.slug);
    if (!known.type.has(event.type))
      ctx.addIssue({
        code: "custom",
        path: [...path, "type"],
        message: `unknown event type "${event.type}"`,
      });
    for (const field of ["themes", "actors"] as const) {
      event[field].forEach((value, i) => {
        if (!known[field].has(value))
          ctx.addIssue({
            code: "custom",
            path: [...path, field, i],
            message: `unknown ${field === "themes" ? "theme" : "actor"} "${value}"`,
          });
      });
    }
    event.sources.forEach((s, i) => {
      if (s.document !== undefined && !known.document.has(s.document))
        ctx.addIssue({
          code: "custom",
          path: [...path, "sources", i, "document"],
          message: `unknown document "${s.document}"`,
        });
    });
  });
}

const datasetDescription = `The dataset of @ca-timeline/data: vocabularies, cited documents and events. ${UNIQUE_SLUGS} ${KNOWN_IDS}`;

/** The whole of `events.json`. */
export const dataset = z
  .strictObject(datasetShape)
  .superRefine(checkReferences)
  .meta({ description: datasetDescription });

/** The ids of a dataset's vocabularies (`themes`, `eventTypes`, `actors`, `documents`). */
export interface VocabularyIds {
  themes: readonly string[];
  eventTypes: readonly string[];
  actors: readonly string[];
  documents: readonly string[];
}

/** `ids` as an enum, or the grammar alone when there are none. */
function oneOf(ids: readonly string[], grammar: z.ZodType<string>): z.ZodType<string> {
  return ids.length > 0 ? z.enum(ids as [string, ...string[]]) : grammar;
}

/**
 * `dataset`, with the vocabularies' ids spelled out as enums wherever an id is written or used: the schema of
 * one given dataset (`dist/schema.json` describes the shipped one). Validates exactly like `dataset` on data
 * that uses these vocabularies.
 */
export function datasetWithVocabulary(ids: VocabularyIds) {
  const themeId = oneOf(ids.themes, id);
  const typeId = oneOf(ids.eventTypes, id);
  const actorIdOf = oneOf(ids.actors, actorId);
  const documentId = oneOf(ids.documents, id);
  const event = builtEvent.extend({
    type: typeId,
    themes: z.array(themeId).min(1, { error: "needs at least one theme" }),
    actors: z.array(actorIdOf).min(1, { error: "needs at least one actor" }),
    sources: z.array(makeSource(documentId)).min(1, { error: "needs at least one source" }),
  });
  return z
    .strictObject({
      ...datasetShape,
      themes: z.array(theme.extend({ id: themeId })),
      eventTypes: z.array(eventType.extend({ id: typeId })),
      actors: z.array(actor.extend({ id: actorIdOf })),
      documents: z.array(sourceDocument.extend({ id: documentId })),
      events: z.array(event).meta({ description: UNIQUE_SLUGS }),
    })
    .superRefine(checkReferences)
    .meta({ description: datasetDescription });
}
