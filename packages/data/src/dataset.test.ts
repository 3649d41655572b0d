import { describe, expect, it } from "vitest";
import * as data from "./index.ts";
import { dataset as datasetSchema } from "./validation/schemas.ts";

const { events, themes, eventTypes, actors, documents, timeline } = data;
const bySlug = new Map(events.map((e) => [e.slug, e]));

describe("the built dataset", () => {
  it("matches the events.json schema", () => {
    const result = datasetSchema.safeParse(timeline);
    expect(result.success, result.error?.message).toBe(true);
  });

  it("holds the chronicle: well over 40 events from 2007 to 2026", () => {
    expect(events.length).toBeGreaterThan(40);
    expect(events[0]!.start.slice(0, 4)).toBe("2007");
    expect(events.at(-1)!.end <= "2026-12-31").toBe(true);
  });

  it("is in date order with unique slugs", () => {
    expect(new Set(events.map((e) => e.slug)).size).toBe(events.length);
    for (let i = 1; i < events.length; i++) {
      expect(events[i - 1]!.start <= events[i]!.start).toBe(true);
    }
  });

  it("uses only known vocabulary and resolvable references", () => {
    const themeIds = new Set(themes.map((t) => t.id));
    const typeIds = new Set(eventTypes.map((t) => t.id));
    const actorIds = new Set(actors.map((a) => a.id));
    const documentIds = new Set(documents.map((d) => d.id));
    for (const e of events) {
      expect(typeIds.has(e.type), `${e.slug}: type ${e.type}`).toBe(true);
      for (const t of e.themes) expect(themeIds.has(t), `${e.slug}: theme ${t}`).toBe(true);
      for (const a of e.actors) expect(actorIds.has(a), `${e.slug}: actor ${a}`).toBe(true);
      for (const s of e.sources) {
        if (s.document)
          expect(documentIds.has(s.document), `${e.slug}: document ${s.document}`).toBe(true);
      }
      if (e.partOf) expect(bySlug.has(e.partOf), `${e.slug}: partOf ${e.partOf}`).toBe(true);
    }
  });

  it("gives every event a title, a summary of a few sentences and sources, in both languages", () => {
    for (const e of events) {
      for (const lang of ["de", "en"] as const) {
        expect(e.title[lang].length, `${e.slug}: title.${lang}`).toBeLessThanOrEqual(120);
        expect(e.summary[lang].length, `${e.slug}: summary.${lang}`).toBeGreaterThanOrEqual(100);
      }
      // Two languages, two texts: a summary copied into the other language would be a defect.
      expect(e.summary.de, e.slug).not.toBe(e.summary.en);
      expect(e.sources.length, e.slug).toBeGreaterThan(0);
      for (const s of e.sources) {
        if (s.url) expect(s.url, e.slug).toMatch(/^https?:\/\//);
      }
    }
  });

  it("cites every listed document and no document twice", () => {
    const cited = new Set(
      events.flatMap((e) => e.sources.flatMap((s) => (s.document ? [s.document] : []))),
    );
    for (const d of documents)
      expect(cited.has(d.id), `document ${d.id} is never cited`).toBe(true);
  });

  it("starts side events during their main event", () => {
    for (const e of events) {
      if (!e.partOf) continue;
      const parent = bySlug.get(e.partOf)!;
      // A part begins during its main event (a day either side for arrivals and receptions); it may outlast it,
      // as the CSTO deployment outlasted the January 2022 unrest.
      const dayBefore = new Date(Date.parse(parent.start) - 86_400_000).toISOString().slice(0, 10);
      const dayAfter = new Date(Date.parse(parent.end) + 86_400_000).toISOString().slice(0, 10);
      expect(
        e.start >= dayBefore && e.start <= dayAfter,
        `${e.slug} (${e.date}) vs ${parent.slug} (${parent.date})`,
      ).toBe(true);
    }
  });

  it("has a ready index that agrees with the events", () => {
    expect(data.index.size).toBe(events.length);
    expect(data.index.count({ themes: themes.map((t) => t.id) })).toBe(events.length);
    const page = data.index.query({ first: 5 });
    expect(page.events).toEqual(events.slice(0, 5));
  });
});

describe("the bundled index", () => {
  it("is an EventIndex over the bundled events, built on first use", async () => {
    const { EventIndex } = await import("./query/index.ts");
    expect(data.index).toBeInstanceOf(EventIndex);
    expect(data.index.size).toBe(events.length);
    expect(data.index.get(events[0]!.slug)).toBe(events[0]);
  });
});
