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

  it("rejects dates that are not EDTF and start/end days that do not exist", () => {
    const [event] = syntheticDataset(1).events;
    const where = `event "${event!.slug}"`;
    expect(() => readDataset([{ ...event, date: "last spring" }])).toThrow(
      `${where}.date: "last spring" is not an EDTF date`,
    );
    expect(() => readDataset([{ ...event, date: "2023-13-45" }])).toThrow(
      `${where}.date: "2023-13-45" has no month 13`,
    );
    expect(() => readDataset([{ ...event, start: "2023-13-45" }])).toThrow(
      `${where} has no valid start/end day`,
    );
    expect(() => readDataset([{ ...event, end: "2023-02-29" }])).toThrow(
      `${where} has no valid start/end day`,
    );
    expect(readDataset([{ ...event, end: "2024-02-29" }]).events[0]!.end).toBe("2024-02-29");
  });

  it("rejects a source with neither a document nor a url, and two events with one slug", () => {
    const [event, other] = syntheticDataset(2).events;
    expect(() => readDataset([{ ...event, sources: [{ title: "x" }] }])).toThrow(
      `event "${event!.slug}".sources[0] has no document or url`,
    );
    expect(() => readDataset([event, { ...other, slug: event!.slug }])).toThrow(
      `two events have the slug "${event!.slug}"`,
    );
  });

  it("rejects ids that a given vocabulary lacks, and completes vocabularies that are not given", () => {
    const data = syntheticDataset(3);
    const [event] = data.events;
    const withEvent = (change: object) => ({
      ...data,
      events: [{ ...event, ...change }, ...data.events.slice(1)],
    });
    const where = `event "${event!.slug}"`;
    expect(() => readDataset(withEvent({ type: "party" }))).toThrow(
      `${where} uses "party", which is not in its eventTypes`,
    );
    expect(() => readDataset(withEvent({ themes: ["sports"] }))).toThrow(
      `${where} uses "sports", which is not in its themes`,
    );
    expect(() => readDataset(withEvent({ actors: ["XX"] }))).toThrow(
      `${where} uses "XX", which is not in its actors`,
    );
    expect(() => readDataset(withEvent({ sources: [{ document: "nope" }] }))).toThrow(
      `${where} uses "nope", which is not in its documents`,
    );
    // Without the lists, the same ids are taken as they come.
    const { themes, eventTypes, actors, documents, ...bare } = withEvent({
      type: "party",
      themes: ["sports"],
      actors: ["XX"],
      sources: [{ document: "nope" }],
    });
    const read = readDataset(bare);
    expect(read.eventTypes.find((t) => t.id === "party")?.label).toEqual({
      de: "party",
      en: "party",
    });
    expect(read.themes.some((t) => t.id === "sports")).toBe(true);
    expect(read.actors.some((a) => a.id === "XX")).toBe(true);
    expect(read.documents).toEqual([]);
  });

  it("gives the element a DataError it words in the visitor's language", () => {
    const [event] = syntheticDataset(1).events;
    try {
      readDataset([{ ...event, date: "last spring" }]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DataError);
      expect((error as DataError).reason).toBe("data");
    }
  });
});
