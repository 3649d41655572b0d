// The EDTF (ISO 8601-2) grammar of the dataset, in one place. Side-effect free and dependency free, so
// that the widget's bundle, the GraphQL schema and the validation can all import it
// (`@ca-timeline/data/edtf`).

/** Year, optional month, optional day; captures them. Months and days are checked by `parseEdtf`. */
const DATE = "(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?";
/** `?` uncertain, `~` approximate, `%` both. */
const QUALIFIER = "([?~%])?";
/** The same, with months 01–12 and days 01–31 spelled out, for validators that only take a pattern. */
const STRICT_MONTH = "(?:0[1-9]|1[0-2])";
const STRICT_DAY = "(?:0[1-9]|[12]\\d|3[01])";
const STRICT_DATE = `\\d{4}(?:-${STRICT_MONTH}(?:-${STRICT_DAY})?)?`;

/** An ISO day, `YYYY-MM-DD` (an event's `start` and `end`). */
export const ISO_DAY: RegExp = /^\d{4}-\d{2}-\d{2}$/;
/** A calendar date at year, month or day precision: `YYYY`, `YYYY-MM`, `YYYY-MM-DD` (filter bounds, `published`). Captures year, month, day. */
export const ISO_DATE: RegExp = /* @__PURE__ */ new RegExp(`^${DATE}$`);
/** One EDTF date: an ISO date, optionally qualified with `?`, `~` or `%`. Captures year, month, day, qualifier. */
export const EDTF_DATE: RegExp = /* @__PURE__ */ new RegExp(`^${DATE}${QUALIFIER}$`);
/** `ISO_DATE` as a pattern string (JSON Schema); `resolveBound` also rejects impossible days. */
export const ISO_DATE_PATTERN: string = `^${STRICT_DATE}$`;
/** `ISO_DAY` with months 01–12 and days 01–31 spelled out, as a pattern string (JSON Schema); `resolveBound` also rejects impossible days. */
export const ISO_DAY_PATTERN: string = `^\\d{4}-${STRICT_MONTH}-${STRICT_DAY}$`;
/** An event's `date`, one EDTF date or a closed interval `a/b`, as a pattern string (JSON Schema). */
export const EDTF_PATTERN: string = `^${STRICT_DATE}[?~%]?(?:/${STRICT_DATE}[?~%]?)?$`;

export const DATE_PRECISIONS = ["year", "month", "day"] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

/** The calendar interval an EDTF date can mean. */
export interface DateSpan {
  start: string;
  end: string;
  precision: DatePrecision;
  uncertain: boolean;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parses one EDTF date (`2023`, `2023-09`, `2023-09-29`, optionally with `?`, `~` or `%`). */
function parseSingle(text: string): DateSpan | string {
  const match = EDTF_DATE.exec(text);
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
 * Resolves a calendar date (`2022`, `2022-03` or `2022-03-15`, e.g. a filter bound) to the first or last ISO
 * day it means. Returns undefined for anything else, including qualified dates and impossible days.
 */
export function resolveBound(text: string, edge: "start" | "end"): string | undefined {
  if (!ISO_DATE.test(text)) return undefined;
  const span = parseSingle(text);
  return typeof span === "string" ? undefined : span[edge];
}
