// Compiles only with the package's React types (`tsc -b`): handlers get a typed `detail` (not `any`),
// properties take their own types, and a made-up prop is an error.
import type { Dataset, TimelineEvent } from "@ca-timeline/data";
import type { TimelineChangeDetail } from "@ca-timeline/timeline-widget";
import { expectTypeOf } from "expect-type";

export const typedEvents = (
  <ca-timeline
    onca-timeline-select={(e) => expectTypeOf(e.detail).toEqualTypeOf<TimelineEvent>()}
    onca-timeline-change={(e) => expectTypeOf(e.detail).toEqualTypeOf<TimelineChangeDetail>()}
  />
);

export function listen(element: HTMLElementTagNameMap["ca-timeline"], dataset: Dataset) {
  element.events = dataset;
  element.addEventListener("ca-timeline-select", (e) => {
    expectTypeOf(e.detail).toEqualTypeOf<TimelineEvent>();
  });
}

// @ts-expect-error: <ca-timeline> has no property madeUp
export const madeUp = <ca-timeline madeUp="x" />;
// @ts-expect-error: themes is a list of theme ids (a property), not a comma list
export const wrongType = <ca-timeline themes="security" />;
