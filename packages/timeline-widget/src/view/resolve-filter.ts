import { resolveBound } from "@ca-timeline/data/edtf";
import type { EventFilter } from "@ca-timeline/data/query/filter";

export type Field = "themes" | "types" | "actors";
export const FIELDS: Field[] = ["themes", "types", "actors"];

/** What the element's attributes ask for (untrusted: shared links, page scripts). */
export interface FilterInput {
  themes: readonly string[];
  types: readonly string[];
  actors: readonly string[];
  from?: string | undefined;
  to?: string | undefined;
  q?: string | undefined;
}

export interface ResolvedFilter {
  /** The filter in effect, in the data package's shape. */
  filter: EventFilter;
  /** Ids the data does not know, left out of the filter (a stale link must not empty the view). */
  ignored: Array<[Field, string]>;
  /** from was later than to: the bounds were swapped rather than answered with nothing. */
  swapped: boolean;
}

/**
 * The filter the attributes ask for, made answerable: unknown ids and dates that are not calendar dates
 * are left out, and a period whose start is after its end is turned around.
 */
export function resolveFilter(
  input: FilterInput,
  known: (field: Field, id: string) => boolean,
): ResolvedFilter {
  const filter: EventFilter = {};
  const ignored: Array<[Field, string]> = [];
  for (const field of FIELDS) {
    const ids = input[field].filter((id) => known(field, id) || !ignored.push([field, id]));
    if (ids.length > 0) filter[field] = ids;
  }
  // resolveBound is the data package's rule for a filter bound: a calendar date that exists.
  let from = input.from && resolveBound(input.from, "start") ? input.from : undefined;
  let to = input.to && resolveBound(input.to, "end") ? input.to : undefined;
  const swapped = !!(from && to && resolveBound(from, "start")! > resolveBound(to, "end")!);
  if (swapped) [from, to] = [to, from];
  if (from) filter.from = from;
  if (to) filter.to = to;
  const q = input.q?.trim();
  if (q) filter.search = q;
  return { filter, ignored, swapped };
}
