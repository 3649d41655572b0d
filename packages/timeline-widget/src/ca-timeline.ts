import type { Dataset, Lang, SourceDocument, TimelineEvent } from "@ca-timeline/data";
import { ISO_DATE } from "@ca-timeline/data/edtf";
import {
  createIndex,
  type EventFilter,
  type EventIndex,
  type Facets,
} from "@ca-timeline/data/query";
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from "lit";
import { formatDate } from "./format-date.ts";
import { highlight } from "./highlight.ts";
import { countText, strings, toLang } from "./i18n.ts";
import { DataError, describeProblem } from "./sources/data-error.ts";
import { DEFAULT_TIMEOUT } from "./sources/fetch-json.ts";
import { loadFile } from "./sources/file-source.ts";
import { loadGraphql } from "./sources/graphql-source.ts";
import { readDataset } from "./sources/read-dataset.ts";
import { styles } from "./styles.ts";
import { readUrlState, splitList, type UrlState, writeUrlState } from "./url-state.ts";

/** `detail` of `ca-timeline-change`: the filter in effect (the data package's EventFilter) and the number of events it keeps. */
export interface TimelineChangeDetail {
  filter: EventFilter;
  count: number;
}

type Field = "themes" | "types" | "actors";
type Status = "" | "loading" | "ready" | "error";

interface Loaded {
  dataset: Dataset;
  index: EventIndex;
  documents: Map<string, SourceDocument>;
  labels: Map<string, { de: string; en: string }>;
  years: number[];
}

interface View {
  filter: EventFilter;
  shown: TimelineEvent[];
  facets: Record<Field, Facets[Field]>;
  years: Facets["years"];
  problem?: string;
}

const FIELDS: Field[] = ["themes", "types", "actors"];
const FILTER_PROPS = ["themes", "types", "actors", "from", "to", "q"] as const;
/** Statuses with a label; any other status in untrusted data is shown as its own text. */
const STATUSES = ["planned", "postponed", "cancelled"];
const list = {
  fromAttribute: splitList,
  toAttribute: (value: string[]) => (value.length > 0 ? value.join(",") : null),
};

/**
 * A filterable, accessible timeline of Germany's and the EU's relations with Central Asia.
 *
 * Data comes from the `events` property, else `src` (a file in `events.json` format), else `endpoint`
 * (the GraphQL API), else the data bundled with the with-data build. Filtering and search use the
 * query semantics of `@ca-timeline/data`.
 *
 * @fires ca-timeline-select - An event was opened; `detail` is the event (TimelineEvent).
 * @fires ca-timeline-change - The filtered set changed; `detail` is `{ filter, count }`.
 *
 * @csspart toolbar - The row with search, result count and reset.
 * @csspart search - The search field.
 * @csspart count - The result count (a polite live region).
 * @csspart reset - The reset button.
 * @csspart overview - The year overview with event density (wide layouts only).
 * @csspart filters - The filter column.
 * @csspart list - The list of years.
 * @csspart year - One year with its events.
 * @csspart event - One event (carries `data-event-slug`).
 * @csspart event-button - The button that opens an event.
 * @csspart details - The details of the open event.
 * @csspart mark - A highlighted search match.
 * @csspart message - Loading, empty and error messages.
 *
 * @cssprop --ca-timeline-color - Text colour.
 * @cssprop --ca-timeline-background - Background colour.
 * @cssprop --ca-timeline-muted-color - Colour of dates, counts and secondary text.
 * @cssprop --ca-timeline-accent-color - Links, the open event, density bars.
 * @cssprop --ca-timeline-border-color - Borders and the time axis.
 * @cssprop --ca-timeline-focus-color - The focus outline.
 * @cssprop --ca-timeline-mark-background - Background of search matches.
 * @cssprop --ca-timeline-mark-color - Text colour of search matches.
 * @cssprop --ca-timeline-font-family - Font family.
 * @cssprop --ca-timeline-radius - Corner radius of controls.
 */
export class CaTimeline extends LitElement {
  static override properties = {
    lang: { reflect: true },
    endpoint: { reflect: true },
    src: { reflect: true },
    themes: { converter: list, reflect: true },
    types: { converter: list, reflect: true },
    actors: { converter: list, reflect: true },
    from: { reflect: true },
    to: { reflect: true },
    q: { reflect: true },
    syncUrl: { type: Boolean, attribute: "sync-url", reflect: true },
    events: { attribute: false },
    timeout: { attribute: false },
    _data: { state: true },
    _status: { state: true },
    _error: { state: true },
    _open: { state: true },
  };

