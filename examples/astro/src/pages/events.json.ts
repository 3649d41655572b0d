// The data the element loads in the browser, written beside the page at build time.
import { timeline } from "@ca-timeline/data";

export function GET(): Response {
  return new Response(JSON.stringify(timeline), {
    headers: { "content-type": "application/json" },
  });
}
