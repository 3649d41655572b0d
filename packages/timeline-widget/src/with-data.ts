import { bundled, integrity } from "virtual:ca-timeline/bundled-data";
import { type DatasetDetails, withDetails } from "./bundled-details.ts";
import { CaTimeline } from "./ca-timeline.ts";
import { fetchJson } from "./sources/fetch-json.ts";

export { CaTimeline };

// The data must be in place before the element is defined: elements already in the page upgrade on define.
// The bundle embeds what the list and the filters need; summaries, notes, places and sources come after the
// first render from the file beside it, checked against the hash the build put here (so a CDN script's
// SRI hash covers them too), and arrive the way an endpoint's details do.
// Written out as `new URL("./…", import.meta.url)`, which bundlers that take in this file (webpack, Vite)
// recognise as an asset beside it and copy along; our own build leaves it alone (@vite-ignore).
const details = new URL(/* @vite-ignore */ "./ca-timeline-with-data.details.json", import.meta.url);
CaTimeline.defaultData = {
  ...withDetails(bundled),
  details: async (_, options) =>
    withDetails(
      bundled,
      (await fetchJson(new Request(details, { integrity }), options, {
        accept: "application/json",
      })) as DatasetDetails,
    ),
};
if (!customElements.get("ca-timeline")) customElements.define("ca-timeline", CaTimeline);
