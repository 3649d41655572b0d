import { type Dataset, timeline } from "@ca-timeline/data";
import { lazyInstance } from "@ca-timeline/data/lazy";
import { GraphQLSchema } from "graphql";
import { createSchemaFor } from "./create-schema.ts";

export type { SchemaOptions } from "./create-schema.ts";
export { decodeGlobalID, encodeGlobalID } from "./global-id.ts";

export interface CreateSchemaOptions {
  /** The data to serve, in the shape of `events.json`. Default: the bundled `@ca-timeline/data` timeline. */
  dataset?: Dataset;
  /** Largest `first`/`last` a client may ask for. Default 100. */
  maxPageSize?: number;
}

/** Builds the executable GraphQL schema (DESIGN §4) over a dataset, by default the bundled one. */
export function createSchema(options: CreateSchemaOptions = {}): GraphQLSchema {
  return createSchemaFor({
    dataset: options.dataset ?? timeline,
    maxPageSize: options.maxPageSize,
  });
}

/** The schema over the bundled dataset, built on first use (importing the package costs nothing). */
export const schema: GraphQLSchema = /* @__PURE__ */ lazyInstance(GraphQLSchema.prototype, () =>
  createSchema(),
);
