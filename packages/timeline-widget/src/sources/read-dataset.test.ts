import { syntheticDataset } from "@ca-timeline/data/testing";
import { describe, expect, it } from "vitest";
import { DataError, readDataset } from "./read-dataset.ts";

describe("readDataset", () => {
  it("accepts a dataset and a bare array of events, completing the vocabulary from the events", () => {
    const data = syntheticDataset(5);
    expect(readDataset(JSON.parse(JSON.stringify(data)))).toEqual(data);
    const bare = readDataset(data.events);
    expect(bare.events).toEqual(data.events);
    expect(bare.themes.map((t) => t.id).sort()).toEqual(
      [...new Set(data.events.flatMap((e) => e.themes))].sort(),
    );
    expect(bare.themes[0]!.label.en).toBe(bare.themes[0]!.id);
  });

  it("says what is wrong with bad data", () => {
    const [event] = syntheticDataset(1).events;
    expect(() => readDataset({})).toThrow("the data has no list of events");
    expect(() => readDataset([{ ...event, title: { de: "x" } }])).toThrow(
      `event "${event!.slug}".title.en is not a text`,
    );
    expect(() => readDataset([{ ...event, start: "2020" }])).toThrow(DataError);
    expect(() => readDataset([{ ...event, precision: "week" }])).toThrow(/precision/);
    expect(() => readDataset([{ ...event, themes: "a" }])).toThrow(/themes is not a list/);
  });
});
