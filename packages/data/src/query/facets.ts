import type { TimelineEvent } from "../types.ts";
import type { Facets, IdField } from "./types.ts";

/**
 * Counts per theme, type, actor and year over `positions` (all known ids and every year in `years`,
 * zeros too); actors by count, most first.
 */
export function countFacets(
  positions: readonly number[],
  events: readonly TimelineEvent[],
  known: Readonly<Record<IdField, readonly string[]>>,
  years: { first: number; last: number } | undefined,
): Facets {
  const tally = (field: IdField) => new Map(known[field].map((id) => [id, 0]));
  const themes = tally("themes");
  const types = tally("types");
  const actors = tally("actors");
  const perYear = new Map<number, number>();
  if (years) for (let y = years.first; y <= years.last; y++) perYear.set(y, 0);
  const bump = <K>(map: Map<K, number>, id: K) => map.set(id, (map.get(id) ?? 0) + 1);
  for (const p of positions) {
    const event = events[p]!;
    for (const theme of event.themes) bump(themes, theme);
    bump(types, event.type);
    for (const actor of event.actors) bump(actors, actor);
    bump(perYear, Number(event.start.slice(0, 4)));
  }
  const list = (map: Map<string, number>) => [...map].map(([id, count]) => ({ id, count }));
  return {
    themes: list(themes),
    types: list(types),
    actors: list(actors).sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : 1)),
    years: [...perYear].map(([year, count]) => ({ year, count })).sort((a, b) => a.year - b.year),
  };
}
