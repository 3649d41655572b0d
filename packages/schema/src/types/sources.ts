import type { Place, Source, SourceDocument } from "@ca-timeline/data";
import type { Builder } from "../builder.ts";
import type { Catalog } from "../catalog.ts";
import type { Enums } from "./enums.ts";

/** Place, Source and SourceDocument: where an event happened and what it is sourced on. */
export function addSourceTypes(builder: Builder, catalog: Catalog, { Lang }: Enums) {
  const PlaceRef = builder.objectRef<Place>("Place").implement({
    fields: (t) => ({
      name: t.string({
        args: { lang: t.arg({ type: Lang, defaultValue: "en" }) },
        resolve: (place, { lang }) => place.name[lang ?? "en"],
      }),
      country: t.exposeString("country", { description: "ISO 3166-1 alpha-2 code." }),
    }),
  });
  const SourceDocumentRef = builder.objectRef<SourceDocument>("SourceDocument").implement({
    description: "A cited document.",
    fields: (t) => ({
      id: t.exposeString("id"),
      title: t.exposeString("title"),
      publisher: t.exposeString("publisher"),
      published: t.exposeString("published", {
        description: "ISO date at the precision known: YYYY, YYYY-MM or YYYY-MM-DD.",
      }),
      language: t.exposeString("language"),
      url: t.exposeString("url", { nullable: true }),
    }),
  });
  const SourceRef = builder.objectRef<Source>("Source").implement({
    description: "A cited document, a public page, or both.",
    fields: (t) => ({
      document: t.field({
        type: SourceDocumentRef,
        nullable: true,
        resolve: (source) =>
          source.document === undefined ? null : (catalog.documents.get(source.document) ?? null),
      }),
      url: t.exposeString("url", { nullable: true }),
      title: t.exposeString("title", { nullable: true }),
      publisher: t.exposeString("publisher", { nullable: true }),
      published: t.exposeString("published", { nullable: true }),
    }),
  });
  return { Place: PlaceRef, Source: SourceRef, SourceDocument: SourceDocumentRef };
}

export type SourceTypes = ReturnType<typeof addSourceTypes>;
