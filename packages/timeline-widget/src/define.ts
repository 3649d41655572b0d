import { CaTimeline } from "./ca-timeline.ts";

export { CaTimeline };

// Guarded so that two bundles on one page (or a hot reload) do not throw on a second define.
if (!customElements.get("ca-timeline")) customElements.define("ca-timeline", CaTimeline);
