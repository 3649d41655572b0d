import type { Lang } from "@ca-timeline/data";
import { html, nothing } from "lit";
import type { CaTimeline } from "../ca-timeline.ts";
import { strings } from "../i18n.ts";
import { DataError } from "../sources/data-error.ts";
import type { View } from "../view/compute-view.ts";
import { activeFilters, periodText } from "./active-filters.ts";

/**
 * Loading and error states, across the whole width (there are no filters to show yet). An error says
 * what failed and why in the visitor's language; what the server, the data or the code said (English, or
 * a status such as "HTTP 500") is behind a "Technical details" disclosure, for whoever runs the page.
 */
export function message(host: CaTimeline, lang: Lang) {
  const t = strings(lang);
  const { status, error } = host._data;
  if (status === "loading")
    return html`<p class="msg" part="message" role="status">${t.loading}</p>`;
  if (status !== "error") return nothing;
  const known = error instanceof DataError;
  const detail = known ? error.detail : String((error as Error)?.message ?? error);
  return html`<div class="msg" part="message" role="alert">
    <p><strong>${t.failed}</strong></p>
    ${known ? html`<p>${t[error.reason]}.</p>` : nothing}
    ${detail ? html`<details><summary>${t.technical}</summary><p lang="en">${detail}</p></details>` : nothing}
    <button @click=${() => {
      host.reload();
      host._focusNext("[part=search]");
    }}>${t.retry}</button>
  </div>`;
}

/**
 * Above the list: what a link asked for that the data does not have (ids, an event), and a period
 * that was turned around; for no match, what was searched for and the ways out.
 */
export function notices(host: CaTimeline, view: View, lang: Lang) {
  const t = strings(lang);
  const { ignored, swapped } = host._resolved!;
  const unknown = ignored.map(([field, id]) => `${t[field]}: ${id}`);
  if (host._missing) unknown.push(`${t.events[0]}: ${host._missing}`);
  const note = (text: unknown) => html`<p class="note" part="message">${text}</p>`;
  const what = activeFilters(host, view, lang).map(([label]) => label);
  const { search, from, to } = view.filter;
  return html`${unknown.length ? note(`${t.ignored} ${unknown.join("; ")}`) : nothing}${
    swapped ? note(`${t.swapped}: ${periodText(from, to)}`) : nothing
  }${
    view.failed || view.shown.length === 0
      ? html`<div class="msg" part="message">
          <p>${view.failed ? t.badFilter : what.length ? `${t.noneFor}: ${what.join(", ")}.` : t.none}</p>
          ${
            search
              ? html`<button @click=${() => {
                  host.q = undefined;
                  host._focusNext("[part=search]");
                }}>${t.clearSearch}</button>`
              : nothing
          }
          ${
            from || to
              ? html`<button @click=${() => {
                  host._setPeriod();
                  host._focusNext("#main");
                }}>${t.allYears}</button>`
              : nothing
          }
          ${what.length ? html`<button @click=${host._reset}>${t.reset}</button>` : nothing}
        </div>`
      : nothing
  }`;
}
