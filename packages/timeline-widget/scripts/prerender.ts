// The demo page, server-rendered at build time: <ca-timeline> rendered by @lit-labs/ssr with the data of
// @ca-timeline/data (declarative shadow DOM, every event), the page's stylesheet inlined (one response
// paints), schema.org Event JSON-LD for search engines, and the client bundle with Lit's hydrate support.
// Beside it: `chronicle.html`, every event with its details as a plain page (what a visitor without
// JavaScript opens an event on), and `client-rendered.html`, the page as it was before (for comparison).
import { readFile, writeFile } from "node:fs/promises";
import type { Dataset, TimelineEvent } from "@ca-timeline/data";
import { render } from "@lit-labs/ssr";
import { collectResult } from "@lit-labs/ssr/lib/render-result.js";
import { escapeUTF8 as esc } from "entities";
import { html, unsafeStatic } from "lit/static-html.js";

/** The element's tag in the demo template, whose attributes the server-rendered element keeps. */
const ELEMENT = /<ca-timeline\b([^>]*)><\/ca-timeline>/;
const STATUS: Record<string, string> = {
  held: "EventScheduled",
  planned: "EventScheduled",
  postponed: "EventPostponed",
  cancelled: "EventCancelled",
};

/** schema.org `Event`s: one per event, its URL the event's entry on the chronicle page. */
export function eventsJsonLd(dataset: Dataset, lang: "de" | "en", page: string) {
  return {
    "@context": "https://schema.org",
    "@graph": dataset.events.map((e) => ({
      "@type": "Event",
      "@id": `${page}#${e.slug}`,
      identifier: e.slug,
      url: `${page}#${e.slug}`,
      name: e.title[lang],
      description: e.summary[lang],
      startDate: e.start,
      endDate: e.end,
      eventStatus: `https://schema.org/${STATUS[e.status] ?? "EventScheduled"}`,
      inLanguage: lang,
      ...(e.places.length > 0 && {
        location: e.places.map((p) => ({
          "@type": "Place",
          name: p.name[lang],
          address: { "@type": "PostalAddress", addressCountry: p.country },
        })),
      }),
      ...(e.partOf && { superEvent: { "@id": `${page}#${e.partOf}` } }),
    })),
  };
}

/** JSON in a <script>: `<` escaped so that no text in the data can close the element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c");

/** Every event with its details, by year: anchors, no script, no form. */
function chronicle(dataset: Dataset, formatDate: (date: string, lang: "en") => string): string {
  const labels = new Map<string, string>();
  for (const t of [...dataset.themes, ...dataset.eventTypes]) labels.set(t.id, t.label.en);
  for (const a of dataset.actors) labels.set(a.id, a.name.en);
  const docs = new Map(dataset.documents.map((d) => [d.id, d]));
  const bySlug = new Map(dataset.events.map((e) => [e.slug, e]));
  const years = new Map<string, TimelineEvent[]>();
  for (const e of dataset.events) {
    const year = e.start.slice(0, 4);
    years.set(year, [...(years.get(year) ?? []), e]);
  }
  const names = (ids: string[]) => esc(ids.map((id) => labels.get(id) ?? id).join(", "));
  const row = (term: string, value: string) => (value ? `<dt>${term}</dt><dd>${value}</dd>` : "");
  const source = (s: TimelineEvent["sources"][number]) => {
    const doc = s.document ? docs.get(s.document) : undefined;
    const url = s.url ?? doc?.url;
    const title = esc(s.title ?? doc?.title ?? url ?? "");
    const meta = [s.publisher ?? doc?.publisher, s.published ?? doc?.published].filter(Boolean);
    const text = url && /^https?:\/\//i.test(url) ? `<a href="${esc(url)}">${title}</a>` : title;
    return `<li>${text}${meta.length ? ` — ${esc(meta.join(", "))}` : ""}</li>`;
  };
  const event = (e: TimelineEvent) => {
    const parent = e.partOf ? bySlug.get(e.partOf) : undefined;
    return `<article id="${esc(e.slug)}"><h3><a href="#${esc(e.slug)}">${esc(e.title.en)}</a></h3>
<p class="when">${esc(formatDate(e.date, "en"))} · ${names([e.type])}${e.status === "held" ? "" : ` · ${esc(e.status)}`}</p>
<p>${esc(e.summary.en)}</p><dl>${row("Themes", names(e.themes))}${row("Actors", names(e.actors))}${row(
      "Places",
      esc(e.places.map((p) => p.name.en).join(", ")),
    )}${row("Part of", parent ? `<a href="#${esc(parent.slug)}">${esc(parent.title.en)}</a>` : "")}${row(
      "Notes",
      e.notes ? esc(e.notes.en) : "",
    )}${row("Sources", `<ul>${e.sources.map(source).join("")}</ul>`)}</dl></article>`;
  };
  return `<nav aria-label="Years"><ul class="years">${[...years.keys()]
    .map((y) => `<li><a href="#y${y}">${y}</a></li>`)
    .join("")}</ul></nav>
${[...years]
  .map(([y, list]) => `<section><h2 id="y${y}">${y}</h2>\n${list.map(event).join("\n")}</section>`)
  .join("\n")}`;
}

export async function prerenderDemo(root: string): Promise<void> {
  const { CaTimeline, formatDate } = await import(`${root}dist/index.js`);
  await import(`${root}dist/define.js`);
  const { timeline } = await import("@ca-timeline/data");
  CaTimeline.defaultData = timeline;
  const demo = `${root}dist/demo`;
  const template = await readFile(`${root}demo/index.html`, "utf8");
  const css = (await readFile(`${root}demo/demo.css`, "utf8")).trim();
  const attributes = ELEMENT.exec(template)?.[1];
  if (attributes === undefined) throw new Error("demo/index.html has no <ca-timeline> to render");
  const element = await collectResult(
    render(html`<ca-timeline ${unsafeStatic(attributes)}></ca-timeline>`),
  );
  const ld = eventsJsonLd(timeline, "en", "chronicle.html");
  const page = template
    .replace(ELEMENT, () => element)
    .replace('<link rel="stylesheet" href="demo.css" />', () => `<style>${css}</style>`)
    .replace('src="ca-timeline.js"', 'src="ca-timeline-hydrate.js"')
    .replace(
      "</main>",
      () =>
        `<noscript><p class="noscript">JavaScript is off, so filters and search do not work here: every event with its details is on <a href="chronicle.html">the chronicle page</a>.</p></noscript>
    </main>`,
    )
    .replace(
      "</body>",
      () => `<script type="application/ld+json">${scriptJson(ld)}</script>\n  </body>`,
    );
  await writeFile(`${demo}/index.html`, page);
  await writeFile(`${demo}/client-rendered.html`, template);
  const plain = template
    .replace(/<script type="module"[^>]*><\/script>\n?/, "")
    .replace('<link rel="stylesheet" href="demo.css" />', () => `<style>${css}</style>`)
    .replace(/<title>[^<]*/, "<title>Every event — ca-timeline")
    .replace(
      /<main>[\s\S]*<\/main>/,
      () =>
        `<main class="chronicle"><p><a href="./">Back to the timeline</a></p>\n${chronicle(timeline, formatDate)}\n</main>`,
    );
  await writeFile(`${demo}/chronicle.html`, plain);
}
