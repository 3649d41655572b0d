import { describe, expect, it } from "vitest";
import { parseEdtf } from "../edtf.ts";
import { createIndex } from "../query/index.ts";
import { dataset as datasetSchema } from "../validation/schemas.ts";
import { syntheticDataset } from "./index.ts";

describe("syntheticDataset", () => {
  it("is a valid dataset: the built-event schema, consistent dates, known ids, existing parents", () => {
    const data = syntheticDataset(400);
    expect(datasetSchema.safeParse(data).error).toBeUndefined();
    const ids = (list: Array<{ id: string }>) => new Set(list.map((x) => x.id));
    const [themes, types, actors, documents] = [
      ids(data.themes),
      ids(data.eventTypes),
      ids(data.actors),
      ids(data.documents),
    ];
    const slugs = new Set(data.events.map((e) => e.slug));
    expect(slugs.size).toBe(data.events.length);
    for (const event of data.events) {
      const span = parseEdtf(event.date);
      expect(span, event.date).toMatchObject({
        start: event.start,
        end: event.end,
        precision: event.precision,
      });
      expect(event.start >= "2007-01-01" && event.end <= "2026-12-31", event.date).toBe(true);
      expect(types.has(event.type)).toBe(true);
      expect(event.themes.every((t) => themes.has(t))).toBe(true);
      expect(event.actors.every((a) => actors.has(a))).toBe(true);
      expect(new Set(event.themes).size).toBe(event.themes.length);
      expect(new Set(event.actors).size).toBe(event.actors.length);
      for (const source of event.sources) {
        if (source.document) expect(documents.has(source.document)).toBe(true);
      }
      if (event.partOf) {
        expect(slugs.has(event.partOf)).toBe(true);
        expect(event.partOf).not.toBe(event.slug);
      }
    }
    expect(createIndex(data).size).toBe(400);
  });

  it("is deterministic, seeded, and a smaller count is a prefix of a larger one", () => {
    expect(syntheticDataset(50)).toEqual(syntheticDataset(50));
    expect(syntheticDataset(50, { seed: 1 })).toEqual(syntheticDataset(50));
    expect(syntheticDataset(200).events.slice(0, 50)).toEqual(syntheticDataset(50).events);
    const other = syntheticDataset(50, { seed: 2 });
    expect(other.events.map((e) => e.slug)).toEqual(syntheticDataset(50).events.map((e) => e.slug));
    expect(other.events.map((e) => e.date)).not.toEqual(
      syntheticDataset(50).events.map((e) => e.date),
    );
  });

  it("covers the hard cases even in a dozen events", () => {
    const data = syntheticDataset(12);
    const { events } = data;
    expect(new Set(events.map((e) => e.precision))).toEqual(new Set(["year", "month", "day"]));
    expect(events.some((e) => e.date.includes("/"))).toBe(true);
    expect(new Set(events.map((e) => e.status))).toEqual(
      new Set(["held", "planned", "postponed", "cancelled"]),
    );
    expect(events.some((e) => e.notes)).toBe(true);
    expect(events.some((e) => e.partOf)).toBe(true);
    expect(events.some((e) => e.places.length > 0)).toBe(true);
    expect(events.some((e) => e.places.length === 0)).toBe(true);
    const sources = events.flatMap((e) => e.sources);
    expect(sources.some((s) => s.url && !s.document)).toBe(true);
    expect(sources.some((s) => s.document && !s.url)).toBe(true);
    expect(events.some((e) => e.sources.length > 1)).toBe(true);
    expect(data.documents.some((d) => d.url)).toBe(true);
    expect(data.documents.some((d) => !d.url)).toBe(true);
    const cited = new Set(sources.flatMap((s) => s.document ?? []));
    expect(cited).toEqual(new Set(data.documents.map((d) => d.id)));
    const german = JSON.stringify([data.themes, events.map((e) => [e.title.de, e.summary.de])]);
    expect(german).toMatch(/ß/);
    expect(german).toMatch(/[äöüÄÖÜ]/);
    expect(data.themes.some((t) => /^\p{L}{40,}$/u.test(t.label.de))).toBe(true);
    // Unsorted on purpose: consumers must order events themselves (createIndex does).
    const starts = events.map((e) => e.start);
    expect(starts).not.toEqual([...starts].sort());
  });
});
