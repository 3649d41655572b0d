import type { PropertyValues } from "lit";
import type { CaTimeline } from "./ca-timeline.ts";
import { dataVersion } from "./hydration-key.ts";
import type { UrlState } from "./url-state.ts";

/**
 * Hydration of a server-rendered <ca-timeline> (`@lit-labs/ssr`, declarative shadow DOM), installed by
 * the `hydrate` entries only, so that the plain bundle carries none of it.
 *
 * The server renders every event (a page without JavaScript shows the whole list) with the data it was
 * given (`CaTimeline.defaultData`) and nothing from the browser: no URL state, the light scheme unless
 * `color-scheme="dark"`. Lit's hydration takes over that DOM only if the client's first render is the
 * same, so a server-rendered element waits for its data before its first update (the server's DOM stays
 * on screen meanwhile, untouched), renders exactly what the server rendered, and only then applies the
 * URL and the page's colour scheme as ordinary updates. Data other than the server rendered (another
 * version, or only part of it) cannot be hydrated: the server's DOM is then dropped and rendered afresh.
 *
 * Templates write an absent text as `nothing`, never `""`: the server renders `""` as no node between a
 * part's markers, and a hydrated part that later gets text writes it into the next node, the closing
 * marker comment (Lit 3.3), so "Filter (2)" stayed "Filter". test/demo.test.ts checks that every comment
 * in a hydrated root is still a marker.
 */
export function installHydration(element: typeof CaTimeline): void {
  // The element's lifecycle methods, wrapped below (protected ones reached through this view).
  type Hooks = {
    scheduleUpdate(this: CaTimeline): unknown;
    willUpdate(this: CaTimeline, changed: PropertyValues): void;
    updated(this: CaTimeline, changed: PropertyValues): void;
    requestUpdate: CaTimeline["requestUpdate"];
    reload(this: CaTimeline): void;
    applyUrlState(this: CaTimeline, state: Partial<UrlState>, reset: boolean): void;
  };
  const proto = element.prototype as unknown as Hooks;
  const { scheduleUpdate, willUpdate, updated, reload, applyUrlState } = proto;
  const dark = Object.getOwnPropertyDescriptor(element.prototype, "_dark")!.get!;

  proto.scheduleUpdate = function () {
    if (this.hasUpdated || !this.shadowRoot || !("litElementHydrateSupport" in globalThis))
      return scheduleUpdate.call(this);
    // The data controller asks for an update whenever its status changes: the data is in (or failed)
    // at the first such request that is neither "loading" nor a first part of the list (an endpoint's
    // later pages still to come: the server rendered them all; the details may follow, the list does
    // not show them).
    // A load that fails leaves the server's list in place (it is complete and readable) with a notice
    // and a retry; the element hydrates once the data is in.
    const settled = new Promise<void>((resolve) => {
      this.requestUpdate = (...args) => {
        proto.requestUpdate.apply(this, args);
        if (this._data.status === "loading" || this._data.missing === "events") return;
        if (this._data.status === "error" && !this._data.data) {
          offerRetry(this, () => reload.call(this));
          return;
        }
        this.shadowRoot?.querySelector(`.${NOTICE}`)?.remove();
        delete (this as { requestUpdate?: unknown }).requestUpdate;
        resolve();
      };
    });
    reload.call(this);
    this._hydrating = true;
    return settled.then(() => {
      if (dataVersion(this._data.data) !== serverVersion(this)) {
        this._hydrating = false;
        dropServerRender(this);
      }
      return scheduleUpdate.call(this);
    });
  };
  // While hydrating: the data is loaded already, the URL waits, every event is rendered (as on the
  // server), and the scheme is the server's (it knew no page scheme and no system setting).
  proto.reload = function () {
    if (!this._hydrating) reload.call(this);
  };
  proto.applyUrlState = function (state, reset) {
    if (!this._hydrating) applyUrlState.call(this, state, reset);
  };
  proto.willUpdate = function (changed) {
    willUpdate.call(this, changed);
    if (this._hydrating) this._limit = Number.POSITIVE_INFINITY;
  };
  Object.defineProperty(element.prototype, "_dark", {
    configurable: true,
    get(this: CaTimeline) {
      return this._hydrating ? this.colorScheme === "dark" : dark.call(this);
    },
  });
  proto.updated = function (changed) {
    updated.call(this, changed);
    if (!this._hydrating) return;
    // Hydrated: now what only the browser knows, in an update like a first one (the URL is read
    // when `syncUrl` changes, and a URL read is acknowledged when a URL property such as `lang`
    // changes; the colour scheme is read on every render).
    this._hydrating = false;
    this.requestUpdate("syncUrl", false);
    this.requestUpdate("lang", undefined);
  };
}

const NOTICE = "ssr-notice";
const OFFLINE = {
  en: [
    "Filters and search are not available right now: the events could not be loaded from the server. The list below is complete.",
    "Try again",
  ],
  de: [
    "Filter und Suche sind gerade nicht verfügbar: Die Ereignisse konnten nicht vom Server geladen werden. Die Liste unten ist vollständig.",
    "Erneut versuchen",
  ],
} as const;

/**
 * Says, above the server's list, that filters and search wait for the data, with a button that asks for
 * it again (once: a failure after a retry keeps the notice). Plain DOM, outside Lit's parts, and removed
 * before hydration, which then finds the server's DOM as it was rendered.
 */
function offerRetry(host: CaTimeline, retry: () => void): void {
  const root = host.shadowRoot?.querySelector(".root");
  if (!root || root.querySelector(`.${NOTICE}`)) return;
  const [text, label] = OFFLINE[host._lang];
  const notice = document.createElement("div");
  notice.className = `msg ${NOTICE}`;
  notice.setAttribute("part", "message");
  notice.setAttribute("role", "alert");
  const p = document.createElement("p");
  p.textContent = text;
  const button = document.createElement("button");
  button.textContent = label;
  button.addEventListener("click", () => {
    // The focus goes to the events once they are interactive (the button goes with the notice).
    host._focusNext("#main");
    retry();
  });
  notice.append(p, button);
  root.prepend(notice);
}

/** What the server rendered (`data-version` on the shadow root's first element, see dataVersion). */
function serverVersion(host: HTMLElement): string | undefined {
  return host.shadowRoot?.querySelector<HTMLElement>("[data-version]")?.dataset.version;
}

/**
 * Gives up hydration: removes the server's DOM (keeping its styles, which Lit does not adopt again for a
 * shadow root it found) and lets Lit render as if the root were new. `_$AG` is the production name of
 * hydrate support's "needs hydration" flag, `_$needsHydration` its development name.
 */
function dropServerRender(host: HTMLElement): void {
  const root = host.shadowRoot!;
  for (const node of [...root.childNodes]) if (node.nodeName !== "STYLE") node.remove();
  const flags = host as unknown as { _$AG?: boolean; _$needsHydration?: boolean };
  flags._$AG = flags._$needsHydration = false;
}
