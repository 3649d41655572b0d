import type { Lang } from "@ca-timeline/data";
import type { CaTimeline } from "../ca-timeline.ts";
import type { View } from "../view/compute-view.ts";
import { FIELDS } from "../view/resolve-filter.ts";

/** The period as the visitor reads it: "2010–2015", "2010" (one year), "2010–…" (open end). */
export function periodText(from?: string | null, to?: string | null): string {
  const a = from?.slice(0, 4);
  const b = to?.slice(0, 4);
  return a === b ? (a ?? "") : `${a ?? "…"}–${b ?? "…"}`;
}

export const quote = (text: string, lang: Lang): string =>
  lang === "de" ? `„${text}“` : `“${text}”`;

/**
 * The filters in effect, each with its label and how to remove it: the chips of the sticky bar and
 * the words of the empty-result message. The search comes last and is not counted in "Filters (n)".
 */
export function activeFilters(
  host: CaTimeline,
  { filter }: View,
  lang: Lang,
): Array<[label: string, remove: () => void]> {
  const list: Array<[string, () => void]> = [];
  for (const field of FIELDS)
    for (const id of filter[field] ?? [])
      list.push([
        host._label(field, id, lang),
        () => {
          host[field] = host[field].filter((x) => x !== id);
        },
      ]);
  if (filter.from || filter.to)
    list.push([periodText(filter.from, filter.to), () => host._setPeriod()]);
  if (filter.search)
    list.push([
      quote(filter.search, lang),
      () => {
        host.q = undefined;
      },
    ]);
  return list;
}
