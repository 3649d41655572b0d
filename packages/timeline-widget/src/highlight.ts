import { matchRanges } from "@ca-timeline/data/query/filter";
import { html, type TemplateResult } from "lit";

/**
 * The text with the search terms wrapped in <mark>. Parts are rendered by Lit as text nodes, so even
 * hostile text stays inert.
 */
export function highlight(text: string, search: string): string | Array<string | TemplateResult> {
  const ranges = search ? matchRanges(text, search) : [];
  if (ranges.length === 0) return text;
  const parts: Array<string | TemplateResult> = [];
  let at = 0;
  for (const [start, end] of ranges) {
    parts.push(text.slice(at, start), html`<mark part="mark">${text.slice(start, end)}</mark>`);
    at = end;
  }
  parts.push(text.slice(at));
  return parts;
}
