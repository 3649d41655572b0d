/** What the page URL holds when `sync-url` is on: the filters, the search, the open event and the language. */
export interface UrlState {
  themes: string[];
  types: string[];
  actors: string[];
  from: string;
  to: string;
  q: string;
  event: string;
  lang: string;
}

const LISTS = ["themes", "types", "actors"] as const;
const TEXTS = ["from", "to", "q", "event", "lang"] as const;

export const splitList = (value: string | null | undefined): string[] =>
  value
    ? value
        .split(",")
        .map((v) => v.trim())
        .filter(Boolean)
    : [];

/** Reads the state from a query string; parameters that are absent are absent from the result. */
export function readUrlState(search: string): Partial<UrlState> {
  const params = new URLSearchParams(search);
  const state: Partial<UrlState> = {};
  for (const key of LISTS) if (params.has(key)) state[key] = splitList(params.get(key));
  for (const key of TEXTS) if (params.has(key)) state[key] = params.get(key) ?? "";
  return state;
}

/** Writes the state into a URL, leaving the page's own parameters alone; empty values are dropped. */
export function writeUrlState(href: string, state: UrlState): string {
  const url = new URL(href);
  for (const key of [...LISTS, ...TEXTS]) {
    const value = state[key];
    const text = Array.isArray(value) ? value.join(",") : value;
    if (text) url.searchParams.set(key, text);
    else url.searchParams.delete(key);
  }
  return url.href;
}
