// Types for Vue 3 templates (vue-tsc, Volar): `<ca-timeline>` in `GlobalComponents`, with its properties
// as props and its events for `@ca-timeline-select`/`@ca-timeline-change` (Vue's recipe for typing custom
// elements). Load them once, e.g. in `src/env.d.ts`: `/// <reference types="@ca-timeline/timeline-widget/vue" />`.
// vue-tsc rejects props the element does not have with `vueCompilerOptions.strictTemplates` (or
// `checkUnknownProps`); without it, unknown names pass as attributes.
import type { EmitFn, HTMLAttributes, PublicProps } from "vue";
import type { CaTimeline } from "../ca-timeline.ts";
import type { CaTimelineEventMap, CaTimelineProperties } from "./element-api.ts";

export type { CaTimelineEventMap, CaTimelineProperties } from "./element-api.ts";

/** `<ca-timeline>` as Vue's template type checking reads a component: `$props` and `$emit`. */
export type CaTimelineVueComponent = new () => CaTimeline & {
  /** @deprecated For template type checking only: the element has no `$props`. */
  $props: HTMLAttributes & CaTimelineProperties & PublicProps;
  /** @deprecated For template type checking only: the element has no `$emit`. */
  $emit: EmitFn<{
    [Name in keyof CaTimelineEventMap]: (event: CaTimelineEventMap[Name]) => void;
  }>;
};

declare module "vue" {
  interface GlobalComponents {
    "ca-timeline": CaTimelineVueComponent;
  }
}
