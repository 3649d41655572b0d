// The element's API as the frameworks' type entries see it, derived from the element itself: its public
// reactive properties (the keys of `static properties` not starting with `_`) and its events (the
// `ca-timeline-*` entries of `HTMLElementEventMap`, declared in ca-timeline.ts). A property or event added
// there is typed for React, Vue and Svelte at once; `custom-elements.json` is generated from the same class.
import type { CaTimeline } from "../ca-timeline.ts";

/** Names of the element's public properties (each attribute reflects one of them). */
export type CaTimelinePropertyName = Exclude<keyof typeof CaTimeline.properties, `_${string}`>;

/**
 * What a framework may set on `<ca-timeline>`: its properties, all optional. React 19, Vue and Svelte set
 * these as properties (the element has them), so `themes` takes a string array and `events` the dataset.
 */
export type CaTimelineProperties = Partial<Pick<CaTimeline, CaTimelinePropertyName>>;

/** The element's events by name, each a `CustomEvent` with its typed `detail`. */
export type CaTimelineEventMap = Pick<
  HTMLElementEventMap,
  Extract<keyof HTMLElementEventMap, `ca-timeline-${string}`>
>;

/** Handlers by their `on<event-name>` prop (React 19 and Svelte 5 listen for `on` + the event's exact name). */
export type CaTimelineEventHandlers = {
  [Name in keyof CaTimelineEventMap as `on${Name}`]?: (event: CaTimelineEventMap[Name]) => void;
};
