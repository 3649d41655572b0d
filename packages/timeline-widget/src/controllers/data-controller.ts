import type { Dataset, SourceDocument, TimelineEvent } from "@ca-timeline/data";
import { createFilterIndex, type FilterIndex } from "@ca-timeline/data/query/filter";
import { isServer, type ReactiveController, type ReactiveControllerHost } from "lit";
import type { LoadOptions } from "../sources/fetch-json.ts";
import { loadFile } from "../sources/file-source.ts";
import { loadGraphql, type Missing, movedTo } from "../sources/graphql-source.ts";
import { readDataset } from "../sources/read-dataset.ts";

export type Status = "" | "loading" | "ready" | "error";

/** A dataset made ready to show: the query index and lookups by id. */
export interface Loaded {
  dataset: Dataset;
  index: FilterIndex;
  documents: Map<string, SourceDocument>;
  labels: Map<string, { de: string; en: string }>;
}

/**
 * Loads a fallback's details, called like `loadFile` and `loadGraphql` (its first argument, their URL,
 * is unused) and answering the whole dataset.
 */
export type DetailsLoader = (url: unknown, options: LoadOptions) => Promise<Dataset>;

/** A dataset to show when no other is given; one without its details (the with-data build's) loads them. */
export type Bundled = Dataset & { details?: DetailsLoader };

/** Where the host's data comes from, in order of precedence. */
export interface DataSource {
  events?: readonly TimelineEvent[] | Dataset | undefined;
  src?: string | undefined;
  endpoint?: string | undefined;
  fallback?: Bundled | undefined;
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
 * of the list, then the events' details; so is a fallback with `details` (the with-data build's): at
 * once, then with its details. The host's state (filters, open event) is its own and stays. A
 * generation counter and an abort per load mean a slower, older answer never replaces a newer one, and a
 * detached host does no work. (`@lit/task` does the same with more bytes than the 20 KB budget leaves.)
 */
export class DataController implements ReactiveController {
  status: Status = "";
  error: unknown;
  data: Loaded | undefined;
  /** What the data shown still lacks while its load goes on ("" when complete). */
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

  #set(status: Status, data?: Loaded, error?: unknown, missing: Missing | "" = "") {
    this.status = status;
    this.data = data;
    this.error = error;
    this.missing = missing;
    this.#host.requestUpdate();
  }

  /** What each slug asked about became, by endpoint and slug (undefined while the question is out). */
  #moved = new Map<string, string | undefined>();

  /**
   * What became of an event no loaded event has (a link's slug, at any time: a shared link, the back
   * button): the event it was merged into, from the data's retired slugs, else from the endpoint, asked
   * once (the host updates again when the answer is in; undefined until then); "" when nothing.
   */
  moved(slug: string): string | undefined {
    const { events, src, endpoint, timeout } = this.#source();
    const retired = this.data?.dataset.retired?.[slug];
    if (retired || events || src || !endpoint) return retired ?? "";
    const key = `${endpoint} ${slug}`;
    if (!this.#moved.has(key)) {
      this.#moved.set(key, undefined);
      const done = (to: string) => {
        this.#moved.set(key, to);
        this.#host.requestUpdate();
      };
      // Not knowing is no reason to fail: the link's event is then named as not found.
      movedTo(endpoint, slug, { timeout }).then(done, () => done(""));
    }
    return this.#moved.get(key);
  }

  /**
   * Loads the data again. With `details`, after the details failed to arrive, the list shown stays (an
   * endpoint's list pages, asked for again, do not replace it) while the details are asked for again.
   */
  load(details = false): void {
    const token = ++this.#load;
    this.#abort?.abort();
    const fail = (error: unknown) => {
      // Details that fail to arrive leave the list shown (the open event says so); a list cut short does not.
      const keep = this.missing === "details";
      if (token === this.#load)
        this.#set("error", keep ? this.data : undefined, error, keep ? "details" : "");
    };
    const use = (dataset: Dataset, missing: Missing | "" = "") => {
      if (token !== this.#load || (details && missing === "events")) return;
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
    const { events, src, endpoint, fallback, timeout } = this.#source();
    try {
      if (events) {
        use(readDataset(events));
        return;
      }
      const url = src || endpoint;
      // A file, an endpoint, or the details of a fallback shown without them.
      const load = src ? loadFile : endpoint ? loadGraphql : fallback?.details;
      if (!url && fallback) use(fallback, load ? "details" : "");
      else if (details && this.data) this.#set("ready", this.data, undefined, "details");
      else this.#set(url ? "loading" : "");
      if (load) {
        this.#abort = new AbortController();
        // catch after then: an exception while indexing the answer is shown too, never left unhandled.
        load(url as string, { signal: this.#abort.signal, timeout, onPartial: use })
          .then(use)
          .catch(fail);
      }
    } catch (error) {
      fail(error);
    }
  }
}
