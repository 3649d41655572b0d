import type { Builder } from "../builder.ts";
import type { Catalog } from "../catalog.ts";

/** What the API serves: the dataset's version and extent. */
export function addDatasetType(builder: Builder) {
  return builder.objectRef<Catalog>("Dataset").implement({
    fields: (t) => ({
      version: t.string({
        description:
          "The data package version plus a hash of the content; changes with every data release.",
        resolve: (catalog) => catalog.dataset.version,
      }),
      eventCount: t.int({ resolve: (catalog) => catalog.index.size }),
      firstDate: t.string({
        nullable: true,
        description: "First day of the earliest event (ISO); null without events.",
        resolve: (catalog) => catalog.firstDate,
      }),
      lastDate: t.string({
        nullable: true,
        description: "Last day of the latest-ending event (ISO); null without events.",
        resolve: (catalog) => catalog.lastDate,
      }),
      themeCount: t.int({ resolve: (catalog) => catalog.themes.size }),
      actorCount: t.int({ resolve: (catalog) => catalog.actors.size }),
      documentCount: t.int({ resolve: (catalog) => catalog.documents.size }),
    }),
  });
}
