import type { Lang, TimelineEvent } from "@ca-timeline/data";
import { html, nothing } from "lit";
import type { CaTimeline } from "../ca-timeline.ts";
import type { Loaded } from "../controllers/data-controller.ts";
import { formatDate } from "../format-date.ts";
import { highlight } from "../highlight.ts";
import { strings } from "../i18n.ts";
import { writeUrlState } from "../url-state.ts";
import type { Field } from "../view/resolve-filter.ts";
import { titleLang } from "../view/text-kind.ts";

async function copyLink(host: CaTimeline, slug: string) {
  try {
    await navigator.clipboard.writeText(
      writeUrlState(location.href, { ...host.urlState(), event: slug }),
    );
    host._copied = slug;
  } catch {
    host._copied = "";
  }
}

/** The open event: summary, facts, notes (headed by what they are), sources, and a shareable link. */
export function eventDetails(
  host: CaTimeline,
  data: Loaded,
  e: TimelineEvent,
  lang: Lang,
  q: string,
) {
  const t = strings(lang);
  const names = (field: Field, ids: string[]) =>
    ids.map((id) => host._label(field, id, lang)).join(", ");
  const parent = e.partOf ? data.index.get(e.partOf) : undefined;
  const row = (term: string, value: unknown) => html`<dt>${term}</dt><dd>${value}</dd>`;
  const source = (s: TimelineEvent["sources"][number]) => {
    const doc = s.document ? data.documents.get(s.document) : undefined;
    const url = s.url ?? doc?.url;
    const title = s.title ?? doc?.title ?? url ?? s.document ?? "";
    const published = s.published ?? doc?.published;
    const meta = [s.publisher ?? doc?.publisher, published && formatDate(published, lang)]
      .filter(Boolean)
      .join(", ");
    const language = titleLang(title, doc?.language);
    const text =
      language && language !== lang ? html`<span lang=${language}>${title}</span>` : title;
    // Only web links become links: a `javascript:` or `data:` URL in untrusted data stays plain text.
    const link =
      url && /^https?:\/\//i.test(url)
        ? html`<a href=${url} rel="noopener noreferrer">${text}</a>`
        : text;
    return html`<li>${link}${meta ? ` — ${meta}` : nothing}</li>`;
  };
  // An endpoint's details (summary, notes, places, sources) follow the list: until then, say so.
  const pending = host._data.missing === "details";
  return html`<div class="details" part="details">
    <p role=${pending ? "status" : nothing}>${pending ? (host._data.error ? t.detailsFailed : t.more) : highlight(e.summary[lang], q)}</p>
    ${
      // The details alone are asked for again; the list stays, and the focus goes back to the event.
      pending && host._data.error
        ? html`<p><button @click=${() => {
            host._data.load(true);
            host._focusNext(".head[aria-expanded=true]");
          }}>${t.retry}</button></p>`
        : nothing
    }
    <dl>
      ${row(t.type, host._label("types", e.type, lang))} ${row(t.themes, names("themes", e.themes))}
      ${e.actors.length ? row(t.actors, names("actors", e.actors)) : nothing}
      ${e.places.length ? row(t.places, e.places.map((p) => p.name[lang]).join(", ")) : nothing}
      ${parent ? row(t.partOf, parent.title[lang]) : nothing}
      ${e.notes ? row(t.notes, highlight(e.notes[lang], q)) : nothing}
      ${pending ? nothing : row(t.sources, html`<ul>${e.sources.map(source)}</ul>`)}
    </dl>
    ${
      host.syncUrl
        ? html`<p class="share"><button part="copy-link" @click=${() => copyLink(host, e.slug)}>${t.copyLink}</button>
            <span role="status">${host._copied === e.slug ? t.copied : nothing}</span></p>`
        : nothing
    }
  </div>`;
}
