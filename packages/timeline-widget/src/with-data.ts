import { timeline } from "@ca-timeline/data";
import { CaTimeline } from "./ca-timeline.ts";

export { CaTimeline };

// The data must be in place before the element is defined: elements already in the page upgrade on define.
CaTimeline.defaultData = timeline;
if (!customElements.get("ca-timeline")) customElements.define("ca-timeline", CaTimeline);
