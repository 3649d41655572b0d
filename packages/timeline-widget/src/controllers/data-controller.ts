import type { Dataset, SourceDocument, TimelineEvent } from "@ca-timeline/data";
import { createFilterIndex, type FilterIndex } from "@ca-timeline/data/query/filter";
import { isServer, type ReactiveController, type ReactiveControllerHost } from "lit";
import { loadFile } from "../sources/file-source.ts";
import { loadGraphql, type Missing } from "../sources/graphql-source.ts";
import { readDataset } from "../sources/read-dataset.ts";

export type Status = "" | "loading" | "ready" | "error";

/** A dataset made ready to show: the query index and lookups by id. */
export interface Loaded {
  dataset: Dataset;
  index: FilterIndex;
  documents: Map<string, SourceDocument>;
  labels: Map<string, { de: string; en: string }>;
}

/** Where the host's data comes from, in order of precedence. */
export interface DataSource {
  events?: readonly TimelineEvent[] | Dataset | undefined;
  src?: string | undefined;
  endpoint?: string | undefined;
  /** The open event (from a link): an endpoint is asked about it when no event has its slug. */
  open?: string | undefined;
  fallback?: Dataset | undefined;
  timeout: number;
}

export function prepare(dataset: Dataset): Loaded {
  const labels = new Map<string, { de: string; en: string }>();
  for (const t of dataset.themes) labels.set(`themes:${t.id}`, t.label);
  for (const t of dataset.eventTypes) labels.set(`types:${t.id}`, t.label);
  for (const a of dataset.actors) labels.set(`actors:${a.id}`, a.name);
  return {
    dataset,
    index: createFilterIndex(dataset),
    documents: new Map(dataset.documents.map((d) => [d.id, d])),
    labels,
  };
}

/**
 * Loads the host's data: `events`, else `src`, else `endpoint`, else the bundled fallback. An endpoint's
 * data is shown as it arrives (status "ready" with `missing` set): the first page of the list, the rest
 * of the list, then the events' details; the host's state (filters, open event) is its own and stays. A
 * generation counter and an abort per load mean a slower, older answer never replaces a newer one, and a
 * detached host does no work. (`@lit/task` does the same with more bytes than the 20 KB budget leaves.)
 */
export class DataController implements ReactiveController {
  status: Status = "";
  error: unknown;
  data: Loaded | undefined;
  /** What the data shown still lacks while an endpoint's load goes on ("" when complete). */
  missing: Missing | "" = "";
  #host: ReactiveControllerHost;
  #source: () => DataSource;
  #load = 0;
  #abort: AbortController | undefined;

  constructor(host: ReactiveControllerHost, source: () => DataSource) {
    this.#host = host;
    this.#source = source;
    host.addController(this);
  }

  hostConnected(): void {
    // A load cut short by removal from the page (before or after its first page) starts again when the
    // host comes back.
    if (this.status === "loading" || this.missing) this.load();
  }

  hostDisconnected(): void {
    this.#load++;
    this.#abort?.abort();
  }

  #set(status: Status, data: Loaded | undefined, error?: unknown, missing: Missing | "" = "") {
    this.status = status;
    this.data = data;
    this.error = error;
    this.missing = missing;
    this.#host.requestUpdate();
  }

  load(): void {
    const token = ++this.#load;
    this.#abort?.abort();
    const fail = (error: unknown) => {
      // Details that fail to arrive leave the list shown (the open event says so); a list cut short does not.
      const keep = this.missing === "details";
      if (token === this.#load)
        this.#set("error", keep ? this.data : undefined, error, keep ? "details" : "");
    };
    const use = (dataset: Dataset, missing: Missing | "" = "") => {
      if (token !== this.#load) return;
      const loaded = prepare(dataset);
      this.#set("ready", loaded, undefined, missing);
      if (missing) return;
      // The word index for search is the costly part of indexing: build it when the browser is idle
      // after the first render, not before it (a `q` already set builds it during that render); a
      // server rendering the element never searches.
      if (isServer) return;
      const idle = globalThis.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 50));
      idle(() => {
        if (token === this.#load) loaded.index.prepareSearch();
      });
    };
    const { events, src, endpoint, open, fallback, timeout } = this.#source();
    try {
      if (events) {
        use(readDataset(events));
        return;
      }
      const url = src || endpoint;
      if (url) {
        this.#set("loading", undefined);
        this.#abort = new AbortController();
        const options = { signal: this.#abort.signal, timeout, slug: open, onPartial: use };
        // catch after then: an exception while indexing the answer is shown too, never left unhandled.
        (src ? loadFile : loadGraphql)(url, options)
          .then((dataset) => use(dataset))
          .catch(fail);
        return;
      }
      if (fallback) use(fallback);
      else this.#set("", undefined);
    } catch (error) {
      fail(error);
    }
  }
}
