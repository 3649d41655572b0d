import SchemaBuilder from "@pothos/core";
import RelayPlugin from "@pothos/plugin-relay";
import { decodeGlobalID, encodeGlobalID } from "./global-id.ts";

export interface SchemaTypes {
  Context: object;
  DefaultFieldNullability: false;
  // `edges: [EventEdge!]!` and `nodes: [Event!]!`, as DESIGN §4 fixes them.
  DefaultEdgesNullability: { list: false; items: false };
  DefaultNodeNullability: false;
  Connection: { totalCount: number };
}

export type Builder = PothosSchemaTypes.SchemaBuilder<
  PothosSchemaTypes.ExtendDefaultTypes<SchemaTypes>
>;

/** A fresh builder: Pothos builders are stateful, so every schema gets its own. */
export function createBuilder(): Builder {
  return new SchemaBuilder<SchemaTypes>({
    plugins: [RelayPlugin],
    defaultFieldNullability: false,
    relay: {
      cursorType: "String",
      encodeGlobalID,
      decodeGlobalID,
      // DESIGN §4 has `node(id)` only; fetching many by slug is `events`, one is `event(slug)`.
      nodesQueryOptions: false,
      nodesOnConnection: true,
      edgesFieldOptions: { nullable: { list: false, items: false } },
      nodeFieldOptions: { nullable: false },
    },
  });
}
