import type { ReactiveController, ReactiveControllerHost } from "lit";
import { readUrlState, type UrlState, writeUrlState } from "../url-state.ts";

/** What the host exposes to have its state kept in the page URL. */
export interface UrlSyncHost extends ReactiveControllerHost {
  syncUrl: boolean;
  /** The host's state as the URL should show it. */
  urlState(): UrlState;
  /** Applies a state read from the URL; `reset`: absent parameters clear their part (back/forward). */
  applyUrlState(state: Partial<UrlState>, reset: boolean): void;
}

const PERIOD = ["from", "to"] as const;

/**
 * Keeps the host's filters, language and open event in the page URL: reads it when `sync-url` turns on
 * and on back/forward, writes it after changes. Choosing a filter or an event adds a history entry, so
 * Back undoes it; typing a search or adjusting the period (arrow key after arrow key, a drag) replaces
 * the entry that the adjustment started, so Back does not step through every intermediate year.
 */
export class UrlSyncController implements ReactiveController {
  #host: UrlSyncHost;
  #written: UrlState | undefined;
  #fromUrl = false;

  constructor(host: UrlSyncHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    addEventListener("popstate", this.#onPopState);
  }

  hostDisconnected(): void {
    removeEventListener("popstate", this.#onPopState);
  }

  #onPopState = () => {
    if (this.#host.syncUrl) this.read(true);
  };

  read(reset: boolean): void {
    this.#fromUrl = true;
    this.#written = undefined;
    this.#host.applyUrlState(readUrlState(location.search), reset);
  }

  /** Writes the host's state after an update; a state that came from the URL is not written back. */
  write(): void {
    const state = this.#host.urlState();
    const before = this.#written;
    if (this.#fromUrl) {
      this.#fromUrl = false;
      this.#written = state;
      return;
    }
    const href = writeUrlState(location.href, state);
    if (href === location.href) return;
    const changed = (Object.keys(state) as Array<keyof UrlState>).filter(
      (k) => String(state[k]) !== String(before?.[k] ?? ""),
    );
    const only = (keys: readonly string[]) => changed.every((k) => keys.includes(k));
    // A repeat of the same kind of adjustment replaces; the first step of it adds the entry Back returns to.
    const adjusting =
      only(["q"]) || only(["lang"]) || (only(PERIOD) && this.#lastKind === "period");
    history[adjusting ? "replaceState" : "pushState"](history.state, "", href);
    this.#lastKind = only(PERIOD) ? "period" : "";
    this.#written = state;
  }

  #lastKind = "";

  /** Corrects the URL in place (an old link's retired event): no new history entry. */
  replace(): void {
    this.#fromUrl = false;
    this.#written = this.#host.urlState();
    history.replaceState(history.state, "", writeUrlState(location.href, this.#written));
  }
}
