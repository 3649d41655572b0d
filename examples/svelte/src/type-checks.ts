// What svelte-check holds `<ca-timeline …>` in markup to: the package's entry in SvelteHTMLElements.
import type { SvelteHTMLElements } from "svelte/elements";

type Attributes = SvelteHTMLElements["ca-timeline"];

export const known: Attributes = { lang: "en", themes: ["security"], syncUrl: true };
// @ts-expect-error: <ca-timeline> has no property madeUp
export const madeUp: Attributes = { madeUp: "x" };
// @ts-expect-error: themes is a list of theme ids (a property), not a comma list
export const wrongType: Attributes = { themes: "security" };
