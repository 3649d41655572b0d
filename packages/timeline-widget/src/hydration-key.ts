import type { Loaded } from "./controllers/data-controller.ts";

/**
 * Which data a render shows, as the element writes it into its DOM (`data-version`): the dataset's
 * version and its number of events, so that hydration (hydration.ts) can tell the data the server
 * rendered from other data — another version, or the first part of a dataset still loading.
 */
export const dataVersion = (data: Loaded | undefined): string =>
  data ? `${data.dataset.version} ${data.dataset.events.length}` : "";
