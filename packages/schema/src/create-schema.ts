import type { Dataset } from "@ca-timeline/data";
import type { GraphQLSchema } from "graphql";
import { createBuilder } from "./builder.ts";
import { createCatalog } from "./catalog.ts";
import { addQueryType } from "./query.ts";
import { addDatasetType } from "./types/dataset.ts";
import { addEnums } from "./types/enums.ts";
import { addEventType } from "./types/event.ts";
import { addEventFilter } from "./types/event-filter.ts";
import { addFacetTypes } from "./types/facets.ts";
import { addSourceTypes } from "./types/sources.ts";
import { addVocabularyTypes } from "./types/vocabulary.ts";

export interface SchemaOptions {
  /** The data to serve, in the shape of `events.json`. */
  dataset: Dataset;
  /** Largest `first`/`last` a client may ask for. Default 100. */
  maxPageSize?: number;
}

/** Builds the executable GraphQL schema over a dataset; the query index is built once, here. */
export function createSchemaFor({ dataset, maxPageSize = 100 }: SchemaOptions): GraphQLSchema {
  const catalog = createCatalog(dataset, maxPageSize);
  const builder = createBuilder();
  const enums = addEnums(builder);
  const vocabulary = addVocabularyTypes(builder, enums);
  const sources = addSourceTypes(builder, catalog, enums);
  const Event = addEventType(builder, catalog, enums, vocabulary, sources);
  const EventFilter = addEventFilter(builder);
  const Facets = addFacetTypes(builder, enums);
  const DatasetRef = addDatasetType(builder);
  addQueryType(builder, catalog, {
    enums,
    vocabulary,
    Event,
    EventFilter,
    Facets,
    Dataset: DatasetRef,
  });
  return builder.toSchema({ sortSchema: true });
}
