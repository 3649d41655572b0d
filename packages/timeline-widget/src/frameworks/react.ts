// Types for React 19's JSX: `<ca-timeline>` with its properties and `onca-timeline-*` handlers (React 19
// sets properties and listens for custom events on custom elements). Load them once, e.g. in
// `src/vite-env.d.ts`: `/// <reference types="@ca-timeline/timeline-widget/react" />`.
import type { DetailedHTMLProps, HTMLAttributes } from "react";
import type { CaTimeline } from "../ca-timeline.ts";
import type { CaTimelineEventHandlers, CaTimelineProperties } from "./element-api.ts";

export type {
  CaTimelineEventHandlers,
  CaTimelineEventMap,
  CaTimelineProperties,
} from "./element-api.ts";

/** The props of `<ca-timeline>` in React: HTML attributes, a ref to the element, its properties and events. */
export type CaTimelineReactProps = DetailedHTMLProps<HTMLAttributes<CaTimeline>, CaTimeline> &
  CaTimelineProperties &
  CaTimelineEventHandlers;

declare module "react" {
  namespace JSX {
    interface IntrinsicElements {
      "ca-timeline": CaTimelineReactProps;
    }
  }
}
