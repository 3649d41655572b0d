import type { TimelineEvent } from "../types.ts";

export type EventOrder = "DATE_ASC" | "DATE_DESC";

/**
 * The total order of events: by first day, then last day, then slug. `start` and `end` are fixed-width
 * ISO days, so the joined key sorts exactly like the tuple and doubles as the cursor position.
 */
export function orderKey(event: Pick<TimelineEvent, "start" | "end" | "slug">): string {
  return `${event.start}|${event.end}|${event.slug}`;
}

export function compareEvents(a: TimelineEvent, b: TimelineEvent): number {
  const ka = orderKey(a);
  const kb = orderKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
