import { createIndex } from "@ca-timeline/data/query";
import { syntheticDataset } from "@ca-timeline/data/testing";
import { describe, expect, it } from "vitest";
import { computeView, yearBars } from "./compute-view.ts";
import { memoLast } from "./memo.ts";

const data = syntheticDataset(80);
data.events[3] = { ...data.events[3]!, milestone: true };
const index = createIndex(data);

describe("computeView", () => {
  it("shows every year of the data's span, empty ones included, with counts and milestones", () => {
    const theme = data.themes[0]!.id;
    const view = computeView(index, { themes: [theme] });
    const years = view.years.map((y) => y.year);
    expect(years).toEqual(Array.from({ length: years.length }, (_, i) => years[0]! + i));
    expect(view.years.reduce((n, y) => n + y.count, 0)).toBe(view.shown.length);
    expect(view.shown).toEqual(index.filter({ themes: [theme] }));
    expect(view.facets.themes).toEqual(index.facets({}).themes);
    const all = computeView(index, {});
    expect(all.years.reduce((n, y) => n + y.milestones, 0)).toBe(1);
  });

  it("answers a filter the index refuses with an empty, failed view", () => {
    const view = computeView(index, { search: "x".repeat(500) });
    expect(view.failed).toBe(true);
    expect(view.shown).toEqual([]);
  });

  it("counts per year within the given span only", () => {
    const bars = yearBars(index.events, 2010, 2011);
    expect(bars.map((b) => b.year)).toEqual([2010, 2011]);
  });
});

describe("memoLast", () => {
  it("computes again only when an argument changes", () => {
    let calls = 0;
    const f = memoLast((a: object, b: string) => {
      calls++;
      return { a, b };
    });
    const a = {};
    const first = f(a, "x");
    expect(f(a, "x")).toBe(first);
    expect(f(a, "y")).not.toBe(first);
    expect(calls).toBe(2);
  });
});
