import { resolveBound } from "../edtf.ts";
import { QueryError } from "./errors.ts";
import { searchTerms } from "./fold.ts";
import { type EventFilter, ID_FIELDS, type IdField } from "./types.ts";

/** A filter, checked: its bounds as ISO days, its search as folded terms. */
export interface CheckedFilter {
  fromDay: string | undefined;
  toDay: string | undefined;
  terms: string[];
}

const notADate = (value: string) => `"${value}" is not a date; use YYYY, YYYY-MM or YYYY-MM-DD`;

/** Checks a filter and says what is wrong with it (a QueryError naming the field). */
export function checkFilter(
  filter: EventFilter | null | undefined,
  known: Readonly<Record<IdField, readonly string[]>>,
  maxSearchLength: number,
): CheckedFilter {
  const from = filter?.from ?? undefined;
  const to = filter?.to ?? undefined;
  const fromDay = from === undefined ? undefined : resolveBound(from, "start");
  if (from !== undefined && fromDay === undefined)
    throw new QueryError("filter.from", notADate(from));
  const toDay = to === undefined ? undefined : resolveBound(to, "end");
  if (to !== undefined && toDay === undefined) throw new QueryError("filter.to", notADate(to));
  if (fromDay !== undefined && toDay !== undefined && fromDay > toDay) {
    throw new QueryError("filter.from", `"${from}" is after filter.to "${to}"`);
  }
  for (const field of ID_FIELDS) {
    const values = filter?.[field];
    if (!values) continue;
    const unknown = values.filter((v) => !known[field].includes(v));
    if (unknown.length > 0) {
      throw new QueryError(
        `filter.${field}`,
        `unknown id${unknown.length > 1 ? "s" : ""} ${unknown.map((u) => `"${u}"`).join(", ")}; known: ${known[field].join(", ")}`,
      );
    }
  }
  const search = filter?.search ?? undefined;
  if (search !== undefined && search.length > maxSearchLength) {
    throw new QueryError("filter.search", `is longer than ${maxSearchLength} characters`);
  }
  return { fromDay, toDay, terms: searchTerms(search) };
}
