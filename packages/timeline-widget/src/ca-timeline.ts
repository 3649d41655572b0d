import type { Dataset, Lang, TimelineEvent } from "@ca-timeline/data";
import type { EventFilter } from "@ca-timeline/data/query/filter";
import { html, isServer, LitElement, type PropertyValues, type TemplateResult } from "lit";
import { type Bundled, DataController, type Loaded } from "./controllers/data-controller.ts";
import { UrlSyncController } from "./controllers/url-sync-controller.ts";
import { dataVersion } from "./hydration-key.ts";
import { toLang } from "./i18n.ts";
import { eventList } from "./parts/event-list.ts";
import { filterPanel } from "./parts/filter-panel.ts";
import { message } from "./parts/message.ts";
import { overview } from "./parts/overview.ts";
import { toolbar } from "./parts/toolbar.ts";
import { DEFAULT_TIMEOUT } from "./sources/fetch-json.ts";
import { styles } from "./styles.ts";
import { splitList, type UrlState } from "./url-state.ts";
import { computeView, type View, yearSpan } from "./view/compute-view.ts";
import { memoLast } from "./view/memo.ts";
import { type Field, type ResolvedFilter, resolveFilter } from "./view/resolve-filter.ts";
import { timelineRows } from "./view/rows.ts";

/** `detail` of `ca-timeline-change`: the filter in effect (the data package's EventFilter) and the number of events it keeps. */
export interface TimelineChangeDetail {
  filter: EventFilter;
  count: number;
}

const URL_PROPS = ["themes", "types", "actors", "from", "to", "q", "_open", "lang"] as const;
/**
 * Events rendered in the first frame (more than a tall screen shows). More follow in doubling chunks of
 * at most CHUNK_ROWS, one per frame after it is painted, up to AHEAD_ROWS (`updateComplete` waits for
 * those); beyond that, a chunk each time the end of the list comes near the screen, so that a long list
 * is not all built at once and no frame builds more than CHUNK_ROWS events. (Rows stay once built: a
 * visitor who scrolls through 10,000 events has them all in the DOM, and a new filter then has that many
 * to drop.)
 */
const FIRST_ROWS = 60;
const AHEAD_ROWS = 1500;
const CHUNK_ROWS = 500;
const list = {
  fromAttribute: splitList,
  toAttribute: (value: string[]) => (value.length > 0 ? value.join(",") : null),
};

/** The page's declared colour scheme (`color-scheme` on the root, else the meta tag): light, dark or auto. */
function pageScheme(): string {
  const declared = getComputedStyle(document.documentElement).colorScheme;
  const value =
    declared && declared !== "normal"
      ? declared
      : (document.querySelector('meta[name="color-scheme"]')?.getAttribute("content") ?? "");
  return /dark/.test(value) ? (/light/.test(value) ? "auto" : "dark") : "light";
}

const darkQuery = () => globalThis.matchMedia?.("(prefers-color-scheme: dark)");

