import type { TimelineEvent } from "@ca-timeline/data";
import type { Builder } from "../builder.ts";
import type { Catalog } from "../catalog.ts";
import type { Enums } from "./enums.ts";
import type { SourceTypes } from "./sources.ts";
import type { VocabularyTypes } from "./vocabulary.ts";

const present = <T>(value: T | undefined): value is T => value !== undefined;

/** The Event node: one dated, sourced, bilingual event; its global id encodes its slug. */
export function addEventType(
  builder: Builder,
  catalog: Catalog,
  { Lang, DatePrecision }: Enums,
  vocabulary: VocabularyTypes,
  sources: SourceTypes,
) {
  const EventRef = builder.objectRef<TimelineEvent>("Event");
  builder.node(EventRef, {
    description: "An event in the relations between Germany, the EU and Central Asia.",
    id: { resolve: (event) => event.slug },
    loadOne: (slug) => catalog.index.get(slug) ?? null,
    isTypeOf: (value) =>
      typeof value === "object" &&
      value !== null &&
      "slug" in value &&
      catalog.index.get((value as TimelineEvent).slug) === value,
    fields: (t) => ({
      slug: t.exposeString("slug", { description: "Stable id; never changed or reused." }),
      date: t.exposeString("date", {
        description:
          "What is known, in EDTF: 2023, 2023-09, 2023-09-29, 2025-04-03/2025-04-04, 2023-06?",
      }),
      start: t.exposeString("start", { description: "First ISO day the date can mean." }),
      end: t.exposeString("end", { description: "Last ISO day the date can mean." }),
      precision: t.field({ type: DatePrecision, resolve: (event) => event.precision }),
      status: t.exposeString("status", { description: "held, planned, postponed or cancelled." }),
      title: t.string({
        args: { lang: t.arg({ type: Lang, defaultValue: "en" }) },
        resolve: (event, { lang }) => event.title[lang ?? "en"],
      }),
      summary: t.string({
        args: { lang: t.arg({ type: Lang, defaultValue: "en" }) },
        resolve: (event, { lang }) => event.summary[lang ?? "en"],
      }),
      notes: t.string({
        nullable: true,
        description: "Where sources disagree, what they say.",
        args: { lang: t.arg({ type: Lang, defaultValue: "en" }) },
        resolve: (event, { lang }) => event.notes?.[lang ?? "en"] ?? null,
      }),
      type: t.field({
        type: vocabulary.EventType,
        resolve: (event) =>
          catalog.eventTypes.get(event.type) ?? {
            id: event.type,
            label: { de: event.type, en: event.type },
          },
      }),
      themes: t.field({
        type: [vocabulary.Theme],
        resolve: (event) => event.themes.map((id) => catalog.themes.get(id)).filter(present),
      }),
      actors: t.field({
        type: [vocabulary.Actor],
        resolve: (event) => event.actors.map((id) => catalog.actors.get(id)).filter(present),
      }),
      places: t.field({ type: [sources.Place], resolve: (event) => event.places }),
      sources: t.field({ type: [sources.Source], resolve: (event) => event.sources }),
      partOf: t.field({
        type: EventRef,
        nullable: true,
        description: "The event this one belongs to (a forum on a summit's sidelines).",
        resolve: (event) => (event.partOf ? (catalog.index.get(event.partOf) ?? null) : null),
      }),
      milestone: t.boolean({
        description: "True on the turning points a reader must not miss.",
        resolve: (event) => event.milestone === true,
      }),
      parts: t.field({
        type: [EventRef],
        description: "The events that belong to this one, in date order.",
        resolve: (event) => [...catalog.index.parts(event.slug)],
      }),
    }),
  });
  return EventRef;
}
