// Rewrites the per-year table of README.md (between `<!-- counts:start -->` and `<!-- counts:end -->`)
// from src/events.json, so the README says how many events and milestones each year holds.
//   node scripts/readme-counts.ts          rewrite README.md
//   node scripts/readme-counts.ts --check  exit 1 if README.md is stale
// Run `npm run generate` first when event files changed (`npm run readme:counts` does both).
import { readFile, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const START_MARKER = "<!-- counts:start -->";
export const END_MARKER = "<!-- counts:end -->";
export const FIRST_YEAR = 2007;
export const LAST_YEAR = 2026;

interface CountedEvent {
  start: string;
  milestone?: true;
}

/** The Markdown between the markers (without them): one row per year, then the total. */
export function countsTable(events: readonly CountedEvent[]): string {
  const rows: string[] = ["| year | events | of which milestones |", "| ---: | ---: | ---: |"];
  let total = 0;
  let milestones = 0;
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
    const inYear = events.filter((e) => e.start.startsWith(`${year}-`) || e.start === `${year}`);
    const flagged = inYear.filter((e) => e.milestone === true).length;
    rows.push(`| ${year} | ${inYear.length} | ${flagged} |`);
    total += inYear.length;
    milestones += flagged;
  }
  const outside = events.length - total;
  if (outside !== 0) {
    throw new Error(`${outside} event(s) start outside ${FIRST_YEAR}–${LAST_YEAR}`);
  }
  rows.push(`| **total** | **${total}** | **${milestones}** |`);
  return rows.join("\n");
}

/** The README with the text between the markers replaced by `table`. */
export function withCounts(readme: string, table: string): string {
  const start = readme.indexOf(START_MARKER);
  const end = readme.indexOf(END_MARKER);
  if (start === -1 || end === -1 || end < start) {
    throw new Error(`README.md needs the markers ${START_MARKER} and ${END_MARKER}, in that order`);
  }
  return `${readme.slice(0, start + START_MARKER.length)}\n\n${table}\n\n${readme.slice(end)}`;
}

/** The text between the markers, trimmed (undefined without markers). */
export function currentCounts(readme: string): string | undefined {
  const start = readme.indexOf(START_MARKER);
  const end = readme.indexOf(END_MARKER);
  if (start === -1 || end === -1 || end < start) return undefined;
  return readme.slice(start + START_MARKER.length, end).trim();
}

const isMain =
  process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);

if (isMain) {
  const root = join(dirname(fileURLToPath(import.meta.url)), "..");
  const readmePath = join(root, "README.md");
  const { events } = JSON.parse(await readFile(join(root, "src", "events.json"), "utf8")) as {
    events: CountedEvent[];
  };
  const readme = await readFile(readmePath, "utf8");
  const table = countsTable(events);
  if (process.argv.includes("--check")) {
    if (currentCounts(readme) !== table) {
      console.error(
        "README.md: the table of events per year is stale — run `npm run readme:counts -w @ca-timeline/data`",
      );
      process.exit(1);
    }
  } else {
    const updated = withCounts(readme, table);
    if (updated !== readme) await writeFile(readmePath, updated);
    const milestones = events.filter((e) => e.milestone === true).length;
    console.log(`README.md: ${events.length} events, ${milestones} milestones`);
  }
}
