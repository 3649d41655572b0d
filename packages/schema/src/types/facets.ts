import type { LocalizedText } from "@ca-timeline/data";
import type { Builder } from "../builder.ts";
import type { Enums } from "./enums.ts";

export interface FacetCountShape {
  id: string;
  label: LocalizedText;
  count: number;
}

export interface FacetsShape {
  themes: FacetCountShape[];
  types: FacetCountShape[];
  actors: FacetCountShape[];
  years: Array<{ year: number; count: number }>;
}

/** Facets: how many of the filtered events carry each theme, type, actor and year. */
export function addFacetTypes(builder: Builder, { Lang }: Enums) {
  const FacetCount = builder.objectRef<FacetCountShape>("FacetCount").implement({
    fields: (t) => ({
      id: t.exposeString("id"),
      label: t.string({
        args: { lang: t.arg({ type: Lang, defaultValue: "en" }) },
        resolve: (facet, { lang }) => facet.label[lang ?? "en"],
      }),
      count: t.exposeInt("count"),
    }),
  });
  const YearCount = builder.objectRef<{ year: number; count: number }>("YearCount").implement({
    fields: (t) => ({
      year: t.exposeInt("year"),
      count: t.exposeInt("count"),
    }),
  });
  const Facets = builder.objectRef<FacetsShape>("Facets").implement({
    description:
      "Counts over the filtered events: every known theme and type (zeros too), actors by count, every year in the dataset's range.",
    fields: (t) => ({
      themes: t.field({ type: [FacetCount], resolve: (facets) => facets.themes }),
      types: t.field({ type: [FacetCount], resolve: (facets) => facets.types }),
      actors: t.field({ type: [FacetCount], resolve: (facets) => facets.actors }),
      years: t.field({ type: [YearCount], resolve: (facets) => facets.years }),
    }),
  });
  return Facets;
}
