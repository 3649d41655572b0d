import type { Dataset, LocalizedText, Place, Source, TimelineEvent } from "@ca-timeline/data";
import { DATE_PRECISIONS, ISO_DAY, parseEdtf, resolveBound } from "@ca-timeline/data/edtf";
import { DataError } from "./data-error.ts";

export { DataError };

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json =>
  typeof v === "object" && v !== null && !Array.isArray(v);

function text(v: unknown, where: string): string {
  if (typeof v !== "string") throw new DataError(`${where} is not a text`);
  return v;
}

function localized(v: unknown, where: string): LocalizedText {
  if (!isObject(v)) throw new DataError(`${where} has no de/en text`);
  return { de: text(v.de, `${where}.de`), en: text(v.en, `${where}.en`) };
}

function ids(v: unknown, where: string): string[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new DataError(`${where} is not a list`);
  return v.map((id, i) => text(id, `${where}[${i}]`));
}

function list<T>(v: unknown, where: string, read: (item: Json, where: string) => T): T[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new DataError(`${where} is not a list`);
  return v.map((item, i) => {
    if (!isObject(item)) throw new DataError(`${where}[${i}] is not an object`);
    return read(item, `${where}[${i}]`);
  });
}

const optionalText = (v: unknown) => (typeof v === "string" ? v : undefined);

/** A real calendar day, `YYYY-MM-DD`. */
const isDay = (v: string) => ISO_DAY.test(v) && resolveBound(v, "start") !== undefined;

function readEvent(e: Json, where: string): TimelineEvent {
  const slug = text(e.slug, `${where}.slug`);
  where = `event "${slug.slice(0, 60)}"`;
  const date = text(e.date, `${where}.date`);
  const span = parseEdtf(date);
  if (typeof span === "string") throw new DataError(`${where}.date: ${span.slice(0, 200)}`);
  const start = text(e.start, `${where}.start`);
  const end = text(e.end, `${where}.end`);
  if (!isDay(start) || !isDay(end)) throw new DataError(`${where} has no valid start/end day`);
  const precision = text(e.precision, `${where}.precision`).toLowerCase();
  if (!(DATE_PRECISIONS as readonly string[]).includes(precision))
    throw new DataError(`${where}.precision is not year, month or day`);
  const event: TimelineEvent = {
    slug,
    date,
    start,
    end,
    precision: precision as TimelineEvent["precision"],
    status: (optionalText(e.status)?.toLowerCase() ?? "held") as TimelineEvent["status"],
    type: text(e.type, `${where}.type`),
    themes: ids(e.themes, `${where}.themes`),
    actors: ids(e.actors, `${where}.actors`),
    places: list(
      e.places,
      `${where}.places`,
      (p, w): Place => ({
        name: localized(p.name, `${w}.name`),
        country: optionalText(p.country) ?? "",
      }),
    ),
    title: localized(e.title, `${where}.title`),
    summary: localized(e.summary, `${where}.summary`),
    sources: list(e.sources, `${where}.sources`, (s, w): Source => {
      const source: Source = {};
      for (const key of ["document", "url", "title", "publisher", "published"] as const) {
        const value = optionalText(s[key]);
        if (value !== undefined) source[key] = value;
      }
      if (!source.document && !source.url) throw new DataError(`${w} has no document or url`);
      return source;
    }),
  };
  if (e.notes !== undefined && e.notes !== null) event.notes = localized(e.notes, `${where}.notes`);
  const partOf = optionalText(e.partOf);
  if (partOf) event.partOf = partOf;
  if (e.milestone === true) event.milestone = true;
  return event;
}

/** A vocabulary entry; entries without labels fall back to their id. */
function readTerm(item: Json, where: string, key: "label" | "name") {
  const id = text(item.id, `${where}.id`);
  return {
    id,
    [key]: isObject(item[key]) ? localized(item[key], `${where}.${key}`) : { de: id, en: id },
  };
}

/**
 * Checks untrusted data (an `events.json` file, an endpoint's answer, a property) and returns it in
 * the shape of `events.json`, or throws a DataError that says what is wrong: among others an invalid
 * EDTF date, a start or end that is no ISO day, a source without document or url, two events with one
 * slug, an id that a given vocabulary (`themes`, `eventTypes`, `actors`, `documents`) lacks. A bare
 * array of events is accepted too: vocabularies not given are made from the ids the events use, with
 * the id as label.
 */
export function readDataset(raw: unknown): Dataset {
  const root: Json = Array.isArray(raw) ? { events: raw } : isObject(raw) ? raw : {};
  if (!Array.isArray(root.events)) throw new DataError("the data has no list of events");
  const events = list(root.events, "events", readEvent);
  const slugs = new Set<string>();
  for (const e of events) {
    if (slugs.has(e.slug)) throw new DataError(`two events have the slug "${e.slug.slice(0, 60)}"`);
    slugs.add(e.slug);
  }
  const themes = list(root.themes, "themes", (t, w) =>
    readTerm(t, w, "label"),
  ) as unknown as Dataset["themes"];
  const eventTypes = list(root.eventTypes, "eventTypes", (t, w) =>
    readTerm(t, w, "label"),
  ) as unknown as Dataset["eventTypes"];
  const actors = list(root.actors, "actors", (a, w) => ({
    ...readTerm(a, w, "name"),
    kind: a.kind === "organisation" || a.kind === "ORGANISATION" ? "organisation" : "state",
  })) as Dataset["actors"];
  // A vocabulary that is given must hold every id the events use; one that is not is made from them.
  const complete = <T extends { id: string }>(
    name: "themes" | "eventTypes" | "actors" | "documents",
    terms: T[],
    used: (e: TimelineEvent) => Array<string | undefined>,
    make?: (id: string) => T,
  ) => {
    const known = new Set(terms.map((t) => t.id));
    for (const e of events)
      for (const id of used(e))
        if (id !== undefined && !known.has(id)) {
          if (Array.isArray(root[name]) || !make)
            throw new DataError(
              `event "${e.slug.slice(0, 60)}" uses "${id.slice(0, 60)}", which is not in its ${name}`,
            );
          known.add(id);
          terms.push(make(id));
        }
  };
  const label = (id: string) => ({ de: id, en: id });
  complete(
    "themes",
    themes,
    (e) => e.themes,
    (id) => ({ id, label: label(id) }),
  );
  complete(
    "eventTypes",
    eventTypes,
    (e) => [e.type],
    (id) => ({ id, label: label(id) }),
  );
  complete(
    "actors",
    actors,
    (e) => e.actors,
    (id) => ({ id, name: label(id), kind: "state" as const }),
  );
  const documents = list(root.documents, "documents", (d, w) => ({
    id: text(d.id, `${w}.id`),
    title: optionalText(d.title) ?? "",
    publisher: optionalText(d.publisher) ?? "",
    published: optionalText(d.published) ?? "",
    language: optionalText(d.language) ?? "",
    ...(typeof d.url === "string" ? { url: d.url } : {}),
  }));
  // Cited documents are checked where the list is given; a source without one keeps its own url.
  if (Array.isArray(root.documents))
    complete("documents", documents, (e) => e.sources.map((s) => s.document));
  const retired: Record<string, string> = {};
  if (isObject(root.retired))
    for (const [old, slug] of Object.entries(root.retired))
      if (typeof slug === "string") retired[old] = slug;
  return {
    ...(isObject(root.retired) ? { retired } : {}),
    version: optionalText(root.version) ?? "",
    themes,
    eventTypes,
    actors,
    documents,
    events,
  };
}
