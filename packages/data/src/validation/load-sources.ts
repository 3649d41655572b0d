import { createHash } from "node:crypto";
import { access, readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { parse } from "yaml";
import type { z } from "zod";
import { SLUG } from "../constants.ts";
import { parseEdtf } from "../edtf.ts";
import { compareEvents } from "../query/order.ts";
import type { Dataset, EventSource, TimelineEvent } from "../types.ts";
import * as schemas from "./schemas.ts";

/** One problem in one source file, precise enough to fix without guessing. */
export interface SourceProblem {
  file: string;
  field: string;
  message: string;
}

export function formatProblem(problem: SourceProblem): string {
  return `${problem.file} › ${problem.field || "(file)"}: ${problem.message}`;
}

export class DataValidationError extends Error {
  readonly problems: SourceProblem[];
  constructor(problems: SourceProblem[]) {
    super(
      `${problems.length} problem${problems.length === 1 ? "" : "s"} in the data:\n${problems
        .map((p) => `  - ${formatProblem(p)}`)
        .join("\n")}`,
    );
    this.name = "DataValidationError";
    this.problems = problems;
  }
}

function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => {
    if (typeof key === "number") return `${out}[${key}]`;
    return out ? `${out}.${String(key)}` : String(key);
  }, "");
}

class ProblemList {
  readonly items: SourceProblem[] = [];
  add(file: string, field: string, message: string): void {
    this.items.push({ file, field, message });
  }
  addZod(file: string, error: z.ZodError, prefix = ""): void {
    for (const issue of error.issues) {
      const path = fieldPath([...(prefix ? [prefix] : []), ...issue.path]);
      let message = issue.message;
      if (issue.code === "unrecognized_keys")
        message = `unknown field(s): ${issue.keys.join(", ")}`;
      else if (issue.code === "invalid_type" && issue.input === undefined) message = "is required";
      this.add(file, path, message);
    }
  }
}

async function readYaml(root: string, path: string, problems: ProblemList): Promise<unknown> {
  const file = relative(root, path);
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    problems.add(file, "", `cannot be read: ${(error as Error).message}`);
    return undefined;
  }
  try {
    // "failsafe": every scalar stays a string, so 2023 or 2023-09-29 never turn into numbers or dates.
    return parse(text, { schema: "failsafe", prettyErrors: true, uniqueKeys: true });
  } catch (error) {
    problems.add(file, "", `is not valid YAML: ${(error as Error).message.split("\n")[0]}`);
    return undefined;
  }
}

async function readList<T>(
  root: string,
  name: string,
  item: z.ZodType<T>,
  problems: ProblemList,
): Promise<T[]> {
  const file = join("vocab", name);
  const raw = await readYaml(root, join(root, file), problems);
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    problems.add(file, "", "must be a YAML list");
    return [];
  }
  const out: T[] = [];
  const seen = new Set<string>();
  raw.forEach((entry, index) => {
    const result = item.safeParse(entry);
    if (!result.success) {
      problems.addZod(file, result.error, `[${index}]`);
      return;
    }
    const id = (result.data as { id: string }).id;
    if (seen.has(id)) problems.add(file, `[${index}].id`, `duplicate id "${id}"`);
    seen.add(id);
    out.push(result.data);
  });
  return out;
}

function contentVersion(packageVersion: string, content: unknown): string {
  const hash = createHash("sha256").update(JSON.stringify(content)).digest("hex").slice(0, 10);
  return `${packageVersion}+${hash}`;
}

