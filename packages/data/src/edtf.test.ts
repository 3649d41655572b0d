import { describe, expect, it } from "vitest";
import {
  EDTF_DATE,
  EDTF_PATTERN,
  ISO_DATE,
  ISO_DATE_PATTERN,
  ISO_DAY,
  ISO_DAY_PATTERN,
  parseEdtf,
  resolveBound,
} from "./edtf.ts";

describe("parseEdtf", () => {
  it.each([
    ["2023", { start: "2023-01-01", end: "2023-12-31", precision: "year", uncertain: false }],
    ["2023-09", { start: "2023-09-01", end: "2023-09-30", precision: "month", uncertain: false }],
    ["2024-02", { start: "2024-02-01", end: "2024-02-29", precision: "month", uncertain: false }],
    ["2023-02", { start: "2023-02-01", end: "2023-02-28", precision: "month", uncertain: false }],
    ["2023-09-29", { start: "2023-09-29", end: "2023-09-29", precision: "day", uncertain: false }],
    ["2023-06?", { start: "2023-06-01", end: "2023-06-30", precision: "month", uncertain: true }],
    [
      "2025-04-03/2025-04-04",
      { start: "2025-04-03", end: "2025-04-04", precision: "day", uncertain: false },
    ],
    [
      "2022-01/2022-01-11",
      { start: "2022-01-01", end: "2022-01-11", precision: "month", uncertain: false },
    ],
  ])("%s", (text, expected) => {
    expect(parseEdtf(text)).toEqual(expected);
  });

  it.each([
    ["23-09-29", /not an EDTF date/],
    ["2023-13", /no month 13/],
    ["2023-04-31", /no day 31/],
    ["2023-09-29/", /not an EDTF date/],
    ["2023/2022", /ends before it starts/],
    ["2023/2024/2025", /more than one/],
    ["", /not an EDTF date/],
  ])("rejects %j", (text, message) => {
    expect(parseEdtf(text)).toMatch(message);
  });
});

describe("resolveBound", () => {
  it("resolves a year, month or day to its first or last day", () => {
    expect(resolveBound("2022", "start")).toBe("2022-01-01");
    expect(resolveBound("2022", "end")).toBe("2022-12-31");
    expect(resolveBound("2022-02", "end")).toBe("2022-02-28");
    expect(resolveBound("2022-03-15", "start")).toBe("2022-03-15");
  });

  it("rejects anything else", () => {
    for (const text of ["2022-3", "March 2022", "2022-02-30", "2022/2023", "2022?"]) {
      expect(resolveBound(text, "start")).toBeUndefined();
    }
  });
});

describe("the grammar's patterns", () => {
  it.each([
    ["2023", true],
    ["2023-09", true],
    ["2023-09-29", true],
    ["2023-06?", true],
    ["2025-04-03/2025-04-04", true],
    ["2022-01~/2022-02%", true],
    ["2023-13", false],
    ["2023-09-32", false],
    ["23-09", false],
    ["2023/2024/2025", false],
  ])("EDTF_PATTERN %s → %s, like parseEdtf's syntax check", (text, valid) => {
    expect(new RegExp(EDTF_PATTERN).test(text)).toBe(valid);
  });

  it("ISO_DATE_PATTERN accepts what resolveBound resolves", () => {
    for (const text of ["2023", "2023-02", "2024-02-29", "2023-02-30", "2023-00", "2023-9"]) {
      const resolvable = resolveBound(text, "start") !== undefined;
      if (resolvable) expect(new RegExp(ISO_DATE_PATTERN).test(text), text).toBe(true);
    }
    expect(ISO_DATE.exec("2023-09-29")?.slice(1)).toEqual(["2023", "09", "29"]);
    expect(EDTF_DATE.exec("2023-06?")?.slice(1)).toEqual(["2023", "06", undefined, "?"]);
    expect(ISO_DAY.test("2023-09")).toBe(false);
  });

  it.each([
    ["2023-09-29", true],
    ["2024-02-29", true],
    ["2023-13-01", false],
    ["2023-12-32", false],
    ["2023-00-10", false],
    ["2023-09", false],
    ["2023-9-29", false],
  ])("ISO_DAY_PATTERN %s → %s", (text, valid) => {
    expect(new RegExp(ISO_DAY_PATTERN).test(text)).toBe(valid);
  });
});
