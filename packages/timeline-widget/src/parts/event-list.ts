import type { Lang } from "@ca-timeline/data";
import { html, nothing } from "lit";
import type { CaTimeline } from "../ca-timeline.ts";
import type { Loaded } from "../controllers/data-controller.ts";
import { formatDate } from "../format-date.ts";
import { highlight } from "../highlight.ts";
import { strings, unitText } from "../i18n.ts";
import type { View } from "../view/compute-view.ts";
import { duration, type EventNode } from "../view/rows.ts";
import { eventDetails } from "./event-details.ts";
import { notices } from "./message.ts";

/** Statuses with a label; any other status in untrusted data is shown as its own text. */
const STATUSES = ["planned", "postponed", "cancelled"];

/**
 * The events by year, on a time axis: gaps named, same-day events under one date, side events under
 * their parent, milestones emphasised, each event with its type (shape, colour and label).
 */
export function eventList(host: CaTimeline, data: Loaded, view: View, lang: Lang) {
  const t = strings(lang);
  if (view.failed || view.shown.length === 0) return notices(host, view, lang);
  const q = view.filter.search ?? "";
  // A type's marker (shape and colour) follows its place in the data's list of event types.
  const types = data.dataset.eventTypes.map((type) => type.id);
  const item = (node: EventNode, grouped: boolean): unknown => {
    const e = node.event;
    const open = e.slug === host._open;
    const span = duration(e);
    return html`<li part="event" class=${e.milestone ? "ev ms" : "ev"} data-event-slug=${e.slug}>
      <button class="head" part="event-button" aria-expanded=${open}>
        <span class=${grouped ? "date vh" : "date"}>${formatDate(e.date, lang)}</span>
        <span class="title">${highlight(e.title[lang], q)}</span>
        <span class="meta">
          <span class="type t${types.indexOf(e.type) % 10}" part="type">${host._label("types", e.type, lang)}</span>
          ${e.milestone ? html`<span class="badge" part="milestone">${t.milestone}</span>` : nothing}
          ${span ? html`<span class="dur">${unitText(lang, span.value, span.unit)}</span>` : nothing}
          ${e.status === "held" ? nothing : html`<span class="status">${STATUSES.includes(e.status) ? t[e.status as "planned"] : e.status}</span>`}
        </span>
      </button>
      ${open ? eventDetails(host, data, e, lang, q) : nothing}
      ${node.parts.length ? html`<ol class="parts">${node.parts.map((p) => item({ event: p, parts: [] }, false))}</ol>` : nothing}
    </li>`;
  };
  const rows = host._rows(view.shown, host._limit);
  return html`${notices(host, view, lang)}
    <ol class="list" part="list" @click=${(e: Event) => {
      const head = (e.target as Element).closest(".head");
      const slug = (head?.parentElement as HTMLElement | null)?.dataset.eventSlug;
      if (slug !== undefined) host._toggle(slug);
    }} @keydown=${host._onKeys}>
      ${rows.map((row) =>
        row.kind === "gap"
          ? html`<li class="gap" part="gap">${row.first === row.last ? row.first : `${row.first}–${row.last}`}: ${t.gap}</li>`
          : html`<li class="year" part="year" data-year=${row.year}>
              <h2 id="y${row.year}" tabindex="-1">${row.year}</h2>
              <ol>
                ${row.groups.map((g) =>
                  g.nodes.length > 1
                    ? html`<li class="day"><p class="date">${formatDate(g.date, lang)}</p>
                        <ol>${g.nodes.map((n) => item(n, true))}</ol></li>`
                    : item(g.nodes[0]!, false),
                )}
              </ol>
            </li>`,
      )}
      ${host._limit < view.shown.length ? html`<li class="more" aria-hidden="true">…</li>` : nothing}
    </ol>`;
}
