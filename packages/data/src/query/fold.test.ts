import { describe, expect, it } from "vitest";
import { foldedWords, foldText, matchRanges, searchTerms } from "./fold.ts";

describe("foldText", () => {
  it("ignores case, accents and ß/ss", () => {
    expect(foldText("Außenminister")).toBe("aussenminister");
    expect(foldText("AUSSENMINISTER")).toBe("aussenminister");
    expect(foldText("Türkiye")).toBe("turkiye");
    expect(foldText("Ōsh, Qaraqalpaqstan, Şymkent")).toBe("osh, qaraqalpaqstan, symkent");
    expect(foldText("GROẞ")).toBe("gross");
  });
});

describe("searchTerms", () => {
  it("splits on anything but letters and digits and drops duplicates", () => {
    expect(searchTerms("  Scholz, SCHOLZ – Z5+1 ")).toEqual(["scholz", "z5", "1"]);
    expect(searchTerms("")).toEqual([]);
    expect(searchTerms(null)).toEqual([]);
    expect(searchTerms("—!?")).toEqual([]);
  });
});

describe("foldedWords", () => {
  it("folds word by word, keeping combining marks with their letter", () => {
    expect(foldedWords("Treffen der AUSSENMINISTER in Türkiye, 2023")).toEqual([
      "treffen",
      "der",
      "aussenminister",
      "in",
      "turkiye",
      "2023",
    ]);
    // "Tu" + combining diaeresis + "rkiye": one word, not two.
    expect(foldedWords("Tu\u0308rkiye")).toEqual(["turkiye"]);
    expect(foldedWords("½-Jahres-Plan")).toEqual(["1", "2", "jahres", "plan"]);
  });

  it("gives the same words with a cache, and fills it", () => {
    const cache = new Map<string, string[]>();
    const text = "Außenminister trafen Außenminister in Astana; Ōsh und OSH.";
    expect(foldedWords(text, cache)).toEqual(foldedWords(text));
    expect(foldedWords(text, cache)).toEqual(foldedWords(text));
    expect(cache.get("Außenminister")).toEqual(["aussenminister"]);
  });
});

describe("matchRanges", () => {
  it("finds folded matches and maps them back to the original text", () => {
    const text = "Treffen der Außenminister in Berlin";
    const ranges = matchRanges(text, "aussenminister");
    expect(ranges).toEqual([[12, 25]]);
    expect(text.slice(12, 25)).toBe("Außenminister");
  });

  it("handles several terms, overlaps and repeated matches", () => {
    const text = "Samarkand summit, Samarkand";
    expect(matchRanges(text, "samar arkand summit")).toEqual([
      [0, 9],
      [10, 16],
      [18, 27],
    ]);
  });

  it("keeps characters outside the BMP intact", () => {
    const text = "𝐀 Türkiye";
    const [[start, end]] = matchRanges(text, "TURK") as [[number, number]];
    expect(text.slice(start, end)).toBe("Türk");
  });

  it("returns nothing for a blank search", () => {
    expect(matchRanges("text", "  ")).toEqual([]);
  });
});
