import { describe, expect, it } from "vitest";
import { titleLang } from "./text-kind.ts";
import { typeMarker } from "./type-style.ts";

describe("titleLang", () => {
  it("takes a cited document's language, else recognises German titles", () => {
    expect(titleLang("Anything", "en")).toBe("en");
    expect(titleLang("Neuer Blick auf Zentralasien")).toBe("de");
    expect(
      titleLang("Bundesminister Steinmeier stellt EU-Zentralasienstrategie vor"),
    ).toBeUndefined();
    expect(titleLang("Menschenrechte und Wirtschaft: Merkel trifft kasachischen Präsidenten")).toBe(
      "de",
    );
    expect(titleLang("EU agrees to suspend Uzbek travel bans")).toBeUndefined();
  });
});

describe("typeMarker", () => {
  it("gives each of the data's ten types its own marker, and any other id one of them", () => {
    const ids = [
      "summit",
      "ministerial",
      "visit",
      "strategy",
      "agreement",
      "forum",
      "crisis",
      "infrastructure",
      "report",
      "other",
    ];
    expect(new Set(ids.map(typeMarker)).size).toBe(10);
    expect(typeMarker("something-new")).toBeGreaterThanOrEqual(0);
    expect(typeMarker("something-new")).toBeLessThan(10);
  });
});
