import { describe, expect, it } from "vitest";
import { readUrlState, writeUrlState } from "./url-state.ts";

describe("URL state", () => {
  it("round-trips filters, search, the open event and the language and keeps the page's own parameters", () => {
    const state = {
      themes: ["a", "b"],
      types: [],
      actors: ["KZ"],
      from: "2010",
      to: "",
      q: "Außen & co",
      event: "x-1",
      lang: "de",
    };
    const href = writeUrlState("https://site.test/page?id=7#top", state);
    const url = new URL(href);
    expect(url.searchParams.get("id")).toBe("7");
    expect(url.hash).toBe("#top");
    expect(url.searchParams.has("to")).toBe(false);
    expect(readUrlState(url.search)).toEqual({
      themes: ["a", "b"],
      actors: ["KZ"],
      from: "2010",
      q: "Außen & co",
      event: "x-1",
      lang: "de",
    });
  });

  it("drops empty parameters when the state is cleared", () => {
    const empty = {
      themes: [],
      types: [],
      actors: [],
      from: "",
      to: "",
      q: "",
      event: "",
      lang: "",
    };
    expect(writeUrlState("https://site.test/?themes=a&q=x&id=1", empty)).toBe(
      "https://site.test/?id=1",
    );
  });
});
