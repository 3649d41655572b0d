// Types for Svelte 5 (svelte-check): `<ca-timeline>` in `svelte/elements`' `SvelteHTMLElements`, with its
// properties and `onca-timeline-*` handlers (Svelte 5 sets properties the element has and listens for
// `on` + the event's name). Load them once, e.g. in `src/vite-env.d.ts`:
// `/// <reference types="@ca-timeline/timeline-widget/svelte" />`.
import type { HTMLAttributes } from "svelte/elements";
import type { CaTimeline } from "../ca-timeline.ts";
import type { CaTimelineEventHandlers, CaTimelineProperties } from "./element-api.ts";

export type {
  CaTimelineEventHandlers,
  CaTimelineEventMap,
  CaTimelineProperties,
} from "./element-api.ts";

/** The attributes of `<ca-timeline>` in Svelte markup: HTML attributes, its properties and events. */
export type CaTimelineSvelteAttributes = Omit<HTMLAttributes<CaTimeline>, "lang"> &
  CaTimelineProperties &
  CaTimelineEventHandlers;

declare module "svelte/elements" {
  interface SvelteHTMLElements {
    "ca-timeline": CaTimelineSvelteAttributes;
  }
}
