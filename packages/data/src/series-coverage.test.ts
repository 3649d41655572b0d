import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { countsTable, currentCounts } from "../scripts/readme-counts.ts";
import { events, type TimelineEvent } from "./index.ts";

const bySlug = new Map(events.map((e) => [e.slug, e]));

interface Series {
  name: string;
  /** Every event of the series the chronicle holds: [slug, date]. */
  events: ReadonlyArray<readonly [slug: string, date: string]>;
  /** Events that belong to the series by their slug or kind: each must be pinned above. */
  member?: (event: TimelineEvent) => boolean;
}

/**
 * The series the chronicle follows (see "What the chronicle holds" in README.md), pinned by slug and date so
 * that an event cannot disappear or move unnoticed. A corrected date is changed here with the event file; a
 * new event of a series is added here.
 */
const SERIES: Series[] = [
  {
    name: "EU–Central Asia foreign ministers' meetings",
    member: (e) =>
      /^eu-(troika-central-asia|central-asia-ministerial)-/.test(e.slug) ||
      (e.type === "ministerial" && /^eu-central-asia-/.test(e.slug)),
    events: [
      ["eu-troika-central-asia-astana-2007", "2007-03-27/2007-03-28"],
      ["steinmeier-z5-strategy-presentation-berlin-2007", "2007-06-30"],
      ["eu-troika-central-asia-ashgabat-2008", "2008-04-09/2008-04-10"],
      ["eu-central-asia-security-forum-paris-2008", "2008-09-18"],
      ["eu-troika-central-asia-dushanbe-2009", "2009-05-29/2009-05-30"],
      ["eu-central-asia-ministerial-brussels-2009", "2009-09-15"],
      ["eu-troika-central-asia-tashkent-2011", "2011-04-07"],
      ["eu-central-asia-ministerial-bishkek-2012", "2012-11-27"],
      ["eu-central-asia-ministerial-brussels-2013", "2013-11-20"],
      ["eu-central-asia-ministerial-astana-2015", "2015-12-21"],
      ["eu-central-asia-ministerial-brussels-2016", "2016-10-04"],
      ["eu-central-asia-ministerial-samarkand-2017", "2017-11-10"],
      ["eu-central-asia-ministerial-brussels-2018", "2018-11-23"],
      ["eu-central-asia-ministerial-bishkek-2019", "2019-07-07"],
      ["eu-central-asia-ministerial-videoconference-2020", "2020-11-17"],
      ["eu-central-asia-ministerial-dushanbe-2021", "2021-11-22"],
      ["eu-central-asia-ministerial-samarkand-2022", "2022-11-17"],
      ["eu-central-asia-ministerial-luxembourg-2023", "2023-10-23"],
      ["eu-central-asia-ministerial-ashgabat-2025", "2025-03-27"],
      ["eu-cross-regional-connectivity-ministerial-2025", "2025-10-20"],
    ],
  },
  {
    name: "EU Central Asia strategy",
    member: (e) =>
      /^eu-(central-asia-(strategy|joint-communication)|council-conclusions-central-asia)/.test(
        e.slug,
      ),
    events: [
      ["eu-central-asia-strategy-2007", "2007-06-21/2007-06-22"],
      ["eu-central-asia-strategy-progress-report-2008", "2008-06"],
      ["eu-central-asia-strategy-review-2015", "2015-06-22"],
      ["eu-council-conclusions-central-asia-2017", "2017-06-19"],
      ["eu-central-asia-joint-communication-2019", "2019-05-15"],
      ["eu-central-asia-strategy-2019", "2019-06-17"],
    ],
  },
  {
    name: "EU Special Representatives",
    member: (e) => /^(eusr-|eu-special-(representative|envoy)-)/.test(e.slug),
    events: [
      ["eusr-central-asia-mandate-extension-2009", "2009-02-16"],
      ["eusr-patricia-flor-appointed-2012", "2012-06-25"],
      ["eu-special-representative-flor-departure-2014", "2014-02-28"],
      ["eu-special-envoy-herman-2014", "2014-04-09"],
      ["eu-special-representative-burian-2015", "2015-04-15"],
      ["eu-special-representative-hakala-2021", "2021-06-21"],
      ["eu-special-representative-stiprais-2025", "2025-02-24"],
    ],
  },
  {
    name: "EU partnership agreements and trade preferences (PCA/EPCA/GSP+)",
    member: (e) => /(^|-)(e?pca|gsp-plus)(-|$)/.test(e.slug),
    events: [
      ["european-parliament-turkmenistan-interim-trade-agreement-2009", "2009-04-22"],
      ["eu-tajikistan-pca-in-force-2010", "2010-01-01"],
      ["eu-kazakhstan-epca-negotiations-launch-2011", "2011-06"],
      ["eu-kazakhstan-epca-negotiations-concluded-2014", "2014-10-09"],
      ["eu-kyrgyzstan-gsp-plus-2015", "2015-11-25"],
      ["eu-kazakhstan-epca-2015", "2015-12-21"],
      ["eu-kazakhstan-epca-provisional-application-2016", "2016-05-01"],
      ["ep-consent-uzbekistan-textiles-protocol-2016", "2016-12-14"],
      ["ep-consent-eu-kazakhstan-epca-2017", "2017-12-12"],
      ["eu-kyrgyzstan-epca-negotiations-2017", "2017-12-19"],
      ["eu-uzbekistan-epca-mandate-2018", "2018-07-16"],
      ["eu-uzbekistan-epca-negotiations-2018", "2018-11-23"],
      ["eu-kyrgyzstan-epca-initialled-2019", "2019-07-06"],
      ["eu-kazakhstan-epca-in-force-2020", "2020-03-01"],
      ["eu-uzbekistan-gsp-plus-2021", "2021-04-10"],
      ["eu-tajikistan-epca-negotiations-2023", "2023-02-23"],
      ["eu-kyrgyzstan-epca-2024", "2024-06-25"],
      ["eu-uzbekistan-epca-2025", "2025-10-24"],
    ],
  },
  {
    name: "EU–Central Asia leaders' meetings and summits",
    member: (e) => /^eu-central-asia-(leaders-meeting|summit)-/.test(e.slug),
    events: [
      ["eu-central-asia-leaders-meeting-astana-2022", "2022-10-27"],
      ["eu-central-asia-leaders-meeting-cholpon-ata-2023", "2023-06-02"],
      ["eu-central-asia-summit-2025", "2025-04-04"],
    ],
  },
  {
    name: "EU–Central Asia civil society and economic forums",
    member: (e) => /^eu-central-asia-(civil-society|economic)-forum-/.test(e.slug),
    events: [
      ["eu-central-asia-civil-society-forum-2019", "2019-07-05/2019-07-06"],
      ["eu-central-asia-civil-society-forum-2021", "2021-10-06"],
      ["eu-central-asia-economic-forum-2021", "2021-11-05"],
      ["eu-central-asia-civil-society-forum-2023", "2023-03-10"],
      ["eu-central-asia-economic-forum-2023", "2023-05-18/2023-05-19"],
      ["eu-central-asia-civil-society-forum-2025", "2025-01-28/2025-01-30"],
      ["eu-central-asia-economic-forum-2025", "2025-11-26"],
    ],
  },
  {
    name: "German top-level visits (Chancellor, Federal President, Foreign Minister; presidents in Germany)",
    // Visits with Germany below that level are not part of the series.
    member: (e) =>
      e.type === "visit" &&
      e.actors.includes("DE") &&
      ![
        "glos-turkmenistan-uzbekistan-visit-2008",
        "annen-kazakhstan-uzbekistan-visit-2018",
      ].includes(e.slug),
    events: [
      ["nazarbayev-berlin-visit-2007", "2007-01-29/2007-01-30"],
      ["koehler-kazakhstan-state-visit-2008", "2008-09-02/2008-09-04"],
      ["berdimuhamedov-germany-visit-2008", "2008-11-13/2008-11-14"],
      ["nazarbayev-berlin-visit-2009", "2009-02-03"],
      ["westerwelle-uzbekistan-kyrgyzstan-visit-2010", "2010-07-15/2010-07-16"],
      ["merkel-kazakhstan-visit-2010", "2010-07-18"],
      ["rahmon-germany-visit-2011", "2011-12-13"],
      // Nazarbayev's visit to Berlin, told by the agreement signed during it.
      ["germany-kazakhstan-raw-materials-partnership-2012", "2012-02-08"],
      ["atambayev-berlin-visit-2012", "2012-12-11"],
      ["steinmeier-astana-visit-2014", "2014-11-09/2014-11-10"],
      ["nazarbayev-berlin-visit-2015", "2015-01-09"],
      ["atambayev-berlin-visit-2015", "2015-04-01"],
      ["steinmeier-central-asia-trip-2016", "2016-03-30/2016-04-01"],
      ["merkel-kyrgyzstan-visit-2016", "2016-07-13/2016-07-14"],
      ["berdimuhamedov-berlin-visit-2016", "2016-08-29"],
      ["steinmeier-kazakhstan-visit-2017", "2017-07-11/2017-07-13"],
      ["mirziyoyev-germany-visit-2019", "2019-01-21/2019-01-22"],
      ["jeenbekov-germany-visit-2019", "2019-04-15/2019-04-16"],
      ["steinmeier-uzbekistan-state-visit-2019", "2019-05-27/2019-05-29"],
      ["tokayev-germany-visit-2019", "2019-12-05/2019-12-06"],
      ["maas-uzbekistan-tajikistan-visit-2021", "2021-08-30"],
      ["baerbock-kazakhstan-uzbekistan-visit-2022", "2022-10-31/2022-11-02"],
      ["mirziyoyev-berlin-visit-2023", "2023-05-02/2023-05-03"],
      ["steinmeier-visit-kazakhstan-kyrgyzstan-2023", "2023-06-19/2023-06-23"],
      ["tokayev-berlin-visit-2023", "2023-09-28"],
      ["scholz-uzbekistan-visit-2024", "2024-09-15/2024-09-16"],
      ["scholz-kazakhstan-visit-2024", "2024-09-16"],
      ["japarov-berlin-visit-2024", "2024-11-26/2024-11-27"],
    ],
  },
  {
    name: "Germany–Central Asia (Z5+1) summits and foreign ministers' meetings",
    member: (e) => /^[a-z]+-z5-(summit|foreign-ministers)-\d{4}$/.test(e.slug),
    events: [
      ["berlin-z5-summit-2023", "2023-09-29"],
      ["astana-z5-summit-2024", "2024-09-17"],
      ["berlin-z5-foreign-ministers-2026", "2026-02-11"],
    ],
  },
  {
    name: "Consultative Meetings of the Central Asian heads of state",
    member: (e) => /^central-asia-consultative-meeting-/.test(e.slug),
    events: [
      ["central-asia-consultative-meeting-2018", "2018-03-15"],
      ["central-asia-consultative-meeting-2019", "2019-11-29"],
      ["central-asia-consultative-meeting-2021", "2021-08-06"],
      ["central-asia-consultative-meeting-2022", "2022-07-21"],
      ["central-asia-consultative-meeting-2023", "2023-09-14"],
      ["central-asia-consultative-meeting-2024", "2024-08-09"],
      ["central-asia-consultative-meeting-2025", "2025-11-16"],
    ],
  },
  {
    name: "SCO summits",
    member: (e) => /^sco-summit-/.test(e.slug),
    events: [
      ["sco-summit-bishkek-2007", "2007-08-16"],
      ["sco-summit-dushanbe-2008", "2008-08-28"],
      ["sco-summit-tashkent-2010", "2010-06-10/2010-06-11"],
      ["sco-summit-astana-2011", "2011-06-14/2011-06-15"],
      ["sco-summit-beijing-2012", "2012-06-06/2012-06-07"],
      ["sco-summit-bishkek-2013", "2013-09-13"],
      ["sco-summit-dushanbe-2014", "2014-09-11/2014-09-12"],
      ["sco-summit-ufa-2015", "2015-07-10"],
      ["sco-summit-tashkent-2016", "2016-06-23/2016-06-24"],
      ["sco-summit-astana-2017", "2017-06-08/2017-06-09"],
      ["sco-summit-bishkek-2019", "2019-06-13/2019-06-14"],
      ["sco-summit-dushanbe-2021", "2021-09-17"],
      ["sco-summit-samarkand-2022", "2022-09-15/2022-09-16"],
      ["sco-summit-astana-2024", "2024-07-04"],
    ],
  },
  {
    name: "Turkic Council / OTS summits",
    member: (e) => /^(ots|turkic-council)-summit-/.test(e.slug),
    events: [
      ["turkic-council-summit-almaty-2011", "2011-10-21"],
      ["turkic-council-summit-bishkek-2012", "2012-08-22/2012-08-23"],
      ["turkic-council-summit-cholpon-ata-2018", "2018-09-03"],
      ["turkic-council-summit-baku-2019", "2019-10-15"],
      ["ots-summit-istanbul-2021", "2021-11-12"],
      ["ots-summit-samarkand-2022", "2022-11-11"],
      ["ots-summit-astana-2023", "2023-11-03"],
      ["ots-summit-bishkek-2024", "2024-11-06"],
      ["ots-summit-gabala-2025", "2025-10-07"],
    ],
  },
  {
    name: "US–Central Asia C5+1 meetings",
    member: (e) => /(^|-)c5(-|$)/.test(e.slug),
    events: [
      ["c5-plus-1-samarkand-2015", "2015-11-01"],
      ["us-central-asia-c5-ministerial-washington-2016", "2016-08-03"],
      ["us-central-asia-c5-ministerial-new-york-2019", "2019-09-22"],
      ["us-central-asia-c5-ministerial-tashkent-2020", "2020-02-03"],
      ["us-central-asia-c5-ministerial-virtual-2021", "2021-04-23"],
      ["us-central-asia-c5-meeting-tashkent-2021", "2021-07-15"],
      ["us-central-asia-c5-ministerial-new-york-2021", "2021-09-22"],
      ["us-central-asia-c5-ministerial-new-york-2022", "2022-09-22"],
      ["us-central-asia-c5-ministerial-astana-2023", "2023-02-28"],
      ["us-central-asia-c5-summit-2023", "2023-09-19"],
      ["us-central-asia-c5-ministerial-new-york-2024", "2024-09-27"],
      ["us-central-asia-c5-summit-2025", "2025-11-06"],
    ],
  },
  {
    name: "China–Central Asia summits and foreign ministers' meetings",
    member: (e) => /^china-central-asia-(summit|foreign-ministers)/.test(e.slug),
    events: [
      ["china-central-asia-foreign-ministers-2020", "2020-07-16"],
      ["china-central-asia-foreign-ministers-xian-2021", "2021-05-12"],
      ["china-central-asia-foreign-ministers-nur-sultan-2022", "2022-06-08"],
      ["china-central-asia-foreign-ministers-xian-2023", "2023-04-27"],
      ["china-central-asia-summit-2023", "2023-05-18/2023-05-19"],
      ["china-central-asia-foreign-ministers-chengdu-2024", "2024-12-01"],
      ["china-central-asia-foreign-ministers-almaty-2025", "2025-04-26"],
      ["china-central-asia-summit-2025", "2025-06-17"],
    ],
  },
  {
    name: "Russia–Central Asia summits",
    member: (e) => /^russia-central-asia-summit-/.test(e.slug),
    events: [
      ["russia-central-asia-summit-2022", "2022-10-14"],
      ["russia-central-asia-summit-2025", "2025-10-09"],
    ],
  },
  {
    name: "India–Central Asia dialogues and summit",
    member: (e) => /^india-central-asia-(summit|dialogue)/.test(e.slug),
    events: [
      ["india-central-asia-dialogue-samarkand-2019", "2019-01-13"],
      ["india-central-asia-dialogue-2020", "2020-10-28"],
      ["india-central-asia-dialogue-delhi-2021", "2021-12-19"],
      ["india-central-asia-summit-2022", "2022-01-27"],
    ],
  },
  {
    name: "Gulf and Japan summits with Central Asia",
    member: (e) => /^(gcc|japan)-central-asia-summit-/.test(e.slug),
    events: [
      ["gcc-central-asia-summit-2023", "2023-07-19"],
      ["japan-central-asia-summit-2024", "2024-08-09"],
      ["japan-central-asia-summit-2025", "2025-12-19/2025-12-20"],
    ],
  },
];

