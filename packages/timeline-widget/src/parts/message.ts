import type { Lang } from "@ca-timeline/data";
import { html, nothing } from "lit";
import type { CaTimeline } from "../ca-timeline.ts";
import { strings } from "../i18n.ts";
import { DataError, describeProblem } from "../sources/data-error.ts";
import type { View } from "../view/compute-view.ts";
import { FIELDS } from "../view/resolve-filter.ts";
import { periodText } from "./toolbar.ts";

/** Loading and error states, across the whole width (there are no filters to show yet). */
export function message(host: CaTimeline, lang: Lang) {
  const t = strings(lang);
  const { status, error } = host._data;
  if (status === "loading")
    return html`<p class="msg" part="message" role="status">${t.loading}</p>`;
  if (status !== "error") return nothing;
  const why =
    error instanceof DataError
      ? describeProblem(lang, error.reason, error.detail)
      : error instanceof Error
        ? error.message
        : String(error);
  return html`<div class="msg" part="message" role="alert">
    <p><strong>${t.failed}</strong></p>
    <p>${why}</p>
    <button @click=${() => host.reload()}>${t.retry}</button>
  </div>`;
}

/** What a link asked for that the data does not have (ids, an event), and a turned-around period. */
export function notices(host: CaTimeline, lang: Lang) {
  const t = strings(lang);
  const resolved = host._resolved;
  const ignored = (resolved?.ignored ?? []).map(([field, id]) => `${t[field]}: ${id}`);
  if (host._missing) ignored.push(`${t.event}: ${host._missing}`);
  return html`${
    ignored.length
      ? html`<p class="note" part="message">${t.ignored} ${ignored.join("; ")}</p>`
      : nothing
  }${
    resolved?.swapped
      ? html`<p class="note" part="message">${t.period}: ${periodText(
          resolved.filter.from ?? undefined,
          resolved.filter.to ?? undefined,
        )}</p>`
      : nothing
  }`;
}

/** No event matches: say what was searched for, and offer the ways out. */
export function emptyMessage(host: CaTimeline, view: View, lang: Lang) {
  const t = strings(lang);
  if (view.failed) return html`<p class="msg" part="message">${t.badFilter}</p>`;
  const { filter } = view;
  const what: string[] = [];
  if (filter.search)
    what.push(`${t.searchFor} ${lang === "de" ? `„${filter.search}“` : `“${filter.search}”`}`);
  for (const field of FIELDS)
    if (filter[field]?.length)
      what.push(
        `${t[field]}: ${filter[field].map((id) => host._label(field, id, lang)).join(", ")}`,
      );
  const period = filter.from || filter.to;
  if (period) what.push(periodText(filter.from ?? undefined, filter.to ?? undefined));
  return html`<div class="msg" part="message">
    <p>${what.length ? `${t.noneFor} ${what.join("; ")}.` : t.none}</p>
    ${
      filter.search
        ? html`<button @click=${() => {
            host.q = undefined;
          }}>${t.clearSearch}</button>`
        : nothing
    }
    ${period ? html`<button @click=${() => host._setPeriod(undefined, undefined)}>${t.allYears}</button>` : nothing}
    ${what.length ? html`<button @click=${host._reset}>${t.reset}</button>` : nothing}
  </div>`;
}
