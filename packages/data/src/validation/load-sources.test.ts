import { cp, mkdtemp, rm, unlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DataValidationError, loadSources, type SourceProblem } from "./load-sources.ts";

const FIXTURE = new URL("../../test/fixtures/minimal", import.meta.url).pathname;

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "ca-timeline-data-"));
  await cp(FIXTURE, root, { recursive: true });
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function problemsOf(): Promise<SourceProblem[]> {
  try {
    await loadSources(root, "1.0.0");
  } catch (error) {
    expect(error).toBeInstanceOf(DataValidationError);
    return (error as DataValidationError).problems;
  }
  throw new Error("expected the sources to be rejected");
}

const VALID = `date: 2024-05-02
status: held
type: summit
themes: [security]
actors: [DE]
title: { de: Titel, en: Title }
summary: { de: Text., en: Text. }
sources:
  - document: test-paper
`;

/** Writes events/<slug>.yaml from the valid template with one line replaced or appended. */
async function writeEvent(slug: string, edit: (yaml: string) => string): Promise<void> {
  await writeFile(join(root, "events", `${slug}.yaml`), edit(VALID));
}

describe("loadSources", () => {
  it("builds a valid fixture with computed fields, sorted by date", async () => {
    const dataset = await loadSources(root, "1.2.3");
    expect(dataset.version).toMatch(/^1\.2\.3\+[0-9a-f]{10}$/);
    expect(dataset.events.map((e) => e.slug)).toEqual(["test-forum-2023", "test-summit-2023"]);
    const forum = dataset.events[0]!;
    expect(forum).toMatchObject({
      date: "2023-09",
      start: "2023-09-01",
      end: "2023-09-30",
      precision: "month",
      places: [],
      partOf: "test-summit-2023",
    });
  });

  it("changes the version when the content changes", async () => {
    const before = (await loadSources(root, "1.0.0")).version;
    await writeEvent("another-event-2024", (y) => y);
    const after = (await loadSources(root, "1.0.0")).version;
    expect(after).not.toBe(before);
  });

  const cases: Array<{
    name: string;
    slug: string;
    edit: (yaml: string) => string;
    field: string;
    message: RegExp;
  }> = [
    {
      name: "a missing English title",
      slug: "bad-title-2024",
      edit: (y) => y.replace("title: { de: Titel, en: Title }", "title: { de: Titel }"),
      field: "title.en",
      message: /required/,
    },
    {
      name: "an empty German summary",
      slug: "bad-summary-2024",
      edit: (y) =>
        y.replace("summary: { de: Text., en: Text. }", 'summary: { de: "  ", en: Text. }'),
      field: "summary.de",
      message: /must not be empty/,
    },
    {
      name: "a date that is no EDTF",
      slug: "bad-date-2024",
      edit: (y) => y.replace("date: 2024-05-02", "date: 2. Mai 2024"),
      field: "date",
      message: /not an EDTF date/,
    },
    {
      name: "an impossible day",
      slug: "bad-day-2023",
      edit: (y) => y.replace("date: 2024-05-02", "date: 2023-02-29"),
      field: "date",
      message: /no day 29/,
    },
    {
      name: "a date outside 2007–2026",
      slug: "too-early-2005",
      edit: (y) => y.replace("date: 2024-05-02", "date: 2005-01-01"),
      field: "date",
      message: /outside 2007–2026/,
    },
    {
      name: "an interval that ends before it starts",
      slug: "bad-range-2024",
      edit: (y) => y.replace("date: 2024-05-02", "date: 2024-05-03/2024-05-01"),
      field: "date",
      message: /ends before it starts/,
    },
    {
      name: "an unknown status",
      slug: "bad-status-2024",
      edit: (y) => y.replace("status: held", "status: maybe"),
      field: "status",
      message: /held/,
    },
    {
      name: "an unknown theme",
      slug: "bad-theme-2024",
      edit: (y) => y.replace("themes: [security]", "themes: [security, weather]"),
      field: "themes[1]",
      message: /unknown theme "weather"/,
    },
    {
      name: "a theme listed twice",
      slug: "twice-theme-2024",
      edit: (y) => y.replace("themes: [security]", "themes: [security, security]"),
      field: "themes[1]",
      message: /listed twice/,
    },
    {
      name: "no theme",
      slug: "no-theme-2024",
      edit: (y) => y.replace("themes: [security]", "themes: []"),
      field: "themes",
      message: /at least one theme/,
    },
    {
      name: "an unknown event type",
      slug: "bad-type-2024",
      edit: (y) => y.replace("type: summit", "type: party"),
      field: "type",
      message: /unknown event type "party"/,
    },
    {
      name: "an unknown actor",
      slug: "bad-actor-2024",
      edit: (y) => y.replace("actors: [DE]", "actors: [DE, XX]"),
      field: "actors[1]",
      message: /unknown actor "XX"/,
    },
    {
      name: "a lower-case actor code",
      slug: "case-actor-2024",
      edit: (y) => y.replace("actors: [DE]", "actors: [de]"),
      field: "actors[0]",
      message: /upper-case code/,
    },
    {
      name: "an unknown document",
      slug: "bad-document-2024",
      edit: (y) => y.replace("document: test-paper", "document: nowhere"),
      field: "sources[0].document",
      message: /unknown document "nowhere"/,
    },
    {
      name: "no source",
      slug: "no-source-2024",
      edit: (y) => y.replace(/sources:\n {2}- document: test-paper\n/, "sources: []\n"),
      field: "sources",
      message: /at least one source/,
    },
    {
      name: "a url source without its title",
      slug: "bad-url-source-2024",
      edit: (y) =>
        y.replace(
          "- document: test-paper",
          "- url: https://example.org/x\n    publisher: P\n    published: 2024",
        ),
      field: "sources[0].title",
      message: /needs its title/,
    },
    {
      name: "a javascript: url",
      slug: "js-url-2024",
      edit: (y) =>
        y.replace(
          "- document: test-paper",
          "- url: javascript:alert(1)\n    title: T\n    publisher: P\n    published: 2024",
        ),
      field: "sources[0].url",
      message: /http\(s\) URL/,
    },
    {
      name: "a partOf that does not resolve",
      slug: "bad-part-2024",
      edit: (y) => `${y}partOf: missing-event\n`,
      field: "partOf",
      message: /no event with slug "missing-event"/,
    },
    {
      name: "an unknown field",
      slug: "extra-field-2024",
      edit: (y) => `${y}colour: red\n`,
      field: "",
      message: /unknown field\(s\): colour/,
    },
    {
      name: "a forbidden spelling variant in a German summary",
      slug: "bad-spelling-de-2024",
      edit: (y) =>
        y.replace(
          "summary: { de: Text., en: Text. }",
          "summary: { de: Streik in Schangaösen., en: Text. }",
        ),
      field: "summary.de",
      message: /^write "Schanaosen", not "Schangaösen"$/,
    },
    {
      name: "a forbidden spelling variant in an English title",
      slug: "bad-spelling-en-2024",
      edit: (y) =>
        y.replace(
          "title: { de: Titel, en: Title }",
          "title: { de: Titel, en: Strike in Zhanaozyen }",
        ),
      field: "title.en",
      message: /^write "Zhanaozen", not "Zhanaozyen"$/,
    },
    {
      name: "a forbidden variant with a genitive s in the notes",
      slug: "bad-spelling-genitive-2024",
      edit: (y) => `${y}notes: { de: "Tokayevs Besuch.", en: Tokayev's visit. }\n`,
      field: "notes.de",
      message: /^write "Tokajew", not "Tokayev"$/,
    },
    {
      name: "broken YAML",
      slug: "broken-yaml-2024",
      edit: (y) => `${y}title: [unclosed\n`,
      field: "",
      message: /not valid YAML/,
    },
  ];

  it.each(cases)(
    "rejects $name, naming file, field and problem",
    async ({ slug, edit, field, message }) => {
      await writeEvent(slug, edit);
      const problems = await problemsOf();
      const mine = problems.filter((p) => p.file === join("events", `${slug}.yaml`));
      expect(mine.length, JSON.stringify(problems)).toBeGreaterThan(0);
      expect(
        mine.some((p) => p.field === field && message.test(p.message)),
        JSON.stringify(mine),
      ).toBe(true);
    },
  );

  it("rejects a file name that is no slug", async () => {
    await writeFile(join(root, "events", "Bad_Name.yaml"), VALID);
    const problems = await problemsOf();
    expect(problems).toContainEqual(
      expect.objectContaining({ file: join("events", "Bad_Name.yaml"), field: "(file name)" }),
    );
  });

  it("rejects a partOf cycle", async () => {
    await writeEvent("cycle-a-2024", (y) => `${y}partOf: cycle-b-2024\n`);
    await writeEvent("cycle-b-2024", (y) => `${y}partOf: cycle-a-2024\n`);
    const problems = await problemsOf();
    expect(problems.some((p) => p.field === "partOf" && /cycle/.test(p.message))).toBe(true);
  });

  it("rejects duplicate vocabulary ids and names the list", async () => {
    await writeFile(
      join(root, "vocab", "themes.yaml"),
      "- { id: security, label: { de: A, en: A } }\n- { id: security, label: { de: B, en: B } }\n- { id: migration, label: { de: M, en: M } }\n",
    );
    const problems = await problemsOf();
    expect(problems).toContainEqual({
      file: join("vocab", "themes.yaml"),
      field: "[1].id",
      message: 'duplicate id "security"',
    });
  });

  describe("spelling list (vocab/spellings.yaml)", () => {
    const spellingProblems = (problems: SourceProblem[], slug: string) =>
      problems.filter((p) => p.file === join("events", `${slug}.yaml`));

    it("reports a compound variant once, under the longer variant", async () => {
      await writeEvent("compound-2024", (y) =>
        y.replace(
          "summary: { de: Text., en: Text. }",
          "summary: { de: Die EU-Zentralasienstrategie und die Zentralasienstrategie., en: Text. }",
        ),
      );
      const mine = spellingProblems(await problemsOf(), "compound-2024");
      expect(mine.map((p) => p.message)).toEqual([
        'write "EU-Zentralasien-Strategie", not "EU-Zentralasienstrategie"',
        'write "Zentralasien-Strategie", not "Zentralasienstrategie"',
      ]);
    });

    it("accepts the preferred forms, words that only contain a variant, and source titles as published", async () => {
      await writeEvent("good-spelling-2024", (y) =>
        y
          .replace(
            "summary: { de: Text., en: Text. }",
            "summary: { de: Tokajew sprach über die EU-Zentralasien-Strategie und Schanaosen., en: Text. }",
          )
          .replace("title: { de: Titel, en: Title }", "title: { de: Titel, en: Zhanaozyenka }")
          .replace(
            "- document: test-paper",
            "- url: https://example.org/x\n    title: Tokayev in Schangaösen\n    publisher: P\n    published: 2024",
          ),
      );
      const dataset = await loadSources(root, "1.0.0");
      expect(dataset.events.map((e) => e.slug)).toContain("good-spelling-2024");
    });

    it("checks place names too", async () => {
      await writeEvent(
        "bad-place-2024",
        (y) => `${y}places:\n  - name: { de: Schangaösen, en: Zhanaozen }\n    country: KZ\n`,
      );
      expect(spellingProblems(await problemsOf(), "bad-place-2024")).toContainEqual({
        file: join("events", "bad-place-2024.yaml"),
        field: "places[0].name.de",
        message: 'write "Schanaosen", not "Schangaösen"',
      });
    });

    it("formats the problem as file › field: write …, not …", async () => {
      await writeEvent("format-2024", (y) =>
        y.replace(
          "summary: { de: Text., en: Text. }",
          "summary: { de: In Schangaösen., en: Text. }",
        ),
      );
      await expect(loadSources(root, "1.0.0")).rejects.toThrow(
        'events/format-2024.yaml › summary.de: write "Schanaosen", not "Schangaösen"',
      );
    });

    it("rejects a spelling list that is not a map per language", async () => {
      await writeFile(join(root, "vocab", "spellings.yaml"), "de:\n  - Schangaösen\n");
      const problems = await problemsOf();
      expect(
        problems.some((p) => p.file === join("vocab", "spellings.yaml") && p.field === "de"),
      ).toBe(true);
    });

    it("rejects a rule whose preferred form contains the variant", async () => {
      await writeFile(join(root, "vocab", "spellings.yaml"), "en:\n  Astana: Astana\n");
      const problems = await problemsOf();
      expect(problems).toContainEqual({
        file: join("vocab", "spellings.yaml"),
        field: "en.Astana",
        message: 'the preferred form "Astana" contains the variant itself',
      });
    });
  });

  it("reports every problem at once and formats them into one message", async () => {
    await writeEvent("bad-theme-2024", (y) => y.replace("themes: [security]", "themes: [weather]"));
    await unlink(join(root, "events", "test-summit-2023.yaml"));
    try {
      await loadSources(root, "1.0.0");
      expect.unreachable();
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('events/bad-theme-2024.yaml › themes[0]: unknown theme "weather"');
      expect(message).toContain(
        'events/test-forum-2023.yaml › partOf: no event with slug "test-summit-2023"',
      );
      expect(message).toMatch(/^2 problems in the data/);
    }
  });
});