  static override styles = styles;

  /** The dataset shown when no `events`, `src` or `endpoint` is given (set by the with-data build). */
  static defaultData: Dataset | undefined;

  /** UI and content language: `de` or `en` (default: the page's language, else English). */
  declare lang: string;
  /** URL of a GraphQL endpoint serving the API of `@ca-timeline/gateway`. */
  declare endpoint: string | undefined;
  /** URL of a file in `events.json` format. */
  declare src: string | undefined;
  /** Theme ids to keep (attribute: comma list). */
  declare themes: string[];
  /** Event type ids to keep (attribute: comma list). */
  declare types: string[];
  /** Actor ids (countries, organisations) to keep (attribute: comma list). */
  declare actors: string[];
  /** Keep events that end on or after this date (`2022`, `2022-03`, `2022-03-15`). */
  declare from: string | undefined;
  /** Keep events that start on or before this date. */
  declare to: string | undefined;
  /** Search text (both languages; case-, accent- and ß/ss-insensitive). */
  declare q: string | undefined;
  /** Keep filters, search and the open event in the page URL (shareable, back button works). */
  declare syncUrl: boolean;
  /** Data given directly: an array of events or a whole dataset in `events.json` shape. */
  declare events: readonly TimelineEvent[] | Dataset | undefined;
  /** Milliseconds a request to `src` or `endpoint` may take before the element gives up and offers a retry. */
  declare timeout: number;
  declare _data: Loaded | undefined;
  declare _status: Status;
  declare _error: unknown;
  declare _open: string;

  #view: View | undefined;
  #load = 0;
  #abort: AbortController | undefined;
  #lastChange = "";
  #fromUrl = false;
  #scrollToOpen = false;

  constructor() {
    super();
    this.themes = [];
    this.types = [];
    this.actors = [];
    this.syncUrl = false;
    this.timeout = DEFAULT_TIMEOUT;
    this._status = "";
    this._open = "";
  }

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener("popstate", this.#onPopState);
    // A load cut short by removal from the page starts again when the element comes back.
    if (this.hasUpdated && this._status === "loading") this.reload();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener("popstate", this.#onPopState);
    // No work for a detached element: the pending request is cancelled and its answer ignored.
    this.#load++;
    this.#abort?.abort();
  }

  #onPopState = () => {
    if (this.syncUrl) this.#readUrl(true);
  };

