import type { DatePrecision } from "./types.ts";

/** The calendar interval an EDTF date can mean. */
export interface DateSpan {
  start: string;
  end: string;
  precision: DatePrecision;
  uncertain: boolean;
}

const SINGLE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?([?~%])?$/;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parses one EDTF date (`2023`, `2023-09`, `2023-09-29`, optionally with `?`, `~` or `%`). */
function parseSingle(text: string): DateSpan | string {
  const match = SINGLE.exec(text);
  if (!match) {
    return `"${text}" is not an EDTF date (expected YYYY, YYYY-MM or YYYY-MM-DD, optionally followed by ? ~ or %)`;
  }
  const [, y, m, d, qualifier] = match;
  const year = Number(y);
  const uncertain = qualifier !== undefined;
  if (m === undefined) {
    return { start: `${y}-01-01`, end: `${y}-12-31`, precision: "year", uncertain };
  }
  const month = Number(m);
  if (month < 1 || month > 12) return `"${text}" has no month ${m}`;
  const lastDay = daysInMonth(year, month);
  if (d === undefined) {
    return {
      start: `${y}-${m}-01`,
      end: `${y}-${m}-${pad(lastDay)}`,
      precision: "month",
      uncertain,
    };
  }
  const day = Number(d);
  if (day < 1 || day > lastDay) return `"${text}" has no day ${d} (${y}-${m} has ${lastDay} days)`;
  return { start: `${y}-${m}-${d}`, end: `${y}-${m}-${d}`, precision: "day", uncertain };
}

const ORDER: Record<DatePrecision, number> = { year: 0, month: 1, day: 2 };

/**
 * Parses the EDTF subset the dataset uses: a single date or a closed interval `a/b`.
 * Returns the span, or an error message that says what is wrong.
 */
export function parseEdtf(text: string): DateSpan | string {
  const parts = text.split("/");
  if (parts.length === 1) return parseSingle(text);
  if (parts.length !== 2) return `"${text}" has more than one "/"`;
  const first = parseSingle(parts[0]!);
  if (typeof first === "string") return first;
  const last = parseSingle(parts[1]!);
  if (typeof last === "string") return last;
  if (last.end < first.start) return `"${text}" ends before it starts`;
  // An interval is as precise as its coarser end.
  const precision =
    ORDER[first.precision] <= ORDER[last.precision] ? first.precision : last.precision;
  return {
    start: first.start,
    end: last.end,
    precision,
    uncertain: first.uncertain || last.uncertain,
  };
}

/**
 * Resolves a filter bound (`2022`, `2022-03` or `2022-03-15`) to the first or last ISO day it means.
 * Returns undefined for anything else.
 */
export function resolveBound(text: string, edge: "start" | "end"): string | undefined {
  if (!/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/.test(text)) return undefined;
  const span = parseSingle(text);
  return typeof span === "string" ? undefined : span[edge];
}
