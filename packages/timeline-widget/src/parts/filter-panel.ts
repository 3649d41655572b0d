import type { Lang } from "@ca-timeline/data";
import { html, nothing } from "lit";
import type { CaTimeline } from "../ca-timeline.ts";
import type { Loaded } from "../controllers/data-controller.ts";
import { countText, strings } from "../i18n.ts";
import type { View } from "../view/compute-view.ts";
import type { Field } from "../view/resolve-filter.ts";

/**
 * The filters: a group of checkboxes per field with counts (an option that would add nothing is
 * disabled), and the period as two year sliders. A sticky column on wide layouts; on narrow ones a
 * disclosure behind "Filters (n)", closed with Escape or "Show events".
 */
export function filterPanel(host: CaTimeline, data: Loaded, view: View, lang: Lang) {
  const t = strings(lang);
  const group = (field: Field) => {
    const counts = new Map(view.facets[field].map((f) => [f.id, f.count]));
    const selected = host[field];
    const terms =
      field === "themes"
        ? data.dataset.themes
        : field === "types"
          ? data.dataset.eventTypes
          : data.dataset.actors;
    return html`<details ?open=${field === "themes" || selected.length > 0}>
      <summary>${t[field]}${selected.length ? ` (${selected.length})` : nothing}</summary>
      <div class="opts" role="group" aria-label=${t[field]} @keydown=${host._onKeys}>
        ${terms.map(({ id }) => {
          const n = counts.get(id) ?? 0;
          const on = selected.includes(id);
          return html`<label class=${n || on ? "" : "none"}
            ><input type="checkbox" name=${field} .value=${id} ?checked=${on} ?disabled=${!n && !on} />
            ${host._label(field, id, lang)} <span class="n">${n}</span></label
          >`;
        })}
      </div>
    </details>`;
  };
  const [first, last] = host._years;
  const year = (bound: string | null | undefined, edge: number) =>
    Number(bound?.slice(0, 4) || edge);
  const from = year(view.filter.from, first);
  const to = year(view.filter.to, last);
  // The value text names the year's count: the accessible form of the overview's bars.
  const slider = (name: "from" | "to", value: number) =>
    html`<label>${t[name]} <output>${value}</output>
      <input type="range" name=${name} min=${first} max=${last} step="1" .value=${String(value)}
        aria-valuetext="${t[name]} ${value}: ${countText(lang, view.years[value - first]?.count ?? 0)}" />
    </label>`;
  const onChange = (e: Event) => {
    const input = e.target as HTMLInputElement;
    const name = input.name as Field | "from" | "to";
    if (name === "from" || name === "to") {
      const v = Number(input.value);
      // One thumb pushes the other instead of making an impossible period.
      if (name === "from") host._setPeriod(v, Math.max(v, to));
      else host._setPeriod(Math.min(v, from), v);
    } else if (input.type === "checkbox") {
      const rest = host[name].filter((id) => id !== input.value);
      host[name] = input.checked ? [...rest, input.value] : rest;
    }
  };
  return html`<div class="filters" part="filters" id="filters" @change=${onChange} @input=${onChange}
      @keydown=${(e: KeyboardEvent) => {
        if (e.key === "Escape" && host._panel) host._togglePanel(false);
      }}>
      ${group("themes")} ${group("types")} ${group("actors")}
      <fieldset part="period-control">
        <legend>${t.period}</legend>
        ${slider("from", from)} ${slider("to", to)}
      </fieldset>
    </div>`;
}
