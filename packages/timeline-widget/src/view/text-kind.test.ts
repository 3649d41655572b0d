import { describe, expect, it } from "vitest";
import { titleLang } from "./text-kind.ts";

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