  /** Applies the URL's state; on back/forward, parameters that are absent reset their filter. */
  #readUrl(reset: boolean) {
    const state = readUrlState(location.search);
    this.#fromUrl = true;
    for (const key of ["themes", "types", "actors"] as const) {
      const value = state[key] ?? (reset ? [] : undefined);
      if (value) this[key] = value;
    }
    for (const key of ["from", "to", "q"] as const) {
      const value = state[key] ?? (reset ? "" : undefined);
      if (value !== undefined) this[key] = value || undefined;
    }
    if (state.event !== undefined || reset) {
      this._open = state.event ?? "";
      this.#scrollToOpen = true;
    }
  }

  /** The language in effect: the attribute, else the nearest `lang` around the element. */
  get #lang(): Lang {
    return toLang(this.lang || this.parentElement?.closest("[lang]")?.getAttribute("lang"));
  }

  /** Loads the data again (what the retry button does). */
  reload(): void {
    // A generation counter and an abort per load: a slower, older answer never replaces a newer one.
    const token = ++this.#load;
    this.#abort?.abort();
    const fail = (error: unknown) => {
      if (token !== this.#load) return;
      this._status = "error";
      this._error = error;
    };
    const use = (dataset: Dataset) => {
      if (token !== this.#load) return;
      const index = createIndex(dataset);
      const labels = new Map<string, { de: string; en: string }>();
      for (const t of dataset.themes) labels.set(`themes:${t.id}`, t.label);
      for (const t of dataset.eventTypes) labels.set(`types:${t.id}`, t.label);
      for (const a of dataset.actors) labels.set(`actors:${a.id}`, a.name);
      this._data = {
        dataset,
        index,
        documents: new Map(dataset.documents.map((d) => [d.id, d])),
        labels,
        years: index.facets().years.map((y) => y.year),
      };
      this._status = "ready";
      // The word index for search is the costly part of indexing: build it when the browser is idle
      // after the first render, not before it (a `q` already set builds it during that render).
      const idle = globalThis.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 50));
      idle(() => {
        if (token === this.#load) index.prepareSearch();
      });
    };
    try {
      if (this.events) {
        use(readDataset(this.events));
        return;
      }
      const url = this.src || this.endpoint;
      if (url) {
        this._status = "loading";
        this.#abort = new AbortController();
        const options = { signal: this.#abort.signal, timeout: this.timeout };
        // catch after then: an exception while indexing the answer is shown too, never left unhandled.
        (this.src ? loadFile : loadGraphql)(url, options).then(use).catch(fail);
        return;
      }
      const fallback = CaTimeline.defaultData;
      if (fallback) use(fallback);
      else {
        this._status = "";
        this._data = undefined;
      }
    } catch (error) {
      fail(error);
    }
  }

  /** The filter the attributes ask for, without ids the data does not know (a stale shared URL must not break the view). */
  #filter(data: Loaded): EventFilter {
    const filter: EventFilter = {};
    for (const field of FIELDS) {
      const known = this[field].filter((id) => data.labels.has(`${field}:${id}`));
      if (known.length > 0) filter[field] = known;
    }
    if (this.from && ISO_DATE.test(this.from)) filter.from = this.from;
    if (this.to && ISO_DATE.test(this.to)) filter.to = this.to;
    if (this.q?.trim()) filter.search = this.q.trim();
    return filter;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("syncUrl") && this.syncUrl) this.#readUrl(false);
    if (!this.hasUpdated || changed.has("events") || changed.has("src") || changed.has("endpoint"))
      this.reload();
    const data = this._data;
    if (!data) {
      this.#view = undefined;
      return;
    }
    const filter = this.#filter(data);
    try {
      const without = (field: Field) => data.index.facets({ ...filter, [field]: undefined })[field];
      this.#view = {
        filter,
        shown: data.index.filter(filter),
        facets: { themes: without("themes"), types: without("types"), actors: without("actors") },
        years: data.index.facets(filter).years,
      };
    } catch (error) {
      // A date range the data cannot answer (e.g. from after to): say so instead of failing.
      this.#view = {
        filter,
        shown: [],
        facets: { themes: [], types: [], actors: [] },
        years: [],
        problem: (error as Error).message,
      };
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    const view = this.#view;
    if (view) {
      const key = JSON.stringify(view.filter) + view.shown.length;
      if (key !== this.#lastChange) {
        this.#lastChange = key;
        const detail: TimelineChangeDetail = { filter: view.filter, count: view.shown.length };
        this.dispatchEvent(
          new CustomEvent("ca-timeline-change", { detail, bubbles: true, composed: true }),
        );
      }
      if (this.#scrollToOpen && this._open) {
        this.#scrollToOpen = false;
        this.renderRoot
          .querySelector(`[data-event-slug="${CSS.escape(this._open)}"]`)
          ?.scrollIntoView();
      }
    }
    if (
      this.syncUrl &&
      [...FILTER_PROPS, "_open"].some((p) => changed.has(p as keyof CaTimeline))
    ) {
      if (this.#fromUrl) {
        this.#fromUrl = false;
        return;
      }
      const state: UrlState = {
        themes: this.themes,
        types: this.types,
        actors: this.actors,
        from: this.from ?? "",
        to: this.to ?? "",
        q: this.q ?? "",
        event: this._open,
      };
      const href = writeUrlState(location.href, state);
      if (href === location.href) return;
      // Typing a search replaces the entry; choosing a filter or an event adds one, so Back undoes it.
      const typing = changed.size === 1 && changed.has("q");
      history[typing ? "replaceState" : "pushState"](history.state, "", href);
    }
  }

  #label(field: Field, id: string, lang: Lang): string {
    return this._data?.labels.get(`${field}:${id}`)?.[lang] ?? id;
  }

  #reset = () => {
    this.themes = [];
    this.types = [];
    this.actors = [];
    this.from = this.to = this.q = undefined;
    this._open = "";
  };

  #onFilterChange = (e: Event) => {
    const input = e.target as HTMLInputElement | HTMLSelectElement;
    const name = input.name as Field | "from" | "to";
    if (name === "from" || name === "to") {
      const years = this._data?.years ?? [];
      // The outermost years mean "no bound", which keeps the URL and the attributes clean.
      const edge = name === "from" ? years[0] : years[years.length - 1];
      this[name] = input.value === String(edge) ? undefined : input.value;
    } else if (input instanceof HTMLInputElement) {
      const rest = this[name].filter((id) => id !== input.value);
      this[name] = input.checked ? [...rest, input.value] : rest;
    }
  };

  #onSearch = (e: Event) => {
    this.q = (e.target as HTMLInputElement).value || undefined;
  };

  #onListClick = (e: Event) => {
    const head = (e.target as Element).closest(".head");
    const slug = (head?.parentElement as HTMLElement | null)?.dataset.eventSlug;
    if (slug !== undefined) this.#toggle(slug);
  };

  #toggle(slug: string) {
    this._open = this._open === slug ? "" : slug;
    const event = this._open && this._data?.index.get(slug);
    if (event) {
      this.dispatchEvent(
        new CustomEvent("ca-timeline-select", { detail: event, bubbles: true, composed: true }),
      );
    }
  }

  /** Arrow keys, Home and End move within a list (filter group, events, years); Escape closes an event. */
  #onKeys = (e: KeyboardEvent) => {
    const target = e.target as HTMLElement;
    if (e.key === "Escape" && this._open) {
      const item = target.closest<HTMLElement>("[data-event-slug]");
      if (item?.dataset.eventSlug === this._open) {
        this._open = "";
        item.querySelector("button")?.focus();
      }
      return;
    }
    const items = [
      ...(e.currentTarget as HTMLElement).querySelectorAll<HTMLElement>(
        "input, .head, .yr:enabled",
      ),
    ];
    const at = items.indexOf(target);
    const step = {
      ArrowDown: at + 1,
      ArrowRight: at + 1,
      ArrowUp: at - 1,
      ArrowLeft: at - 1,
      Home: 0,
      End: -1,
    }[e.key];
    if (at < 0 || step === undefined) return;
    e.preventDefault();
    items.at(Math.min(step, items.length - 1))?.focus();
  };

  #jump(year: number) {
    this.renderRoot.querySelector<HTMLElement>(`#y${year}`)?.focus();
  }

  protected override render(): TemplateResult {
    const lang = this.#lang;
    const t = strings(lang);
    const view = this.#view;
    const status =
      this._status === "loading"
        ? t.loading
        : this._status === "error"
          ? ""
          : view
            ? countText(lang, view.shown.length)
            : "";
    return html`<div lang=${lang}>
      <div class="tools" part="toolbar">
        <label class="search">${t.search}
          <input type="search" part="search" .value=${this.q ?? ""} @input=${this.#onSearch} maxlength="200" />
        </label>
        <p class="count" part="count" role="status">${status}</p>
        <button class="reset" part="reset" @click=${this.#reset}>${t.reset}</button>
      </div>
      ${view && !view.problem ? this.#overview(view, lang) : nothing}
      <div class="layout">
        ${this._data && view ? this.#filters(this._data, view, lang) : nothing}
        <div>${this.#body(view, lang)}</div>
      </div>
    </div>`;
  }

  #body(view: View | undefined, lang: Lang) {
    const t = strings(lang);
    if (this._status === "error") {
      const error = this._error;
      const why =
        error instanceof DataError
          ? describeProblem(lang, error.reason, error.detail)
          : error instanceof Error
            ? error.message
            : String(error);
      return html`<div class="msg" part="message" role="alert">
        <p><strong>${t.failed}</strong></p>
        <p>${why}</p>
        <button @click=${() => this.reload()}>${t.retry}</button>
      </div>`;
    }
    if (!view)
      return this._status === "loading"
        ? html`<p class="msg" part="message">${t.loading}</p>`
        : nothing;
    if (view.problem || view.shown.length === 0) {
      return html`<p class="msg" part="message">${view.problem ?? t.none}</p>`;
    }
    const groups: Array<[string, TimelineEvent[]]> = [];
    for (const event of view.shown) {
      const year = event.start.slice(0, 4);
      const last = groups[groups.length - 1];
      if (last?.[0] === year) last[1].push(event);
      else groups.push([year, [event]]);
    }
    const q = view.filter.search ?? "";
    return html`<ol class="list" part="list" @click=${this.#onListClick} @keydown=${this.#onKeys}>
      ${groups.map(
        ([year, events]) => html`<li class="year" part="year">
          <h2 id="y${year}" tabindex="-1">${year}</h2>
          <ol>
            ${events.map(
              (e) => html`<li part="event" data-event-slug=${e.slug}>
                <button class="head" part="event-button" aria-expanded=${e.slug === this._open}>
                  <span class="date">${formatDate(e.date, lang)}</span>
                  <span class="title">${highlight(e.title[lang], q)}</span>
                  ${e.status === "held" ? nothing : html`<span class="status">${STATUSES.includes(e.status) ? t[e.status] : e.status}</span>`}
                </button>
                ${e.slug === this._open ? this.#details(e, lang, q) : nothing}
              </li>`,
            )}
          </ol>
        </li>`,
      )}
    </ol>`;
  }

  #details(e: TimelineEvent, lang: Lang, q: string) {
    const t = strings(lang);
    const names = (field: Field, ids: string[]) =>
      ids.map((id) => this.#label(field, id, lang)).join(", ");
    const parent = e.partOf ? this._data?.index.get(e.partOf) : undefined;
    const row = (term: string, value: unknown) => html`<dt>${term}</dt><dd>${value}</dd>`;
    return html`<div class="details" part="details">
      <p>${highlight(e.summary[lang], q)}</p>
      <dl>
        ${row(t.type, this.#label("types", e.type, lang))} ${row(t.themes, names("themes", e.themes))}
        ${e.actors.length ? row(t.actors, names("actors", e.actors)) : nothing}
        ${e.places.length ? row(t.places, e.places.map((p) => p.name[lang]).join(", ")) : nothing}
        ${parent ? row(t.partOf, parent.title[lang]) : nothing}
        ${e.notes ? row(t.notes, highlight(e.notes[lang], q)) : nothing}
        ${row(t.sources, html`<ul>${e.sources.map((s) => html`<li>${this.#source(s, lang)}</li>`)}</ul>`)}
      </dl>
    </div>`;
  }

  #source(s: TimelineEvent["sources"][number], lang: Lang) {
    const doc = s.document ? this._data?.documents.get(s.document) : undefined;
    const url = s.url ?? doc?.url;
    const title = s.title ?? doc?.title ?? url ?? s.document ?? "";
    const published = s.published ?? doc?.published;
    const meta = [s.publisher ?? doc?.publisher, published && formatDate(published, lang)]
      .filter(Boolean)
      .join(", ");
    // Only web links become links: a `javascript:` or `data:` URL in untrusted data stays plain text.
    const link =
      url && /^https?:\/\//i.test(url)
        ? html`<a href=${url} rel="noopener noreferrer">${title}</a>`
        : title;
    return html`${link}${meta ? ` — ${meta}` : ""}`;
  }

  #filters(data: Loaded, view: View, lang: Lang) {
    const t = strings(lang);
    const group = (field: Field) => {
      const counts = new Map(view.facets[field].map((f) => [f.id, f.count]));
      const selected = this[field];
      const ids =
        field === "themes"
          ? data.dataset.themes
          : field === "types"
            ? data.dataset.eventTypes
            : data.dataset.actors;
      return html`<details ?open=${field === "themes" || selected.length > 0}>
        <summary>${t[field]}${selected.length ? ` (${selected.length})` : ""}</summary>
        <div class="opts" role="group" aria-label=${t[field]} @keydown=${this.#onKeys}>
          ${ids.map(
            ({ id }) => html`<label
              ><input type="checkbox" name=${field} .value=${id} .checked=${selected.includes(id)} />
              ${this.#label(field, id, lang)} <span class="n">${counts.get(id) ?? 0}</span></label
            >`,
          )}
        </div>
      </details>`;
    };
    const years = data.years;
    const year = (bound: string | undefined, edge: number | undefined) =>
      Number(bound?.slice(0, 4) || edge);
    const select = (name: "from" | "to", value: number) =>
      html`<label>${t[name]}
        <select name=${name}>
          ${years.map((y) => html`<option ?selected=${y === value}>${y}</option>`)}
        </select>
      </label>`;
    return html`<div class="filters" part="filters" @change=${this.#onFilterChange}>
      ${group("themes")} ${group("types")} ${group("actors")}
      <fieldset>
        <legend>${t.period}</legend>
        ${select("from", year(this.from, years[0]))} ${select("to", year(this.to, years[years.length - 1]))}
      </fieldset>
    </div>`;
  }

  #overview(view: View, lang: Lang) {
    const max = Math.max(1, ...view.years.map((y) => y.count));
    return html`<nav class="overview" part="overview" aria-label=${strings(lang).overview}>
      <ol @keydown=${this.#onKeys}>
        ${view.years.map(
          ({ year, count }) => html`<li>
            <button
              class="yr"
              ?disabled=${count === 0}
              aria-label="${year}: ${countText(lang, count)}"
              @click=${() => this.#jump(year)}
            >
              <i .style=${`--n:${count / max}`}></i>${year}
            </button>
          </li>`,
        )}
      </ol>
    </nav>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "ca-timeline": CaTimeline;
  }
  interface HTMLElementEventMap {
    "ca-timeline-select": CustomEvent<TimelineEvent>;
    "ca-timeline-change": CustomEvent<TimelineChangeDetail>;
  }
}