describe("retired slugs and milestones", () => {
  it("ships retired slugs that lead to live events, and milestone: true", async () => {
    await writeFile(join(root, "retired-slugs.yaml"), "test-old-forum-2023: test-forum-2023\n");
    await writeEvent("test-turning-point-2024", (yaml) => `${yaml}milestone: true\n`);
    const dataset = await loadSources(root, "1.0.0");
    expect(dataset.retired).toEqual({ "test-old-forum-2023": "test-forum-2023" });
    expect(dataset.events.find((e) => e.slug === "test-turning-point-2024")?.milestone).toBe(true);
    expect(dataset.events.find((e) => e.slug === "test-forum-2023")).not.toHaveProperty(
      "milestone",
    );
  });

  it("refuses a reused retired slug, a dangling target and a milestone other than true", async () => {
    await writeFile(
      join(root, "retired-slugs.yaml"),
      "test-summit-2023: test-forum-2023\ntest-gone-2020: test-nothing-2020\n",
    );
    await writeEvent("test-turning-point-2024", (yaml) => `${yaml}milestone: yes\n`);
    const problems = (await problemsOf()).map((p) => `${p.file} › ${p.field}: ${p.message}`);
    expect(problems).toEqual(
      expect.arrayContaining([
        "retired-slugs.yaml › test-summit-2023: is retired but an event uses it again: a slug is never reused",
        'retired-slugs.yaml › test-gone-2020: leads to "test-nothing-2020", which is no event',
        'events/test-turning-point-2024.yaml › milestone: must be true (or left out): "milestone: true"',
      ]),
    );
  });
});
