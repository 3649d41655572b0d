import type { TimelineEvent } from "../types.ts";
import { decodeCursor, encodeCursor } from "./cursor.ts";
import { QueryError } from "./errors.ts";
import type { EventPage, QueryOptions } from "./types.ts";

function pageSize(
  argument: "first" | "last",
  value: number | null | undefined,
  max: number,
): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Number.isInteger(value) || value < 0) {
    throw new QueryError(argument, `must be a whole number ≥ 0, got ${value}`);
  }
  if (value > max) throw new QueryError(argument, `must be at most ${max}, got ${value}`);
  return value;
}

/** Page arguments, checked: sizes within bounds, cursors decoded to order keys. */
export interface PageRequest {
  first: number | undefined;
  last: number | undefined;
  after: string | undefined;
  before: string | undefined;
  descending: boolean;
}

/** Checks the page arguments and says what is wrong with them (a QueryError naming the argument). */
export function checkPage(options: QueryOptions, maxPageSize: number): PageRequest {
  return {
    first: pageSize("first", options.first, maxPageSize),
    last: pageSize("last", options.last, maxPageSize),
    after: options.after ? decodeCursor("after", options.after) : undefined,
    before: options.before ? decodeCursor("before", options.before) : undefined,
    descending: options.orderBy === "DATE_DESC",
  };
}

/**
 * One page of matched events (Relay cursor connections: first/after, last/before).
 * `positions` are the matches in date order; `keys` and `events` are the index's, by position.
 */
export function paginate(
  positions: readonly number[],
  keys: readonly string[],
  events: readonly TimelineEvent[],
  { first, last, after, before, descending }: PageRequest,
): EventPage {
  const count = positions.length;
  // Work in the requested order: index i of the ordered list is positions[at(i)].
  const at = descending ? (i: number) => count - 1 - i : (i: number) => i;
  const keyAt = (i: number) => keys[positions[at(i)]!]!;
  const isAfter = descending ? (k: string, c: string) => k < c : (k: string, c: string) => k > c;
  // First ordered index whose key lies after the cursor (keys are monotonic in the requested order).
  const firstAfter = (cursor: string, inclusive: boolean) => {
    let lo = 0;
    let hi = count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const k = keyAt(mid);
      if (isAfter(k, cursor) || (inclusive && k === cursor)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  let startIndex = after === undefined ? 0 : firstAfter(after, false);
  let endIndex = before === undefined ? count : firstAfter(before, true);
  if (endIndex < startIndex) endIndex = startIndex;
  if (first !== undefined) endIndex = Math.min(endIndex, startIndex + first);
  if (last !== undefined) startIndex = Math.max(startIndex, endIndex - last);
  const page: TimelineEvent[] = [];
  const cursors: string[] = [];
  for (let i = startIndex; i < endIndex; i++) {
    const position = positions[at(i)]!;
    page.push(events[position]!);
    cursors.push(encodeCursor(keys[position]!));
  }
  return {
    events: page,
    cursors,
    totalCount: count,
    pageInfo: {
      hasNextPage: endIndex < count,
      hasPreviousPage: startIndex > 0,
      startCursor: cursors[0] ?? null,
      endCursor: cursors[cursors.length - 1] ?? null,
    },
  };
}
