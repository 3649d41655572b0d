// <ca-timeline> for pages that render it on the server (@lit-labs/ssr): Lit's hydrate support, loaded
// before Lit, the element's hydration (hydration.ts), then the element defined. The standalone
// `ca-timeline-hydrate.js` and, for bundlers, `@ca-timeline/timeline-widget/hydrate`.
import "@lit-labs/ssr-client/lit-element-hydrate-support.js";
import { CaTimeline } from "./ca-timeline.ts";
import { installHydration } from "./hydration.ts";

export { CaTimeline };

installHydration(CaTimeline);
if (!customElements.get("ca-timeline")) customElements.define("ca-timeline", CaTimeline);