/** A forbidden spelling variant and the form to write instead, with its whole-word pattern. */
interface SpellingRule {
  variant: string;
  preferred: string;
  pattern: RegExp;
}
type SpellingRules = Record<"de" | "en", SpellingRule[]>;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Whole word, case-sensitive; a trailing genitive "s" (Tokayevs, Rahmons) still counts as the word. */
function wordPattern(variant: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(variant)}s?(?![\\p{L}\\p{N}])`, "gu");
}

/** Reads `vocab/spellings.yaml` (the same failsafe reader as every other file). */
async function readSpellings(root: string, problems: ProblemList): Promise<SpellingRules> {
  const rules: SpellingRules = { de: [], en: [] };
  const file = join("vocab", "spellings.yaml");
  const raw = await readYaml(root, join(root, file), problems);
  if (raw === undefined) return rules;
  const result = schemas.spellings.safeParse(raw);
  if (!result.success) {
    problems.addZod(file, result.error);
    return rules;
  }
  for (const lang of ["de", "en"] as const) {
    for (const [variant, preferred] of Object.entries(result.data[lang] ?? {})) {
      const pattern = wordPattern(variant);
      if (new RegExp(pattern.source, "u").test(preferred)) {
        problems.add(
          file,
          `${lang}.${variant}`,
          `the preferred form "${preferred}" contains the variant itself`,
        );
        continue;
      }
      rules[lang].push({ variant, preferred, pattern });
    }
  }
  return rules;
}

/** The variants in `text`; where two overlap ("EU-Zentralasienstrategie" / "Zentralasienstrategie"), the longer wins. */
function spellingViolations(text: string, rules: readonly SpellingRule[]): SpellingRule[] {
  const hits: Array<{ start: number; end: number; rule: SpellingRule }> = [];
  for (const rule of rules) {
    for (const match of text.matchAll(rule.pattern)) {
      hits.push({ start: match.index, end: match.index + match[0].length, rule });
    }
  }
  hits.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: typeof hits = [];
  for (const hit of hits) {
    if (!kept.some((k) => hit.start < k.end && k.start < hit.end)) kept.push(hit);
  }
  kept.sort((a, b) => a.start - b.start);
  return [...new Set(kept.map((k) => k.rule))];
}

/** Checks the free text of one event (title, summary, notes, place names) against the spelling list. */
function checkSpellings(
  file: string,
  source: EventSource,
  rules: SpellingRules,
  problems: ProblemList,
): void {
  const fields: Array<[string, { de: string; en: string } | undefined]> = [
    ["title", source.title],
    ["summary", source.summary],
    ["notes", source.notes],
    ...(source.places ?? []).map((p, i): [string, { de: string; en: string }] => [
      `places[${i}].name`,
      p.name,
    ]),
  ];
  for (const [field, text] of fields) {
    if (!text) continue;
    for (const lang of ["de", "en"] as const) {
      for (const rule of spellingViolations(text[lang], rules[lang])) {
        problems.add(file, `${field}.${lang}`, `write "${rule.preferred}", not "${rule.variant}"`);
      }
    }
  }
}

/**
 * `retired-slugs.yaml`: slugs of events merged into others → the slug that replaced them. A retired
 * slug is never reused, and it must lead to an event that exists. The file is optional.
 */
async function readRetiredSlugs(
  root: string,
  bySlug: ReadonlyMap<string, unknown>,
  problems: ProblemList,
): Promise<Record<string, string>> {
  const file = "retired-slugs.yaml";
  // Optional: only a file that is there is read (once, by the same reader as every other file).
  try {
    await access(join(root, file));
  } catch {
    return {};
  }
  const raw = await readYaml(root, join(root, file), problems);
  if (raw === null || raw === undefined) return {};
  if (typeof raw !== "object" || Array.isArray(raw)) {
    problems.add(file, "", "must map each retired slug to the slug that replaced it");
    return {};
  }
  const retired: Record<string, string> = {};
  for (const [from, to] of Object.entries(raw as Record<string, unknown>)) {
    if (!SLUG.test(from)) problems.add(file, from, "is not a slug ([a-z0-9-])");
    else if (bySlug.has(from))
      problems.add(file, from, "is retired but an event uses it again: a slug is never reused");
    else if (typeof to !== "string" || !bySlug.has(to))
      problems.add(file, from, `leads to "${String(to)}", which is no event`);
    else retired[from] = to;
  }
  return retired;
}

/**
 * Reads and validates every source file under `root` (`vocab/*.yaml`, `events/*.yaml`) and builds the dataset.
 * Event texts are also checked against the spelling list in `vocab/spellings.yaml`.
 * Throws a DataValidationError that lists every problem (file, field, message) when anything is wrong.
 */
