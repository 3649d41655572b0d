import { EVENT_STATUSES } from "@ca-timeline/data";
import { DATE_PRECISIONS } from "@ca-timeline/data/edtf";
import { dataset as datasetSchema } from "@ca-timeline/data/validation";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DataError, readDataset } from "./read-dataset.ts";

// The widget's reader is hand-written (zod would not fit the 20 KB bundle budget); these properties hold
// it to the one schema of the dataset, @ca-timeline/data/validation: whatever that schema accepts, the
// reader returns unchanged. fast-check prints the seed of a failure; pass it back as `{ seed }` to replay.

const NUM_RUNS = 60;

const slug = fc.stringMatching(/^[a-z0-9]{1,8}(?:-[a-z0-9]{1,8}){0,2}$/);
const code = fc.stringMatching(/^[A-Z][A-Z0-9]{1,4}$/);
// The schema trims text; generated text is already trimmed so that "unchanged" is exact.
const text = fc.string({ minLength: 1, maxLength: 24 }).map((s) => s.trim() || "x");
const localized = fc.record({ de: text, en: text });
const day = fc
  .date({
    min: new Date("2007-01-01T00:00:00Z"),
    max: new Date("2026-12-31T00:00:00Z"),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));
const isoDate = fc.tuple(day, fc.constantFrom(4, 7, 10)).map(([d, n]) => d.slice(0, n));
const edtf = fc
  .tuple(isoDate, fc.constantFrom("", "?", "~", "%"))
  .map(([date, qualifier]) => date + qualifier);
const url = slug.map((s) => `https://example.org/${s}`);

function datasetArbitrary() {
  const vocabulary = fc.record({
    themes: fc.uniqueArray(slug, { minLength: 1, maxLength: 4 }),
    types: fc.uniqueArray(slug, { minLength: 1, maxLength: 3 }),
    actors: fc.uniqueArray(code, { minLength: 1, maxLength: 4 }),
    documents: fc.uniqueArray(slug, { minLength: 1, maxLength: 3 }),
  });
  return vocabulary.chain((v) => {
    const source = fc.oneof(
      fc.record({ document: fc.constantFrom(...v.documents) }),
      fc.record(
        {
          url,
          title: text,
          publisher: text,
          published: isoDate,
          document: fc.constantFrom(...v.documents),
        },
        { requiredKeys: ["url", "title", "publisher", "published"] },
      ),
    );
    const event = fc.record(
      {
        slug,
        date: edtf,
        start: day,
        end: day,
        precision: fc.constantFrom(...DATE_PRECISIONS),
        status: fc.constantFrom(...EVENT_STATUSES),
        type: fc.constantFrom(...v.types),
        themes: fc.uniqueArray(fc.constantFrom(...v.themes), { minLength: 1 }),
        actors: fc.uniqueArray(fc.constantFrom(...v.actors), { minLength: 1 }),
        places: fc.array(fc.record({ name: localized, country: fc.stringMatching(/^[A-Z]{2}$/) }), {
          maxLength: 2,
        }),
        title: localized,
        summary: localized,
        notes: localized,
        partOf: slug,
        milestone: fc.constant(true as const),
        sources: fc.array(source, { minLength: 1, maxLength: 3 }),
      },
      {
        requiredKeys: [
          "slug",
          "date",
          "start",
          "end",
          "precision",
          "status",
          "type",
          "themes",
          "actors",
          "places",
          "title",
          "summary",
          "sources",
        ],
      },
    );
    return fc.record(
      {
        version: fc.string({ maxLength: 12 }),
        themes: fc.tuple(...v.themes.map((id) => localized.map((label) => ({ id, label })))),
        eventTypes: fc.tuple(...v.types.map((id) => localized.map((label) => ({ id, label })))),
        actors: fc.tuple(
          ...v.actors.map((id) =>
            fc.record({
              id: fc.constant(id),
              kind: fc.constantFrom("state", "organisation"),
              name: localized,
            }),
          ),
        ),
        documents: fc.tuple(
          ...v.documents.map((id) =>
            fc.record(
              {
                id: fc.constant(id),
                title: text,
                publisher: text,
                published: isoDate,
                language: fc.constantFrom("de", "en"),
                url,
              },
              { requiredKeys: ["id", "title", "publisher", "published", "language"] },
            ),
          ),
        ),
        // Slugs are unique within a dataset (the schema and the reader both reject duplicates).
        events: fc.uniqueArray(event, { maxLength: 8, selector: (e) => e.slug }),
        retired: fc.dictionary(slug, slug, { maxKeys: 3 }),
      },
      { requiredKeys: ["version", "themes", "eventTypes", "actors", "documents", "events"] },
    );
  });
}

describe("readDataset against the dataset schema", { timeout: 60_000 }, () => {
  it("returns every dataset the schema accepts unchanged", () => {
    fc.assert(
      fc.property(datasetArbitrary(), (generated) => {
        const valid = datasetSchema.safeParse(generated);
        expect(valid.success, valid.error?.message).toBe(true);
        expect(readDataset(JSON.parse(JSON.stringify(generated)))).toEqual(valid.data);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it("rejects, with a DataError, what the schema rejects for its dates, ids, sources and slugs", () => {
    // One defect in one event of a valid dataset: the schema rejects it, and so must the reader.
    const defects: Array<(event: Record<string, unknown>, events: unknown[]) => void> = [
      (e) => (e.date = "last spring"),
      (e) => (e.date = "2023-13-45"),
      (e) => (e.date = "2023-02-30"),
      (e) => (e.start = "2023-13-45"),
      (e) => (e.end = "2023-02-30"),
      (e) => (e.type = "not-a-known-type"),
      (e) => (e.themes = [...(e.themes as string[]), "not-a-known-theme"]),
      (e) => (e.actors = [...(e.actors as string[]), "NOTKNOWN"]),
      (e) => (e.sources = [{ document: "not-a-known-document" }]),
      (e) => (e.sources = [{}]),
      (e, events) => events.push(structuredClone(e)),
    ];
    const broken = datasetArbitrary()
      .filter((dataset) => dataset.events.length > 0)
      .chain((dataset) =>
        fc.record({
          dataset: fc.constant(dataset),
          event: fc.nat({ max: dataset.events.length - 1 }),
          defect: fc.nat({ max: defects.length - 1 }),
        }),
      )
      .map(({ dataset, event, defect }) => {
        defects[defect]!(dataset.events[event] as Record<string, unknown>, dataset.events);
        return dataset;
      });
    fc.assert(
      fc.property(broken, (input) => {
        expect(datasetSchema.safeParse(input).success).toBe(false);
        expect(() => readDataset(JSON.parse(JSON.stringify(input)))).toThrow(DataError);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it("fails only with a DataError, whatever the input", () => {
    const broken = fc.oneof(
      fc.anything(),
      datasetArbitrary().chain((dataset) =>
        fc
          .record({
            event: fc.nat(),
            key: fc.constantFrom("slug", "start", "precision", "title", "sources", "places"),
            value: fc.anything(),
          })
          .map(({ event, key, value }) => {
            const target = dataset.events[event % Math.max(1, dataset.events.length)];
            if (target) (target as Record<string, unknown>)[key] = value;
            return dataset;
          }),
      ),
    );
    fc.assert(
      fc.property(broken, (input) => {
        try {
          readDataset(input);
        } catch (error) {
          expect(error).toBeInstanceOf(DataError);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
