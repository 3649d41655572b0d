import type { TimelineEvent } from "@ca-timeline/data";
import type { EventFilter, FacetCount, FilterIndex } from "@ca-timeline/data/query/filter";
import type { Field } from "./resolve-filter.ts";

export interface YearBar {
  year: number;
  /** Events of this year the filter keeps. */
  count: number;
  /** Milestones among them. */
  milestones: number;
}

export interface View {
  filter: EventFilter;
  shown: TimelineEvent[];
  /** Per field, the counts under the other fields' filters (what ticking one more box would add). */
  facets: Record<Field, FacetCount[]>;
  /** Every year from the data's first to its last, empty ones included, so the axis has no holes. */
  years: YearBar[];
  /** The filter could not be answered (e.g. a search longer than the index allows). */
  failed?: boolean;
}

/** Counts per year for the overview, over the whole span of the data. */
export function yearBars(shown: readonly TimelineEvent[], first: number, last: number): YearBar[] {
  const bars: YearBar[] = [];
  for (let year = first; year <= last; year++) bars.push({ year, count: 0, milestones: 0 });
  for (const e of shown) {
    const bar = bars[Number(e.start.slice(0, 4)) - first];
    if (!bar) continue;
    bar.count++;
    if (e.milestone) bar.milestones++;
  }
  return bars;
}

/** The data's first and last year (of an event's first day). */
export function yearSpan(index: FilterIndex): [number, number] {
  const events = index.events;
  const year = (e: TimelineEvent | undefined) => Number(e?.start.slice(0, 4) ?? Number.NaN);
  let last = year(events[events.length - 1]);
  // Events are ordered by start; the last start is the last year.
  if (Number.isNaN(last)) last = year(events[0]);
  return [year(events[0]), last];
}

/** What the list, the overview and the filter counts show for one filter. Pure; memoised by the caller. */
export function computeView(index: FilterIndex, filter: EventFilter): View {
  const [first, last] = yearSpan(index);
  try {
    // A field's counts leave that field's own filter out; a field without a filter shares the counts
    // of the whole filter, so an unfiltered view costs one count over the events, not three.
    const all = index.facets(filter);
    const without = (field: Field) =>
      filter[field]?.length ? index.facets({ ...filter, [field]: undefined })[field] : all[field];
    const shown = index.filter(filter);
    return {
      filter,
      shown,
      facets: { themes: without("themes"), types: without("types"), actors: without("actors") },
      years: Number.isNaN(first) ? [] : yearBars(shown, first, last),
    };
  } catch {
    // The query package refuses what it cannot answer; the element says so in the visitor's language.
    return {
      filter,
      shown: [],
      facets: { themes: [], types: [], actors: [] },
      years: Number.isNaN(first) ? [] : yearBars([], first, last),
      failed: true,
    };
  }
}
