import type { Builder } from "../builder.ts";

/** EventFilter: OR within one list, AND across fields; the data package's filter, field for field. */
export function addEventFilter(builder: Builder) {
  return builder.inputType("EventFilter", {
    description: "Which events to keep. OR within one list, AND across fields.",
    fields: (t) => ({
      from: t.string({
        description: '"2022", "2022-03" or "2022-03-15"; keeps events that end on or after it.',
      }),
      to: t.string({ description: "Keeps events that start on or before it." }),
      themes: t.stringList({ description: "Theme ids (see `themes`)." }),
      types: t.stringList({ description: "Event type ids (see `eventTypes`)." }),
      actors: t.stringList({ description: "Actor ids (see `actors`)." }),
      search: t.string({
        description:
          'Words that must all occur, in either language; case-, accent- and ß/ss-insensitive ("aussenminister" finds "Außenminister").',
      }),
    }),
  });
}
