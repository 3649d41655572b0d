import { describe, expect, it } from "vitest";
import { resolveFilter } from "./resolve-filter.ts";

const known = (_field: string, id: string) => !id.startsWith("x-");
const none = { themes: [], types: [], actors: [] };

describe("resolveFilter", () => {
  it("keeps known ids and lists the unknown ones instead of failing", () => {
    const r = resolveFilter({ ...none, themes: ["a", "x-old"], actors: ["x-gone"] }, known);
    expect(r.filter).toEqual({ themes: ["a"] });
    expect(r.ignored).toEqual([
      ["themes", "x-old"],
      ["actors", "x-gone"],
    ]);
  });

  it("turns a period around whose start is after its end, comparing whole days", () => {
    expect(resolveFilter({ ...none, from: "2025", to: "2010" }, known)).toMatchObject({
      filter: { from: "2010", to: "2025" },
      swapped: true,
    });
    // 2010-06 ends after 2010 starts: a real period, not swapped.
    expect(resolveFilter({ ...none, from: "2010", to: "2010-06" }, known)).toMatchObject({
      filter: { from: "2010", to: "2010-06" },
      swapped: false,
    });
  });

  it("drops bounds that are not calendar dates and blank searches, trims the search", () => {
    expect(resolveFilter({ ...none, from: "soon", to: "2010-13", q: "  " }, known).filter).toEqual(
      {},
    );
    expect(resolveFilter({ ...none, q: "  gas  " }, known).filter).toEqual({ search: "gas" });
  });
});
