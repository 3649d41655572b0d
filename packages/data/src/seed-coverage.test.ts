import { describe, expect, it } from "vitest";
import { events } from "./index.ts";

const bySlug = new Map(events.map((e) => [e.slug, e]));

/**
 * Every dated event the source documents state, with the date the public record gives. `corrected` marks
 * events where a source document is vague or wrong: their `notes` must say what it claims.
 */
const SEED_EVENTS: Array<{
  slug: string;
  date: string;
  partOf?: string;
  corrected?: RegExp;
  /** A fact from the source document that the event's English summary must state (e.g. after a merge). */
  states?: RegExp;
}> = [
  // Seed 000 (SPD-Bundestagsfraktion position paper)
  { slug: "eu-central-asia-strategy-2007", date: "2007-06-21/2007-06-22" },
  { slug: "eu-central-asia-strategy-2019", date: "2019-06-17" },
  { slug: "kyrgyzstan-october-2020-unrest", date: "2020-10-05/2020-10-15" },
  { slug: "kazakhstan-january-unrest-2022", date: "2022-01-02/2022-01-11" },
  {
    slug: "csto-deployment-kazakhstan-2022",
    date: "2022-01-06/2022-01-19",
    partOf: "kazakhstan-january-unrest-2022",
  },
  { slug: "india-central-asia-summit-2022", date: "2022-01-27" },
  { slug: "central-asia-power-blackout-2022", date: "2022-01-25" },
  { slug: "russia-invasion-ukraine-2022", date: "2022-02-24" },
  {
    slug: "central-asia-winter-energy-crisis-2023",
    date: "2022-12/2023-01",
    corrected: /folgenden Winter/,
  },
  {
    slug: "team-europe-digital-connectivity-2022",
    date: "2022-11-18",
    partOf: "eu-central-asia-connectivity-conference-2022",
  },
  { slug: "uzbekistan-kyrgyzstan-border-treaty-2023", date: "2023-01-27", corrected: /2022/ },
  { slug: "eu-central-asia-civil-society-forum-2023", date: "2023-03-10" },
  { slug: "china-central-asia-summit-2023", date: "2023-05-18/2023-05-19" },
  // The report's "submitted on 16/06/2023" is an internal stamp; the public record gives the month only.
  { slug: "ebrd-trans-caspian-transport-study-2023", date: "2023-06" },
  {
    slug: "steinmeier-visit-kazakhstan-kyrgyzstan-2023",
    date: "2023-06-19/2023-06-23",
    corrected: /Juli 2023/,
  },
  {
    slug: "kazakhstan-green-hydrogen-test-drilling-2023",
    date: "2023-06-21",
    partOf: "steinmeier-visit-kazakhstan-kyrgyzstan-2023",
    corrected: /Grundsteinlegung/,
  },
  { slug: "gcc-central-asia-summit-2023", date: "2023-07-19" },
  { slug: "central-asia-consultative-meeting-2023", date: "2023-09-14" },
  { slug: "berlin-z5-summit-2023", date: "2023-09-29" },
  // The Joint Roadmap (formerly its own event, eu-central-asia-joint-roadmap-2023) is told by the ministerial.
  {
    slug: "eu-central-asia-ministerial-luxembourg-2023",
    date: "2023-10-23",
    states: /Joint Roadmap for Deepening Ties/,
  },
  { slug: "ots-summit-astana-2023", date: "2023-11-03" },
  { slug: "eco-summit-tashkent-2023", date: "2023-11-09" },
  { slug: "central-asia-consultative-meeting-2024", date: "2024-08-09" },
  {
    slug: "eu-central-asia-summit-2025",
    date: "2025-04-04",
    corrected: /in 2024/,
    states: /strategic partnership/,
  },
  // Seed 001 (civil-society round table) and seed 002 (news report on the Berlin summit)
  { slug: "civil-society-round-table-2023", date: "2023-09-20" },
  {
    slug: "steinmeier-working-breakfast-2023",
    date: "2023-09-29",
    partOf: "berlin-z5-summit-2023",
  },
  {
    slug: "ost-ausschuss-business-forum-2023",
    date: "2023-09-29",
    partOf: "berlin-z5-summit-2023",
  },
  {
    slug: "germany-kyrgyzstan-migration-declaration-2023",
    date: "2023-09-29",
    partOf: "berlin-z5-summit-2023",
    corrected: /Dschaparow/,
  },
  { slug: "germany-uzbekistan-migration-declaration-2023", date: "2023-05-02" },
  { slug: "astana-z5-summit-2024", date: "2024-09-17" },
  // Seed 003 (Federal Foreign Office, February 2026)
  { slug: "berlin-z5-foreign-ministers-2026", date: "2026-02-11" },
  {
    slug: "berlin-z5-business-forum-2026",
    date: "2026-02-11",
    partOf: "berlin-z5-foreign-ministers-2026",
  },
  {
    slug: "steinmeier-reception-z5-foreign-ministers-2026",
    date: "2026-02-11",
    partOf: "berlin-z5-foreign-ministers-2026",
  },
  // Seed 004 (China–Central Asia, spring 2025)
  { slug: "china-central-asia-cooperation-forum-2024", date: "2024-10-26/2024-10-27" },
  { slug: "china-kyrgyzstan-uzbekistan-railway-2024", date: "2024-12-27", corrected: /Juli 2025/ },
  { slug: "china-central-asia-foreign-ministers-almaty-2025", date: "2025-04-26" },
];

describe("coverage of the source documents", () => {
  it.each(SEED_EVENTS)("$slug is dated $date", ({ slug, date, partOf, corrected, states }) => {
    const event = bySlug.get(slug);
    expect(event, `missing event ${slug}`).toBeDefined();
    expect(event!.date).toBe(date);
    if (partOf) expect(event!.partOf).toBe(partOf);
    if (corrected) {
      expect(event!.notes, `${slug} needs notes on what the source claims`).toBeDefined();
      expect(event!.notes!.de).toMatch(corrected);
      expect(event!.notes!.en.length).toBeGreaterThan(40);
    }
    if (states) expect(event!.summary.en).toMatch(states);
  });

  it("no longer lists the events merged into their parents", () => {
    for (const retired of [
      "eu-central-asia-joint-roadmap-2023",
      "eu-central-asia-strategic-partnership-2025",
    ]) {
      expect(bySlug.has(retired), `${retired} was merged and must not come back`).toBe(false);
    }
  });

  it("cites the source documents on the events they state", () => {
    const citing = (document: string) =>
      events.filter((e) => e.sources.some((s) => s.document === document)).map((e) => e.slug);
    expect(citing("spd-fraktion-zentralasien-positionspapier")).toEqual(
      expect.arrayContaining([
        "berlin-z5-summit-2023",
        "steinmeier-visit-kazakhstan-kyrgyzstan-2023",
        "eu-central-asia-summit-2025",
      ]),
    );
    expect(citing("auswaertiges-amt-z5-aussenminister-2026")).toContain(
      "berlin-z5-foreign-ministers-2026",
    );
    expect(citing("china-zentralasien-almaty-2025")).toContain(
      "china-central-asia-foreign-ministers-almaty-2025",
    );
  });
});
