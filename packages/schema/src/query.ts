import type { LocalizedText } from "@ca-timeline/data";
import type { Builder } from "./builder.ts";
import type { Catalog } from "./catalog.ts";
import { userInput } from "./errors.ts";
import type { addDatasetType } from "./types/dataset.ts";
import type { Enums } from "./types/enums.ts";
import type { addEventType } from "./types/event.ts";
import type { addEventFilter } from "./types/event-filter.ts";
import type { addFacetTypes, FacetCountShape } from "./types/facets.ts";
import type { VocabularyTypes } from "./types/vocabulary.ts";

export interface QueryRefs {
  enums: Enums;
  vocabulary: VocabularyTypes;
  Event: ReturnType<typeof addEventType>;
  EventFilter: ReturnType<typeof addEventFilter>;
  Facets: ReturnType<typeof addFacetTypes>;
  Dataset: ReturnType<typeof addDatasetType>;
}

function labelled(
  counts: ReadonlyArray<{ id: string; count: number }>,
  labelOf: (id: string) => LocalizedText | undefined,
): FacetCountShape[] {
  return counts.map(({ id, count }) => ({ id, count, label: labelOf(id) ?? { de: id, en: id } }));
}

/** The Query type of DESIGN §4; every resolver delegates to the data package's EventIndex. */
export function addQueryType(builder: Builder, catalog: Catalog, refs: QueryRefs): void {
  const { index } = catalog;
  builder.queryType({
    fields: (t) => ({
      events: t.connection(
        {
          type: refs.Event,
          description:
            "Events a filter keeps, ordered, as a Relay cursor connection (first/after, last/before; at most the page size limit per page).",
          args: {
            filter: t.arg({ type: refs.EventFilter }),
            orderBy: t.arg({ type: refs.enums.EventOrder, defaultValue: "DATE_ASC" }),
          },
          resolve: (_root, args) => {
            const page = userInput(() =>
              index.query({
                filter: args.filter,
                orderBy: args.orderBy ?? "DATE_ASC",
                first: args.first,
                after: args.after,
                last: args.last,
                before: args.before,
              }),
            );
            return {
              totalCount: page.totalCount,
              pageInfo: page.pageInfo,
              edges: page.events.map((node, i) => ({ cursor: page.cursors[i]!, node })),
            };
          },
        },
        {
          name: "EventConnection",
          fields: (c) => ({
            totalCount: c.int({
              description: "How many events match the filter, over all pages.",
              resolve: (connection) => connection.totalCount,
            }),
          }),
        },
        { name: "EventEdge" },
      ),
      event: t.field({
        type: refs.Event,
        nullable: true,
        description:
          "The event with this slug, or null. A retired slug (an event merged into another) gives the event it became.",
        args: { slug: t.arg.string({ required: true }) },
        resolve: (_root, { slug }) => {
          const retired = catalog.dataset.retired;
          const current = retired && Object.hasOwn(retired, slug) ? retired[slug]! : slug;
          return index.get(current) ?? null;
        },
      }),
      facets: t.field({
        type: refs.Facets,
        description: "Counts per theme, type, actor and year over the events the filter keeps.",
        args: { filter: t.arg({ type: refs.EventFilter }) },
        resolve: (_root, { filter }) => {
          const facets = userInput(() => index.facets(filter));
          return {
            themes: labelled(facets.themes, (id) => catalog.themes.get(id)?.label),
            types: labelled(facets.types, (id) => catalog.eventTypes.get(id)?.label),
            actors: labelled(facets.actors, (id) => catalog.actors.get(id)?.name),
            years: facets.years,
          };
        },
      }),
      themes: t.field({
        type: [refs.vocabulary.Theme],
        resolve: () => catalog.dataset.themes,
      }),
      eventTypes: t.field({
        type: [refs.vocabulary.EventType],
        resolve: () => catalog.dataset.eventTypes,
      }),
      actors: t.field({
        type: [refs.vocabulary.Actor],
        resolve: () => catalog.dataset.actors,
      }),
      dataset: t.field({
        type: refs.Dataset,
        description: "The version and extent of the data served.",
        resolve: () => catalog,
      }),
    }),
  });
}