/**
 * A filterable, accessible timeline of Germany's and the EU's relations with Central Asia.
 *
 * Data comes from the `events` property, else `src` (a file in `events.json` format), else `endpoint`
 * (the GraphQL API), else the data bundled with the with-data build. Filtering and search use the
 * query semantics of `@ca-timeline/data`. The element is composed of reactive controllers (data loading,
 * URL sync) and one template module per part (`src/parts/`); what it shows is computed by pure,
 * memoised functions (`src/view/`).
 *
 * @fires ca-timeline-select - An event was opened; `detail` is the event (TimelineEvent).
 * @fires ca-timeline-change - The filtered set changed; `detail` is `{ filter, count }`.
 *
 * @csspart skip-link - The two skip links (to the events, past the element); visible on focus.
 * @csspart toolbar - The row with search and the language switch.
 * @csspart search - The search field.
 * @csspart lang-switch - The DE/EN switch (hidden with `no-lang-switch`).
 * @csspart bar - The sticky bar with the result count, the filters button, the active filters and reset.
 * @csspart count - The result count (a polite live region).
 * @csspart filters-button - "Filters (n)": opens the filter panel on narrow layouts.
 * @csspart chip - One active filter in the bar; a button that removes it.
 * @csspart reset - The reset button (after the chips).
 * @csspart overview - The year overview (a visual summary): counts, milestones, the years on screen, the
 *   selected period; click a year to jump to it, drag across years (pointer or touch) to select a period.
 * @csspart filters - The filter panel (a sticky column on wide layouts).
 * @csspart period-control - The period's two year sliders (From, To; each says its year's count).
 * @csspart list - The list of years.
 * @csspart year - One year with its events.
 * @csspart gap - A run of years in which no event matches.
 * @csspart event - One event (carries `data-event-slug`).
 * @csspart event-button - The button that opens an event.
 * @csspart type - The event type: a coloured shape and its label.
 * @csspart milestone - The milestone badge.
 * @csspart details - The details of the open event.
 * @csspart copy-link - The "Copy link" button of the open event (with `sync-url`).
 * @csspart mark - A highlighted search match.
 * @csspart message - Loading, empty, notice and error messages.
 *
 * @cssprop --ca-timeline-color - Text colour.
 * @cssprop --ca-timeline-background - Background colour.
 * @cssprop --ca-timeline-muted-color - Colour of dates, counts and secondary text.
 * @cssprop --ca-timeline-accent-color - Links, the open event, density bars, milestones.
 * @cssprop --ca-timeline-border-color - Borders and the time axis.
 * @cssprop --ca-timeline-focus-color - The focus outline.
 * @cssprop --ca-timeline-mark-background - Background of search matches.
 * @cssprop --ca-timeline-mark-color - Text colour of search matches.
 * @cssprop --ca-timeline-highlight-background - Background of the years in view and of the open event.
 * @cssprop --ca-timeline-font-family - Font family.
 * @cssprop --ca-timeline-radius - Corner radius of controls.
 * @cssprop --ca-timeline-sticky-top - Offset of the sticky bar and filter column from the top (e.g. a fixed site header).
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
    noLangSwitch: { type: Boolean, attribute: "no-lang-switch", reflect: true },
    colorScheme: { attribute: "color-scheme", reflect: true },
    events: { attribute: false },
    timeout: { attribute: false },
    _open: { state: true },
    _panel: { state: true },
    _preview: { state: true },
    _inView: { state: true },
    _copied: { state: true },
    _limit: { state: true },
    _missing: { state: true },
  };

  static override styles = styles;

  /**
   * The dataset shown when no `events`, `src` or `endpoint` is given (set by the with-data build). With
   * `details`, it is shown without its details (summaries, notes, places, sources) until they are loaded.
   * (Declared, not initialised: undefined all the same, without the bytes of a class field.)
   */
  declare static defaultData: Bundled | undefined;

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
  /** Keep events that start on or before this date (a `to` before `from` is turned around). */
  declare to: string | undefined;
  /** Search text (both languages; case-, accent- and ß/ss-insensitive). */
  declare q: string | undefined;
  /** Keep filters, search, the language and the open event in the page URL (shareable, back button works). */
  declare syncUrl: boolean;
  /** Hide the visible DE/EN language switch (the page sets `lang` itself). */
  declare noLangSwitch: boolean;
  /** `light`, `dark` or `auto` (the visitor's system setting). Default: the page's declared `color-scheme`. */
  declare colorScheme: string | undefined;
  /**
   * Data given directly: the dataset in `events.json` shape (`timeline` of `@ca-timeline/data`), whose
   * vocabularies and documents label the filters and sources. An array of events alone renders with ids.
   */
  declare events: readonly TimelineEvent[] | Dataset | undefined;
  /** Milliseconds a request to `src` or `endpoint` may take before the element gives up and offers a retry. */
  declare timeout: number;
  /** Slug of the open event. */
  declare _open: string;
  /** The filter panel is open (narrow layouts). */
  declare _panel: boolean;
  /** The period being dragged on the overview. */
  declare _preview: [number, number] | undefined;
  /** Years whose events are on screen. */
  declare _inView: ReadonlySet<number>;
  /** Slug whose link was just copied, or "!" when copying failed. */
  declare _copied: string;
  /** How many events are rendered (the rest follow frame by frame). */
  declare _limit: number;
  /** An open-event slug from a link that the data does not have. */
  declare _missing: string;

  /** @internal */
  readonly _data = new DataController(this, () => ({
    events: this.events,
    // A server renders with the data it was given (it cannot fetch the page's relative URLs).
    ...(isServer && CaTimeline.defaultData ? {} : { src: this.src, endpoint: this.endpoint }),
    fallback: CaTimeline.defaultData,
    timeout: this.timeout,
  }));
  readonly #url = new UrlSyncController(this);
  /** @internal */
  _view: View | undefined;
  /** @internal */
  _resolved: ResolvedFilter | undefined;
  /** @internal */
  _years: [number, number] = [0, 0];
  #compute = memoLast((data: Loaded, key: string) =>
    computeView(data.index, JSON.parse(key) as EventFilter),
  );
  /** @internal */
  _rows = memoLast((shown: TimelineEvent[], limit: number) => timelineRows(shown.slice(0, limit)));
  #lastChange = "";
  #filterKey = "";
  #scrollToOpen = false;
  /** Where the focus goes after the next update (a selector; its first match in the shadow root). */
  #focus = "";
  /** An old link was corrected (a retired or unknown event): the URL is rewritten in place. */
  #rewriteUrl = false;
  #more = 0;
  #moreTask: ReturnType<typeof setTimeout> | undefined;
  #observer: IntersectionObserver | undefined;
  #visible = new Map<Element, boolean>();
  /** @internal Set while hydrating a server-rendered shadow root (hydration.ts). */
  declare _hydrating: boolean | undefined;

  constructor() {
    super();
    this.themes = [];
    this.types = [];
    this.actors = [];
    this.syncUrl = false;
    this.noLangSwitch = false;
    this.timeout = DEFAULT_TIMEOUT;
    this._open = "";
    this._panel = false;
    this._inView = new Set();
    this._copied = "";
    this._limit = FIRST_ROWS;
    this._missing = "";
  }

  #rerender = () => this.requestUpdate();
  #grow = () => {
    this._limit += Math.min(this._limit, CHUNK_ROWS);
  };
  /** A printout holds every event: the list is completed at once, before the page is laid out for print. */
  #print = () => {
    this._limit = Number.POSITIVE_INFINITY;
    this.performUpdate();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    darkQuery()?.addEventListener("change", this.#rerender);
    addEventListener("beforeprint", this.#print);
    const scheme = pageScheme();
    if (scheme !== this.#pageScheme) {
      this.#pageScheme = scheme;
      this.requestUpdate();
    }
    this.#observer = globalThis.IntersectionObserver && new IntersectionObserver(this.#onIntersect);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    darkQuery()?.removeEventListener("change", this.#rerender);
    removeEventListener("beforeprint", this.#print);
    this.#observer?.disconnect();
    this.#visible.clear();
    cancelAnimationFrame(this.#more);
    clearTimeout(this.#moreTask);
  }

  #onIntersect = (entries: IntersectionObserverEntry[]) => {
    for (const entry of entries) {
      // The end of a long list is in view, or already scrolled past (a page whose content below the
      // element is taller than the screen): the next chunk.
      if (entry.target.classList.contains("more")) {
        if (entry.isIntersecting || entry.boundingClientRect.bottom < 0) this.#grow();
        continue;
      }
      this.#visible.set(entry.target, entry.isIntersecting);
    }
    this.#yearsInView();
  };

  /** The years on screen, read afresh: Lit reuses a year's element for another year when the list changes. */
  #yearsInView() {
    const years = new Set<number>();
    for (const [el, on] of this.#visible)
      if (!el.isConnected) {
        this.#visible.delete(el);
        this.#observer?.unobserve(el);
      } else if (on) years.add(Number((el as HTMLElement).dataset.year));
    if ([...years].join() !== [...this._inView].join()) this._inView = years;
  }

  /** The language in effect: the attribute, else the nearest `lang` around the element. */
  get _lang(): Lang {
    return toLang(this.lang || this.parentElement?.closest("[lang]")?.getAttribute("lang"));
  }

  /**
   * Whether the element draws itself dark: `color-scheme`, else the page's declared scheme (read when
   * the element is added to the page: a page that switches its scheme later sets `color-scheme`).
   */
  get _dark(): boolean {
    const scheme = this.colorScheme || this.#pageScheme;
    return scheme === "dark" || (scheme === "auto" && !!darkQuery()?.matches);
  }

  #pageScheme = "light";

  /** Resolves when the whole list is rendered, not just its first frame. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    while (this.isConnected && this._limit < Math.min(this._view?.shown.length ?? 0, AHEAD_ROWS)) {
      await new Promise((resolve) => setTimeout(resolve, 16));
      done = await super.getUpdateComplete();
    }
    return done;
  }

  /** Loads the data again (what the retry button does). */
  reload(): void {
    this._data.load();
  }

  /** @internal For the URL sync controller. */
  urlState(): UrlState {
    return {
      themes: this.themes,
      types: this.types,
      actors: this.actors,
      from: this.from ?? "",
      to: this.to ?? "",
      q: this.q ?? "",
      event: this._open,
      lang: this.lang || "",
    };
  }

  /** @internal For the URL sync controller. */
  applyUrlState(state: Partial<UrlState>, reset: boolean): void {
    for (const key of ["themes", "types", "actors"] as const) {
      const value = state[key] ?? (reset ? [] : undefined);
      if (value) this[key] = value;
    }
    for (const key of ["from", "to", "q"] as const) {
      const value = state[key] ?? (reset ? "" : undefined);
      if (value !== undefined) this[key] = value || undefined;
    }
    if (state.lang) this.lang = toLang(state.lang);
    if (state.event !== undefined || reset) {
      this._open = state.event ?? "";
      this.#scrollToOpen = true;
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A server has no URL to read.
    if (changed.has("syncUrl") && this.syncUrl && !isServer) this.#url.read(false);
    if (!this.hasUpdated || changed.has("events") || changed.has("src") || changed.has("endpoint"))
      this.reload();
    const data = this._data.data;
    if (!data) {
      this._view = this._resolved = undefined;
      return;
    }
    this._years = yearSpan(data.index);
    // Cheap (a few ids); the costly part, the view, is memoised by the filter it yields.
    const resolved = resolveFilter(this, (field, id) => data.labels.has(`${field}:${id}`));
    this._resolved = resolved;
    const key = JSON.stringify(resolved.filter);
    const view = this.#compute(data, key);
    // A new filter starts the list again; more data arriving (an endpoint's later pages) keeps what is
    // rendered, so the visitor's scroll position and focus stay.
    if (key !== this.#filterKey) this._limit = FIRST_ROWS;
    this.#filterKey = key;
    // The server renders every event (readable without JavaScript); hydration does the same.
    if (isServer) this._limit = Number.POSITIVE_INFINITY;
    this._view = view;
    // An open event from an old link (once every event is there): a retired slug opens the event it was
    // merged into (an endpoint is asked; the answer comes with a later update); an unknown one is named in
    // a notice instead of silently doing nothing.
    const moved =
      this._open && !data.index.get(this._open) && this._data.missing !== "events"
        ? this._data.moved(this._open)
        : undefined;
    if (moved !== undefined) {
      this._missing = moved ? "" : this._open;
      this._open = moved;
      this.#scrollToOpen = true;
      this.#rewriteUrl = true;
    }
    if (this._open) {
      const at = view.shown.findIndex((e) => e.slug === this._open);
      if (at >= this._limit) this._limit = at + FIRST_ROWS;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    const view = this._view;
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
        const open = this.renderRoot.querySelector(`[data-event-slug="${CSS.escape(this._open)}"]`);
        open?.scrollIntoView({ block: "center" });
        // A link's event on a later page of an endpoint: scrolled to when it arrives.
        this.#scrollToOpen = !open && this._data.missing === "events";
      }
      cancelAnimationFrame(this.#more);
      clearTimeout(this.#moreTask);
      if (this._limit < Math.min(view.shown.length, AHEAD_ROWS))
        if (document.hidden)
          // After the frame is painted (a task queued from requestAnimationFrame), never before it; a
          // hidden page paints no frames, so there the next chunk simply follows.
          this.#moreTask = setTimeout(this.#grow);
        else this.#more = requestAnimationFrame(() => (this.#moreTask = setTimeout(this.#grow)));
      if (this.#observer)
        for (const item of this.renderRoot.querySelectorAll(".year, .more")) {
          // The end marker is observed afresh after every update, so that it reports where it is now:
          // a visitor (or a script) fast enough to reach the new end before the observer saw the marker
          // leave the screen would otherwise get no further chunk.
          if (item.classList.contains("more")) this.#observer.unobserve(item);
          this.#observer.observe(item);
        }
      this.#yearsInView();
      // A ticked box is its `checked` attribute in the template (`.checked` would be server-rendered as
      // checked="false", which ticks it); once a visitor has clicked a box, only the property decides,
      // so it follows the filters here.
      for (const box of this.renderRoot.querySelectorAll<HTMLInputElement>(".opts input"))
        box.checked = this[box.name as "themes"].includes(box.value);
    }
    if (this.#focus) {
      this.renderRoot.querySelector<HTMLElement>(this.#focus)?.focus();
      this.#focus = "";
    }
    if (this.syncUrl && this.#rewriteUrl) this.#url.replace();
    else if (this.syncUrl && URL_PROPS.some((p) => changed.has(p as keyof CaTimeline)))
      this.#url.write();
    this.#rewriteUrl = false;
  }

  /** @internal */
  _label(field: Field, id: string, lang: Lang): string {
    return this._data.data?.labels.get(`${field}:${id}`)?.[lang] ?? id;
  }

  /** @internal Clears every filter, the search and the open event; the focus goes to the events. */
  _reset = (): void => {
    this.themes = [];
    this.types = [];
    this.actors = [];
    this.from = this.to = this.q = undefined;
    this._open = "";
    this._missing = "";
    this._focusNext("#main");
  };

  /** @internal Sets the period to whole years; the data's outermost years mean "no bound". */
  _setPeriod(from?: number, to?: number): void {
    const [first, last] = this._years;
    this.from = from === undefined || from <= first ? undefined : String(from);
    this.to = to === undefined || to >= last ? undefined : String(to);
  }

  /** @internal */
  _toggle(slug: string): void {
    this._open = this._open === slug ? "" : slug;
    this._copied = "";
    const event = this._open && this._data.data?.index.get(slug);
    if (event) {
      this.dispatchEvent(
        new CustomEvent("ca-timeline-select", { detail: event, bubbles: true, composed: true }),
      );
    }
  }

  /**
   * @internal A control that removes itself (a chip, reset, "Clear search", retry) hands the focus on, after
   * the update, to the first element that matches `selector` (in the shadow root's order), never to the
   * page's body.
   */
  _focusNext(selector: string): void {
    this.#focus = selector;
    this.requestUpdate();
  }

  /** @internal Opens or closes the filter panel of narrow layouts, moving focus into it or back. */
  _togglePanel(open = !this._panel): void {
    this._panel = open;
    if (open) this._focusNext(".filters input:enabled, .filters summary");
    else this.renderRoot.querySelector<HTMLElement>("[part=filters-button]")?.focus();
  }

  /** @internal Focuses a year's heading, rendering the rest of the list first if needed. */
  async _jump(year: number): Promise<void> {
    const find = () => this.renderRoot.querySelector<HTMLElement>(`#y${year}`);
    if (!find() && this._view) {
      const at = this._view.shown.findIndex((e) => e.start.startsWith(String(year)));
      this._limit = Math.max(this._limit, at + FIRST_ROWS);
      await this.updateComplete;
    }
    find()?.focus();
  }

  /** @internal Arrow keys, Home and End move within a list (filter group, events, years); Escape closes an event. */
  _onKeys = (e: KeyboardEvent): void => {
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
      ...(e.currentTarget as HTMLElement).querySelectorAll<HTMLElement>("input:enabled, .head"),
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

  /**
   * @internal The skip links: to the events (past the filters), or past the whole element. The end mark
   * is in the tab order while it has the focus: from a focused `tabindex="-1"` element at the end of a
   * shadow root, Chromium's Tab goes back to the root's first control instead of on to the page.
   */
  _skip(to: "main" | "end"): void {
    const main = this.renderRoot.querySelector<HTMLElement>("#main");
    const target =
      to === "main" && main ? main : this.renderRoot.querySelector<HTMLElement>("#end")!;
    if (target.id === "end") {
      target.tabIndex = 0;
      target.addEventListener("blur", () => (target.tabIndex = -1), { once: true });
    }
    target.focus();
  }

  protected override render(): TemplateResult {
    const lang = this._lang;
    const data = this._data.data;
    const view = this._view;
    return html`<div class="root ${this._dark ? "dark" : ""}" lang=${lang} data-version=${dataVersion(data)}>
      ${toolbar(this, lang)}
      ${
        data && view
          ? html`${overview(this, view)}
            <div class="layout ${this._panel ? "open" : ""}">
              ${filterPanel(this, data, view, lang)}
              <div class="main" id="main" tabindex="-1">${eventList(this, data, view, lang)}</div>
            </div>`
          : message(this, lang)
      }
      <span id="end" tabindex="-1"></span>
    </div>`;
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
