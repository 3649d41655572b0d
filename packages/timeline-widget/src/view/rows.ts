import type { TimelineEvent } from "@ca-timeline/data";

/** An event with the side events (`partOf`) that the same view shows, nested under it. */
export interface EventNode {
  event: TimelineEvent;
  parts: TimelineEvent[];
}

/** Events on one and the same date, shown under that date once. */
export interface DateGroup {
  date: string;
  nodes: EventNode[];
}

export type YearRow =
  | { kind: "year"; year: number; groups: DateGroup[] }
  /** Years between two shown years in which nothing matches: named, not silently skipped. */
  | { kind: "gap"; first: number; last: number };

/**
 * The list as the visitor reads it: years in order with the gaps between them named, side events under
 * their parent (when the parent is shown too), events of the same date grouped. Input in date order.
 */
export function timelineRows(shown: readonly TimelineEvent[]): YearRow[] {
  const bySlug = new Map(shown.map((event) => [event.slug, { event, parts: [] } as EventNode]));
  const top: EventNode[] = [];
  for (const node of bySlug.values()) {
    const parent = node.event.partOf ? bySlug.get(node.event.partOf) : undefined;
    // A part that starts before its parent stays on its own: nesting it would move it back in time.
    if (parent && parent !== node && parent.event.start <= node.event.start)
      parent.parts.push(node.event);
    else top.push(node);
  }
  const rows: YearRow[] = [];
  let current: Extract<YearRow, { kind: "year" }> | undefined;
  for (const node of top) {
    const year = Number(node.event.start.slice(0, 4));
    if (current?.year !== year) {
      if (current && year > current.year + 1)
        rows.push({ kind: "gap", first: current.year + 1, last: year - 1 });
      current = { kind: "year", year, groups: [] };
      rows.push(current);
    }
    const group = current.groups[current.groups.length - 1];
    // Only day-precise dates group: "2023" or "September 2023" is a span, not a shared day.
    if (group && group.date === node.event.date && node.event.precision === "day")
      group.nodes.push(node);
    else current.groups.push({ date: node.event.date, nodes: [node] });
  }
  return rows;
}

const DAY = 86_400_000;

/**
 * How long an event lasted, for dates given as an interval (`2025-04-03/2025-04-04`): days, or months
 * from two months on. Undefined for single dates: "September 2023" is a precision, not a duration.
 */
export function duration(
  event: TimelineEvent,
): { unit: "day" | "month"; value: number } | undefined {
  if (!event.date.includes("/")) return undefined;
  const days = (Date.parse(event.end) - Date.parse(event.start)) / DAY + 1;
  if (!(days >= 2)) return undefined;
  return days < 60
    ? { unit: "day", value: days }
    : { unit: "month", value: Math.round(days / 30.44) };
}
