// `dist/events.csv`: one flat row per event, both languages, for spreadsheets and pandas (no joins needed).
// RFC 4180 (CRLF, fields quoted where needed), UTF-8 without a byte-order mark, a header row.
// csv-stringify is a build-time dependency only: the published package ships the file, not the writer.
import { stringify } from "csv-stringify/sync";
import type { Dataset, TimelineEvent } from "../src/types.ts";

/** What joins the items of a list column (themes, actors, places, documents). Ids never contain it. */
export const LIST_SEPARATOR = ";";

/** The columns, in order, and how each is read from an event. */
export function csvColumns(
  dataset: Pick<Dataset, "documents">,
): Array<[name: string, value: (event: TimelineEvent) => string]> {
  const documentUrl = new Map(dataset.documents.map((d) => [d.id, d.url]));
  const join = (values: readonly string[]) => values.join(LIST_SEPARATOR);
  const sourceUrls = (e: TimelineEvent) =>
    e.sources.flatMap((s) => {
      const url = s.url ?? (s.document !== undefined ? documentUrl.get(s.document) : undefined);
      return url ? [url] : [];
    });
  return [
    ["slug", (e) => e.slug],
    ["date", (e) => e.date],
    ["start", (e) => e.start],
    ["end", (e) => e.end],
    ["precision", (e) => e.precision],
    ["status", (e) => e.status],
    ["type", (e) => e.type],
    ["themes", (e) => join(e.themes)],
    ["actors", (e) => join(e.actors)],
    ["places_de", (e) => join(e.places.map((p) => p.name.de))],
    ["places_en", (e) => join(e.places.map((p) => p.name.en))],
    ["place_countries", (e) => join(e.places.map((p) => p.country))],
    ["title_de", (e) => e.title.de],
    ["title_en", (e) => e.title.en],
    ["summary_de", (e) => e.summary.de],
    ["summary_en", (e) => e.summary.en],
    ["notes_de", (e) => e.notes?.de ?? ""],
    ["notes_en", (e) => e.notes?.en ?? ""],
    ["part_of", (e) => e.partOf ?? ""],
    ["milestone", (e) => String(e.milestone === true)],
    ["source_url", (e) => sourceUrls(e)[0] ?? ""],
    ["source_count", (e) => String(e.sources.length)],
    ["documents", (e) => join(e.sources.flatMap((s) => (s.document ? [s.document] : [])))],
  ];
}

/** The CSV text of a dataset's events. */
export function eventsCsv(dataset: Pick<Dataset, "documents" | "events">): string {
  const columns = csvColumns(dataset);
  return stringify(
    dataset.events.map((event) => columns.map(([, value]) => value(event))),
    { header: true, columns: columns.map(([name]) => name), record_delimiter: "windows" },
  );
}
