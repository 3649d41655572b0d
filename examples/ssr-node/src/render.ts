// The page, rendered on the server: <ca-timeline> with its shadow DOM (declarative), every event in it.
// Lit's Node build brings the DOM shim the element needs on the server.
import { timeline } from "@ca-timeline/data";
import { CaTimeline } from "@ca-timeline/timeline-widget";
import "@ca-timeline/timeline-widget/define";
import { render } from "@lit-labs/ssr";
import { collectResult } from "@lit-labs/ssr/lib/render-result.js";
import { html } from "lit";

// The server renders this data; in the browser the element loads `src` and hydrates when its version
// is the one rendered here (else it renders the loaded data afresh).
CaTimeline.defaultData = timeline;

export async function renderPage(): Promise<string> {
  const element = await collectResult(
    render(html`<ca-timeline src="/events.json" sync-url lang="en"></ca-timeline>`),
  );
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <!-- No favicon request: the test counts every console error, and a 404 for /favicon.ico is one. -->
    <link rel="icon" href="data:," />
    <title>ca-timeline, server-rendered</title>
    <script type="module" src="/ca-timeline-hydrate.js"></script>
  </head>
  <body>
    <h1>Germany, the EU and Central Asia</h1>
    ${element}
  </body>
</html>`;
}
