import type { Lang } from "@ca-timeline/data";
import { EDTF_DATE } from "@ca-timeline/data/edtf";
import { locale, strings } from "./i18n.ts";

type Options = Intl.DateTimeFormatOptions;

const YEAR: Options = { year: "numeric", timeZone: "UTC" };
const MONTH: Options = { ...YEAR, month: "long" };
const DAY: Options = { ...MONTH, day: "numeric" };

const formats = new Map<string, Intl.DateTimeFormat>();

function format(lang: Lang, options: Options): Intl.DateTimeFormat {
  const key = lang + Object.keys(options).length;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale(lang), options);
    formats.set(key, f);
  }
  return f;
}

/** Splits `2023`, `2023-09`, `2023-09-29` (with an optional EDTF qualifier) into a UTC date and its options. */
function parse(part: string): { date: Date; options: Options; approximate: boolean } | undefined {
  const m = EDTF_DATE.exec(part.trim());
  if (!m) return undefined;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2] ?? 1) - 1, Number(m[3] ?? 1)));
  date.setUTCFullYear(Number(m[1]));
  return { date, options: m[3] ? DAY : m[2] ? MONTH : YEAR, approximate: m[4] !== undefined };
}

/**
 * A date at its true precision: "2023", "September 2023", "29 September 2023", or a range
 * ("3–4 April 2025"); uncertain or approximate EDTF dates get "c."/"ca.". Unparseable text is returned as is.
 */
export function formatDate(edtf: string, lang: Lang): string {
  // Intl formatting is the costliest part of rendering a long list, and dates repeat: remembered.
  const key = lang + edtf;
  let text = done.get(key);
  if (text === undefined) {
    text = formatUncached(edtf, lang);
    if (done.size > 5000) done.clear();
    done.set(key, text);
  }
  return text;
}

const done = new Map<string, string>();

function formatUncached(edtf: string, lang: Lang): string {
  const [a, b] = edtf.split("/");
  const first = parse(a ?? "");
  if (!first) return edtf;
  const last = b === undefined ? undefined : parse(b);
  let text: string;
  if (last) {
    // A range is shown at the finer of its two precisions so that "2025-04-03/2025-04-04" keeps its days.
    const options =
      Object.keys(first.options).length >= Object.keys(last.options).length
        ? first.options
        : last.options;
    text = format(lang, options).formatRange(first.date, last.date);
  } else {
    text = format(lang, first.options).format(first.date);
  }
  return first.approximate || last?.approximate ? `${strings(lang).circa} ${text}` : text;
}
