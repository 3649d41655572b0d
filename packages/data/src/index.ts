import dataset from "./events.json" with { type: "json" };
import { lazyInstance } from "./lazy.ts";
import { createIndex, EventIndex } from "./query/index.ts";
import type { Actor, Dataset, EventType, SourceDocument, Theme, TimelineEvent } from "./types.ts";

export * from "./edtf.ts";
export * from "./query/index.ts";
export * from "./types.ts";

const data = dataset as unknown as Dataset;

/** The whole dataset, in the shape of `events.json`. */
export const timeline: Dataset = data;
/** Dataset version: the package version plus a hash of the content. */
export const version: string = data.version;
/** Every event, in date order. */
export const events: readonly TimelineEvent[] = data.events;
export const themes: readonly Theme[] = data.themes;
export const eventTypes: readonly EventType[] = data.eventTypes;
export const actors: readonly Actor[] = data.actors;
export const documents: readonly SourceDocument[] = data.documents;

/** Slugs of events merged into others → the slug that replaced them (never reused). */
export const retiredSlugs: Readonly<Record<string, string>> = data.retired ?? {};

/** The current slug for a slug from an old link: itself, or the event it was merged into. */
export function resolveSlug(slug: string): string {
  return Object.hasOwn(retiredSlugs, slug) ? retiredSlugs[slug]! : slug;
}

/** A ready query index over the bundled dataset, built on first use (importing costs nothing). */
export const index: EventIndex = /* @__PURE__ */ lazyInstance(EventIndex.prototype, () =>
  createIndex(data),
);
