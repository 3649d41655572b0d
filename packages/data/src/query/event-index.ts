import type { TimelineEvent } from "../types.ts";
import { FilterIndex } from "./filter-index.ts";
import { checkPage, paginate } from "./paginate.ts";
import type { EventPage, IndexOptions, QueryOptions } from "./types.ts";

/**
 * The one implementation of the query semantics (filter, search, order, cursor pagination, facets)
 * that the data package and the GraphQL schema share (the widget uses FilterIndex, without pages).
 * Built once per dataset; pages are slices of the date-ordered events.
 */
export class EventIndex extends FilterIndex {
  readonly #maxPageSize: number;

  constructor(
    events: readonly TimelineEvent[],
    options: IndexOptions & { actorNames?: Map<string, string> } = {},
  ) {
    super(events, options);
    this.#maxPageSize = options.maxPageSize ?? Number.POSITIVE_INFINITY;
  }

  /** Filters, orders and pages events (Relay cursor connections: first/after, last/before). */
  query(options: QueryOptions = {}): EventPage {
    // Page arguments are checked before the filter: with both wrong, the error names the page argument.
    const page = checkPage(options, this.#maxPageSize);
    return paginate(this.match(options.filter), this.keys, this.events, page);
  }
}
