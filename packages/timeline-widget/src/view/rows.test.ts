import type { TimelineEvent } from "@ca-timeline/data";
import { describe, expect, it } from "vitest";
import { duration, timelineRows } from "./rows.ts";

const ev = (slug: string, date: string, extra: Partial<TimelineEvent> = {}): TimelineEvent => {
  const [a, b = a] = date.split("/") as [string, string?];
  const pad = (d: string, end: boolean) =>
    d.length === 10
      ? d
      : d.length === 7
        ? `${d}-${end ? "28" : "01"}`
        : `${d}-${end ? "12-31" : "01-01"}`;
  return {
    slug,
    date,
    start: pad(a, false),
    end: pad(b!, true),
    precision: a.length === 10 ? "day" : a.length === 7 ? "month" : "year",
    status: "held",
    type: "summit",
    themes: ["t"],
    actors: ["KZ"],
    places: [],
    title: { de: slug, en: slug },
    summary: { de: "", en: "" },
    sources: [{ url: "https://example.org" }],
    ...extra,
  };
};

describe("timelineRows", () => {
  it("names the years between two shown years in which nothing matches", () => {
    const rows = timelineRows([ev("a", "2007"), ev("b", "2010-05"), ev("c", "2011")]);
    expect(rows.map((r) => (r.kind === "gap" ? `${r.first}–${r.last}` : r.year))).toEqual([
      2007,
      "2008–2009",
      2010,
      2011,
    ]);
  });

  it("groups events of the same day, not of the same month or year", () => {
    const rows = timelineRows([
      ev("a", "2023-09"),
      ev("b", "2023-09"),
      ev("c", "2023-09-29"),
      ev("d", "2023-09-29"),
      ev("e", "2023-09-30"),
    ]);
    const year = rows[0]!;
    if (year.kind !== "year") throw new Error("expected a year");
    expect(year.groups.map((g) => g.nodes.map((n) => n.event.slug).join("+"))).toEqual([
      "a",
      "b",
      "c+d",
      "e",
    ]);
  });

  it("nests side events under their parent when the parent is shown, else lists them on their own", () => {
    const parent = ev("summit", "2023-09-29");
    const part = ev("forum", "2023-09-29", { partOf: "summit" });
    const orphan = ev("orphan", "2023-10-01", { partOf: "not-shown" });
    const early = ev("early", "2023-09-28", { partOf: "summit" });
    // The part sorts before its parent (same day, shorter); it is nested all the same.
    const rows = timelineRows([early, part, parent, orphan]);
    const year = rows[0]!;
    if (year.kind !== "year") throw new Error("expected a year");
    const nodes = year.groups.flatMap((g) => g.nodes);
    expect(nodes.map((n) => [n.event.slug, n.parts.map((p) => p.slug)])).toEqual([
      ["early", []],
      ["summit", ["forum"]],
      ["orphan", []],
    ]);
  });
});

describe("duration", () => {
  it("is given for intervals only: days, or months from two months on", () => {
    expect(duration(ev("a", "2025-04-03/2025-04-04"))).toEqual({ unit: "day", value: 2 });
    expect(duration(ev("b", "2022-01-01/2022-06-30"))).toEqual({ unit: "month", value: 6 });
    expect(duration(ev("c", "2023-09"))).toBeUndefined();
    expect(duration(ev("d", "2023-09-29"))).toBeUndefined();
  });
});
