// The plain forms the package ships besides the TypeScript API: dist/events.csv and dist/schema.json,
// read back with well-kept third-party tools (csv-parse, ajv) rather than our own code.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import type { Dataset, TimelineEvent } from "./types.ts";
import { dataset as datasetSchema } from "./validation/schemas.ts";

const root = join(import.meta.dirname, "..");
// `npm test` runs the data build first: src/events.json (compiled to dist/events.json), dist/schema.json,
// dist/events.csv.
const timeline = JSON.parse(readFileSync(join(root, "src", "events.json"), "utf8")) as Dataset;
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
  exports: Record<string, unknown>;
  files: string[];
};

describe("events.csv", () => {
  const text = readFileSync(join(root, "dist", "events.csv"), "utf8");
  const rows = parse(text, { columns: true }) as Array<Record<string, string>>;
  const header = parse(text, { to_line: 1 })[0] as string[];

  it("is RFC 4180 text: a header, CRLF line ends, UTF-8 without a byte-order mark", () => {
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replaceAll("\r\n", "").includes("\r")).toBe(false);
    expect(header.slice(0, 9)).toEqual([
      "slug",
      "date",
      "start",
      "end",
      "precision",
      "status",
      "type",
      "themes",
      "actors",
    ]);
    expect(new Set(header).size).toBe(header.length);
    // German text survives the trip: umlauts and ß as UTF-8.
    expect(text).toContain("Außenminister");
  });

  it("has one row per event, in the order of events.json, with every field of the event", () => {
    expect(rows.map((r) => r.slug)).toEqual(timeline.events.map((e) => e.slug));
    const documentUrl = new Map(timeline.documents.map((d) => [d.id, d.url]));
    const list = (cell: string | undefined) => (cell ? cell.split(";") : []);
    const byEvent = (e: TimelineEvent, row: Record<string, string>) => {
      expect(row, e.slug).toEqual({
        slug: e.slug,
        date: e.date,
        start: e.start,
        end: e.end,
        precision: e.precision,
        status: e.status,
        type: e.type,
        themes: e.themes.join(";"),
        actors: e.actors.join(";"),
        places_de: e.places.map((p) => p.name.de).join(";"),
        places_en: e.places.map((p) => p.name.en).join(";"),
        place_countries: e.places.map((p) => p.country).join(";"),
        title_de: e.title.de,
        title_en: e.title.en,
        summary_de: e.summary.de,
        summary_en: e.summary.en,
        notes_de: e.notes?.de ?? "",
        notes_en: e.notes?.en ?? "",
        part_of: e.partOf ?? "",
        milestone: e.milestone ? "true" : "false",
        source_url:
          e.sources
            .map((s) => s.url ?? (s.document ? documentUrl.get(s.document) : undefined))
            .find(Boolean) ?? "",
        source_count: String(e.sources.length),
        documents: e.sources.flatMap((s) => (s.document ? [s.document] : [])).join(";"),
      });
      // Lists split back into exactly their items: no item contains the separator.
      expect(list(row.themes)).toEqual(e.themes);
      expect(list(row.actors)).toEqual(e.actors);
      expect(list(row.places_en)).toHaveLength(e.places.length);
      expect(list(row.places_de)).toHaveLength(e.places.length);
    };
    for (const [i, e] of timeline.events.entries()) byEvent(e, rows[i]!);
    expect(rows.filter((r) => r.milestone === "true")).toHaveLength(
      timeline.events.filter((e) => e.milestone).length,
    );
    expect(rows.every((r) => r.source_url?.startsWith("http"))).toBe(true);
  });

  it("is shipped as @ca-timeline/data/events.csv", () => {
    expect(pkg.exports["./events.csv"]).toBe("./dist/events.csv");
    expect(pkg.files).toContain("dist");
  });
});

describe("schema.json", () => {
  const schema = JSON.parse(readFileSync(join(root, "dist", "schema.json"), "utf8")) as Record<
    string,
    unknown
  >;
  const ajv = new Ajv2020({ allErrors: true });
  addFormats.default(ajv);
  const validate = ajv.compile(schema);

  const clone = (): Dataset => structuredClone(timeline);
  /** The shipped dataset with one change to its first event. */
  const withEvent = (change: (event: Record<string, unknown>) => void): Dataset => {
    const data = clone();
    change(data.events[0] as unknown as Record<string, unknown>);
    return data;
  };

  it("is JSON Schema draft 2020-12 and accepts the shipped events.json", () => {
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(validate(timeline), ajv.errorsText(validate.errors)).toBe(true);
  });

  it("spells out the shipped vocabularies' ids", () => {
    const data = clone();
    expect(validate(data)).toBe(true);
    data.themes.push({ id: "not-a-theme", label: { de: "x", en: "x" } });
    expect(validate(data)).toBe(false);
  });

  it.each<[string, (event: Record<string, unknown>) => void]>([
    ["a date that is not EDTF", (e) => (e.date = "last spring")],
    ["an impossible date", (e) => (e.date = "2023-13-45")],
    ["a start that is no ISO day", (e) => (e.start = "2023-13-45")],
    ["an end that is no calendar day", (e) => (e.end = "2023-02-30")],
    ["a start at month precision", (e) => (e.start = "2023-09")],
    ["an unknown type", (e) => (e.type = "party")],
    ["an unknown theme", (e) => (e.themes = ["economy-energy-resources", "sports"])],
    ["an unknown actor", (e) => (e.actors = ["KZ", "XX"])],
    ["an unknown document", (e) => (e.sources = [{ document: "no-such-document" }])],
    ["an empty source", (e) => (e.sources = [{}])],
    ["a url source without its title", (e) => (e.sources = [{ url: "https://example.org/" }])],
    ["no source", (e) => (e.sources = [])],
    ["an unknown field", (e) => (e.colour = "red")],
  ])("rejects %s, as the zod schema does", (_, change) => {
    const data = withEvent(change);
    expect(validate(data)).toBe(false);
    expect(datasetSchema.safeParse(data).success).toBe(false);
  });

  it("says in words what JSON Schema cannot check (unique slugs), which the zod schema checks", () => {
    const data = clone();
    data.events[1] = { ...data.events[1]!, slug: data.events[0]!.slug };
    expect(validate(data)).toBe(true); // beyond JSON Schema: documented instead
    expect(String(schema.description)).toContain(
      "No two events share a slug. JSON Schema cannot express this rule",
    );
    const events = (schema.properties as Record<string, { description?: string }>).events;
    expect(events?.description).toContain("No two events share a slug");
    const result = datasetSchema.safeParse(data);
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["events.1.slug", `duplicate slug "${data.events[0]!.slug}"`],
    ]);
  });
});