const pinned = SERIES.flatMap((series) =>
  series.events.map(([slug, date]) => ({ series: series.name, slug, date })),
);

describe("the series the chronicle follows", () => {
  it.each(pinned)("$series: $slug is dated $date", ({ series, slug, date }) => {
    const event = bySlug.get(slug);
    expect(event, `${series} lost ${slug} (dated ${date})`).toBeDefined();
    expect(event!.date, `${series}: ${slug} moved`).toBe(date);
  });

  it.each(SERIES.filter((s) => s.member))(
    "$name: every event of the series is pinned",
    (series) => {
      const listed = new Set(series.events.map(([slug]) => slug));
      const unpinned = events
        .filter((e) => series.member!(e) && !listed.has(e.slug))
        .map((e) => `["${e.slug}", "${e.date}"]`);
      expect(unpinned, `${series.name}: pin these in src/series-coverage.test.ts`).toEqual([]);
    },
  );

  it("pins each event once, in date order within a series", () => {
    expect(new Set(pinned.map((p) => p.slug)).size).toBe(pinned.length);
    for (const series of SERIES) {
      const starts = series.events.map(([slug]) => bySlug.get(slug)?.start ?? "");
      expect(starts, `${series.name} is out of date order`).toEqual([...starts].sort());
    }
  });
});

describe("the size of the chronicle", () => {
  it("holds at least five events in every year from 2007 to 2025, and at least 250 in all", () => {
    const thin: string[] = [];
    for (let year = 2007; year <= 2025; year++) {
      const count = events.filter((e) => e.start.startsWith(`${year}-`)).length;
      if (count < 5) thin.push(`${year}: ${count}`);
    }
    expect(thin, "years with fewer than five events").toEqual([]);
    expect(events.length).toBeGreaterThanOrEqual(250);
  });

  it("marks 20 to 40 events as milestones", () => {
    const milestones = events.filter((e) => e.milestone === true).length;
    expect(milestones).toBeGreaterThanOrEqual(20);
    expect(milestones).toBeLessThanOrEqual(40);
  });

  it("says in README.md how many events each year holds", () => {
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    expect(
      currentCounts(readme),
      "README.md: the table of events per year is stale — run `npm run readme:counts -w @ca-timeline/data`",
    ).toBe(countsTable(events));
  });
});
