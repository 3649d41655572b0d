import type { Lang } from "@ca-timeline/data";
import { html, nothing } from "lit";
import type { CaTimeline } from "../ca-timeline.ts";
import { countText, strings } from "../i18n.ts";
import { activeFilters } from "./active-filters.ts";

/**
 * The top of the element: skip links, search and the language switch; then the sticky bar with the
 * count (a live region), the "Filters (n)" button of narrow layouts, the active filters as removable
 * chips, and reset.
 */
export function toolbar(host: CaTimeline, lang: Lang) {
  const t = strings(lang);
  const view = host._view;
  const chips = view ? activeFilters(host, view, lang) : [];
  const filters = chips.length - (view?.filter.search ? 1 : 0);
  const choose = (code: Lang, name: string) =>
    html`<button lang=${code} title=${name} aria-pressed=${lang === code} @click=${() => {
      host.lang = code;
    }}>${code.toUpperCase()}</button>`;
  return html`<button class="skip" part="skip-link" @click=${() => host._skip("main")}>${t.skipToEvents}</button
    ><button class="skip" part="skip-link" @click=${() => host._skip("end")}>${t.skipPast}</button>
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
          : html`<div class="langs" part="lang-switch" role="group" aria-label=${t.language}>${choose("de", "Deutsch")}${choose("en", "English")}</div>`
      }
    </div>
    ${
      // Nothing to count while loading, after an error or without data: no bar, no empty line.
      !view
        ? nothing
        : html`<div class="bar" part="bar">
            <p class="count" part="count" role="status">${countText(lang, view.shown.length)}</p>
            <button class="fbtn" part="filters-button" aria-expanded=${host._panel} aria-controls="filters"
              @click=${() => host._togglePanel()}>${t.filtersButton}${filters ? ` (${filters})` : nothing}</button>
            ${
              chips.length
                ? html`<ul class="chips">${chips.map(
                    ([label, remove]) =>
                      html`<li><button class="chip" part="chip" aria-label="${t.remove} ${label}" @click=${() => {
                        remove();
                        // The next chip, else the events, keeps the focus.
                        host._focusNext(".chips button, #main");
                      }}>${label}<span aria-hidden="true"> ×</span></button></li>`,
                  )}<li><button class="chip" part="reset" @click=${host._reset}>${t.reset}</button></li></ul>`
                : nothing
            }
          </div>`
    }`;
}
