import { createIndex } from "@ca-timeline/data/query";
import { syntheticDataset } from "@ca-timeline/data/testing";
import { describe, expect, it } from "vitest";
import { createSchema, encodeGlobalID } from "./index.ts";
import { run } from "./test-support/run.ts";

const dataset = syntheticDataset(120);
const schema = createSchema({ dataset });
const index = createIndex(dataset);

const EVENT = /* GraphQL */ `
  query ($slug: String!) {
    event(slug: $slug) {
      id slug date start end precision status
      title titleDe: title(lang: DE) summary(lang: EN) summaryDe: summary(lang: DE)
      notes notesDe: notes(lang: DE)
      type { id label labelDe: label(lang: DE) }
      themes { id label(lang: DE) }
      actors { id kind name nameDe: name(lang: DE) }
      places { name nameDe: name(lang: DE) country }
      sources { url title publisher published document { id title url } }
      partOf { slug }
      parts { slug }
    }
  }
`;

describe("event fields", () => {
  it("returns an event's fields in both languages", async () => {
    // An event that has every optional field, including parts.
    const source = dataset.events.find(
      (e) => e.notes && e.places.length > 0 && index.parts(e.slug).length > 0,
    )!;
    const type = dataset.eventTypes.find((t) => t.id === source.type)!;
    const themeLabel = (id: string) => dataset.themes.find((t) => t.id === id)!.label.de;
    const { event } = await run<{ event: Record<string, unknown> }>(schema, EVENT, {
      slug: source.slug,
    });
    expect(event).toMatchObject({
      slug: source.slug,
      date: source.date,
      start: source.start,
      end: source.end,
      precision: source.precision.toUpperCase(),
      status: source.status,
      title: source.title.en,
      titleDe: source.title.de,
      summary: source.summary.en,
      summaryDe: source.summary.de,
      notes: source.notes!.en,
      notesDe: source.notes!.de,
      type: { id: source.type, label: type.label.en, labelDe: type.label.de },
      themes: source.themes.map((id) => ({ id, label: themeLabel(id) })),
      places: source.places.map((p) => ({
        name: p.name.en,
        nameDe: p.name.de,
        country: p.country,
      })),
    });
    expect((event.actors as Array<{ id: string }>).map((a) => a.id)).toEqual(source.actors);
    expect(event.parts).toEqual(index.parts(source.slug).map((p) => ({ slug: p.slug })));
    expect((event.parts as unknown[]).length).toBeGreaterThan(0);
  });

  it("links partOf and resolves cited documents", async () => {
    const part = dataset.events.find((e) => e.partOf)!;
    const { event } = await run<{ event: { partOf: { slug: string }; notes: unknown } }>(
      schema,
      EVENT,
      {
        slug: part.slug,
      },
    );
    expect(event.partOf).toEqual({ slug: part.partOf });
    expect(event.notes).toBe(part.notes?.en ?? null);
    // A document-only source and a URL source side by side: the document is resolved, the rest null.
    const cited = dataset.events.find(
      (e) => e.sources.some((s) => s.document && !s.url) && e.sources.some((s) => s.url),
    )!;
    const { event: citing } = await run<{ event: { sources: unknown[] } }>(schema, EVENT, {
      slug: cited.slug,
    });
    expect(citing.sources).toEqual(
      cited.sources.map((s) => {
        const doc = dataset.documents.find((d) => d.id === s.document);
        return {
          url: s.url ?? null,
          title: s.title ?? null,
          publisher: s.publisher ?? null,
          published: s.published ?? null,
          document: doc ? { id: doc.id, title: doc.title, url: doc.url ?? null } : null,
        };
      }),
    );
    expect(citing.sources.some((s) => (s as { document: unknown }).document !== null)).toBe(true);
  });

  it("returns null for an unknown slug", async () => {
    expect(await run(schema, EVENT, { slug: "no-such-event" })).toEqual({ event: null });
  });
});

describe("node", () => {
  it("fetches an event by its global id, and the id round-trips", async () => {
    const slug = index.events[3]!.slug;
    const id = encodeGlobalID("Event", slug);
    const data = await run<{ node: { id: string; slug: string; __typename: string } }>(
      schema,
      "query ($id: ID!) { node(id: $id) { __typename id ... on Event { slug } } }",
      { id },
    );
    expect(data.node).toEqual({ __typename: "Event", id, slug });
    const { event } = await run<{ event: { id: string } }>(
      schema,
      `{ event(slug: "${slug}") { id } }`,
    );
    expect(event.id).toBe(id);
  });

  it("returns null for an id of an unknown event", async () => {
    const id = encodeGlobalID("Event", "no-such-event");
    expect(await run(schema, "query ($id: ID!) { node(id: $id) { id } }", { id })).toEqual({
      node: null,
    });
  });
});

describe("facets", () => {
  it("counts per theme, type, actor and year like the data package, with labels", async () => {
    const filter = { actors: ["KZ"], from: "2010" };
    const { facets } = await run<{
      facets: Record<
        string,
        Array<{ id?: string; year?: number; count: number; label?: string; labelDe?: string }>
      >;
    }>(
      schema,
      `query ($filter: EventFilter) { facets(filter: $filter) {
        themes { id count label labelDe: label(lang: DE) }
        types { id count label }
        actors { id count label(lang: DE) }
        years { year count }
      } }`,
      { filter },
    );
    const expected = index.facets(filter);
    expect(facets.themes!.map(({ id, count }) => ({ id, count }))).toEqual(expected.themes);
    expect(facets.types!.map(({ id, count }) => ({ id, count }))).toEqual(expected.types);
    expect(facets.actors!.map(({ id, count }) => ({ id, count }))).toEqual(expected.actors);
    expect(facets.years).toEqual(expected.years);
    const firstTheme = dataset.themes.find((t) => t.id === expected.themes[0]!.id)!;
    expect(facets.themes![0]).toMatchObject({
      label: firstTheme.label.en,
      labelDe: firstTheme.label.de,
    });
    const kz = facets.actors!.find((a) => a.id === "KZ")!;
    expect(kz.label).toBe(dataset.actors.find((a) => a.id === "KZ")!.name.de);
    expect(kz.count).toBe(index.count(filter));
  });
});

describe("vocabularies and dataset", () => {
  it("lists themes, eventTypes and actors in both languages", async () => {
    const data = await run<Record<string, Array<Record<string, string>>>>(
      schema,
      `{ themes { id de: label(lang: DE) en: label }
         eventTypes { id de: label(lang: DE) en: label(lang: EN) }
         actors { id kind de: name(lang: DE) en: name } }`,
    );
    expect(data.themes).toEqual(dataset.themes.map((t) => ({ id: t.id, ...t.label })));
    expect(data.eventTypes).toEqual(dataset.eventTypes.map((t) => ({ id: t.id, ...t.label })));
    expect(data.actors).toEqual(
      dataset.actors.map((a) => ({ id: a.id, kind: a.kind.toUpperCase(), ...a.name })),
    );
  });

  it("describes the dataset", async () => {
    const { dataset: info } = await run<{ dataset: Record<string, unknown> }>(
      schema,
      "{ dataset { version eventCount firstDate lastDate themeCount actorCount documentCount } }",
    );
    expect(info).toEqual({
      version: dataset.version,
      eventCount: dataset.events.length,
      firstDate: index.events[0]!.start,
      lastDate: dataset.events
        .map((e) => e.end)
        .sort()
        .at(-1),
      themeCount: dataset.themes.length,
      actorCount: dataset.actors.length,
      documentCount: dataset.documents.length,
    });
  });
});
