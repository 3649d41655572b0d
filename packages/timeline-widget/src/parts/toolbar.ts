import type { Lang } from "@ca-timeline/data";
import { html, nothing } from "lit";
import type { CaTimeline } from "../ca-timeline.ts";
import { countText, strings } from "../i18n.ts";
import { FIELDS } from "../view/resolve-filter.ts";

/** The period as the visitor reads it: "2010–2015", "2010" (one year), "from 2010". */
export function periodText(from: string | undefined, to: string | undefined): string {
  const a = from?.slice(0, 4);
  const b = to?.slice(0, 4);
  return a === b ? (a ?? "") : `${a ?? "…"}–${b ?? "…"}`;
}

/**
 * The top of the element: skip links, search and the language switch; then the sticky bar with the
 * count (a live region), the "Filters (n)" button of narrow layouts, the active filters as removable
 * chips, and reset.
 */
export function toolbar(host: CaTimeline, lang: Lang) {
  const t = strings(lang);
  const data = host._data;
  const view = host._view;
  const filter = view?.filter;
  const active = filter
    ? FIELDS.reduce((n, f) => n + (filter[f]?.length ?? 0), 0) + (filter.from || filter.to ? 1 : 0)
    : 0;
  const chip = (label: string, remove: () => void) =>
    html`<li><button class="chip" part="chip" aria-label="${t.remove} ${label}" @click=${remove}>${label}<span aria-hidden="true"> ×</span></button></li>`;
  const quote = (s: string) => (lang === "de" ? `„${s}“` : `“${s}”`);
  const chips = filter
    ? [
        ...FIELDS.flatMap((field) =>
          (filter[field] ?? []).map((id) =>
            chip(host._label(field, id, lang), () => {
              host[field] = host[field].filter((x) => x !== id);
            }),
          ),
        ),
        filter.from || filter.to
          ? chip(periodText(filter.from ?? undefined, filter.to ?? undefined), () =>
              host._setPeriod(undefined, undefined),
            )
          : nothing,
        filter.search
          ? chip(quote(filter.search), () => {
              host.q = undefined;
            })
          : nothing,
      ]
    : [];
  const lang2 = (code: Lang, name: string) =>
    html`<button lang=${code} title=${name} aria-pressed=${lang === code} @click=${() => {
      host.lang = code;
    }}>${code.toUpperCase()}</button>`;
  return html`<button class="skip" part="skip-link" @click=${() => host._skip("main")}>${t.skipToEvents}</button>
    <button class="skip" part="skip-link" @click=${() => host._skip("end")}>${t.skipPast}</button>
    <div class="tools" part="toolbar">
      <label class="search">${t.search}
        <input type="search" part="search" .value=${host.q ?? ""} maxlength="200" @input=${(
          e: Event,
        ) => {
          host.q = (e.target as HTMLInputElement).value || undefined;
        }} />
      </label>
      ${
        host.noLangSwitch
          ? nothing
          : html`<div class="langs" part="lang-switch" role="group" aria-label=${t.language}>
              ${lang2("de", "Deutsch")}${lang2("en", "English")}
            </div>`
      }
    </div>
    ${
      data.status === "loading"
        ? nothing
        : html`<div class="bar" part="bar">
            <p class="count" part="count" role="status">${view ? countText(lang, view.shown.length) : ""}</p>
            ${
              view
                ? html`<button class="fbtn" part="filters-button" aria-expanded=${host._panel} aria-controls="filters"
                      @click=${() => host._togglePanel()}>${t.filtersButton}${active ? ` (${active})` : ""}</button>
                    ${chips.length ? html`<ul class="chips">${chips}</ul>` : nothing}
                    ${chips.length ? html`<button class="reset" part="reset" @click=${host._reset}>${t.reset}</button>` : nothing}`
                : nothing
            }
          </div>`
    }`;
}