export async function loadSources(root: string, packageVersion: string): Promise<Dataset> {
  const problems = new ProblemList();
  const themes = await readList(root, "themes.yaml", schemas.theme, problems);
  const eventTypes = await readList(root, "event-types.yaml", schemas.eventType, problems);
  const actors = await readList(root, "actors.yaml", schemas.actor, problems);
  const documents = await readList(root, "documents.yaml", schemas.sourceDocument, problems);
  const spellings = await readSpellings(root, problems);

  const themeIds = new Set(themes.map((t) => t.id));
  const typeIds = new Set(eventTypes.map((t) => t.id));
  const actorIds = new Set(actors.map((a) => a.id));
  const documentIds = new Set(documents.map((d) => d.id));

  const eventDir = join(root, "events");
  let names: string[] = [];
  try {
    names = (await readdir(eventDir)).sort();
  } catch {
    problems.add("events", "", "directory is missing");
  }
  const events: TimelineEvent[] = [];
  const files = new Map<string, string>();
  for (const name of names) {
    const file = join("events", name);
    if (!name.endsWith(".yaml")) {
      problems.add(file, "", "is not a .yaml file; event files are named <slug>.yaml");
      continue;
    }
    const slug = name.slice(0, -".yaml".length);
    if (!SLUG.test(slug)) {
      problems.add(
        file,
        "(file name)",
        `slug "${slug}" must be lower-case words joined by hyphens`,
      );
      continue;
    }
    const raw = await readYaml(root, join(eventDir, name), problems);
    if (raw === undefined) continue;
    const result = schemas.eventSource.safeParse(raw);
    if (!result.success) {
      problems.addZod(file, result.error);
      continue;
    }
    const source = result.data;
    const span = parseEdtf(source.date);
    if (typeof span === "string") continue; // reported by the schema
    if (!typeIds.has(source.type)) {
      problems.add(
        file,
        "type",
        `unknown event type "${source.type}" (known: ${[...typeIds].join(", ")})`,
      );
    }
    const check = (field: "themes" | "actors", known: Set<string>, what: string, hint: string) => {
      const seen = new Set<string>();
      source[field].forEach((value, index) => {
        if (!known.has(value))
          problems.add(file, `${field}[${index}]`, `unknown ${what} "${value}"${hint}`);
        if (seen.has(value)) problems.add(file, `${field}[${index}]`, `"${value}" is listed twice`);
        seen.add(value);
      });
    };
    check("themes", themeIds, "theme", ` (known: ${[...themeIds].join(", ")})`);
    check("actors", actorIds, "actor", " (add it to vocab/actors.yaml first)");
    source.sources.forEach((s, index) => {
      if (s.document !== undefined && !documentIds.has(s.document)) {
        problems.add(
          file,
          `sources[${index}].document`,
          `unknown document "${s.document}" (see vocab/documents.yaml)`,
        );
      }
    });
    if (source.partOf === slug) problems.add(file, "partOf", "an event cannot be part of itself");
    checkSpellings(file, source, spellings, problems);
    files.set(slug, file);
    events.push({
      slug,
      date: source.date,
      start: span.start,
      end: span.end,
      precision: span.precision,
      status: source.status,
      type: source.type,
      themes: source.themes,
      actors: source.actors,
      places: source.places ?? [],
      title: source.title,
      summary: source.summary,
      ...(source.notes ? { notes: source.notes } : {}),
      ...(source.partOf ? { partOf: source.partOf } : {}),
      ...(source.milestone ? { milestone: true as const } : {}),
      sources: source.sources,
    });
  }

  const bySlug = new Map(events.map((e) => [e.slug, e]));
  for (const event of events) {
    if (event.partOf === undefined || event.partOf === event.slug) continue;
    const file = files.get(event.slug)!;
    if (!bySlug.has(event.partOf)) {
      problems.add(file, "partOf", `no event with slug "${event.partOf}"`);
      continue;
    }
    // Walk up the chain: a cycle would make the hierarchy endless.
    const seen = new Set([event.slug]);
    for (
      let cur = bySlug.get(event.partOf);
      cur;
      cur = cur.partOf ? bySlug.get(cur.partOf) : undefined
    ) {
      if (seen.has(cur.slug)) {
        problems.add(file, "partOf", `"${event.partOf}" leads back to "${event.slug}" (a cycle)`);
        break;
      }
      seen.add(cur.slug);
    }
  }

  const retired = await readRetiredSlugs(root, bySlug, problems);

  if (problems.items.length > 0) throw new DataValidationError(problems.items);
  events.sort(compareEvents);
  const content = {
    themes,
    eventTypes,
    actors,
    documents,
    events,
    ...(Object.keys(retired).length > 0 ? { retired } : {}),
  };
  return { version: contentVersion(packageVersion, content), ...content };
}
