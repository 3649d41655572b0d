// Loading from an endpoint: the list is shown from its first page on, the rest of the list and the
// events' details (CaTimelineDetails) follow without disturbing the visitor; a link's retired slug is
// followed through the endpoint. The with-data build's bundled list and its details file go the same way.
import { createIndex } from "@ca-timeline/data/query";
import { syntheticDataset } from "@ca-timeline/data/testing";
import { afterEach, describe, expect, it, vi } from "vitest";
import { splitDataset, withDetails } from "./bundled-details.ts";
import { CaTimeline } from "./ca-timeline.ts";
import { DETAILS_QUERY_ID, EVENT_QUERY_ID } from "./operations.ts";
import { DataError } from "./sources/data-error.ts";
import { PAGE_SIZE } from "./sources/graphql-source.ts";
import { fakeGraphqlEndpoint } from "./test-support/fake-graphql.ts";
import { $, axeViolations, loaded, mount, slugs, until } from "./test-support/mount.ts";
import { network } from "./test-support/network.ts";
import { failOnUncaught } from "./test-support/uncaught.ts";

const base = syntheticDataset(250);
const ordered = createIndex(base).events;
// Words only in one event's summary, one per language: search finds them once the details are there.
const target = ordered[150]!;
const data = {
  ...base,
  events: base.events.map((e) =>
    e.slug === target.slug
      ? { ...e, summary: { de: `${e.summary.de} Kofferfisch`, en: `${e.summary.en} quokka` } }
      : e,
  ),
};
const ENDPOINT = "https://api.test/graphql";
const start = location.href;

failOnUncaught();
afterEach(() => {
  vi.unstubAllGlobals();
  history.replaceState(null, "", start);
});

/** An endpoint over `dataset` whose answers wait for `next()`; `requests` are those it received. */
function heldEndpoint(dataset: typeof data) {
  const endpoint = fakeGraphqlEndpoint(dataset);
  const net = network({ "api.test": endpoint.fetch }, ["api.test"]);
  vi.stubGlobal("fetch", net.fetch);
  /** Lets the waiting requests through, once there is one. */
  const next = async () => {
    await until(() => net.pending() > 0);
    await net.release();
  };
  return { requests: endpoint.requests, next, pending: net.pending };
}

/** An endpoint over `data` whose answers to one document fail (503). */
function failing(documentId: string) {
  const endpoint = fakeGraphqlEndpoint(data);
  vi.stubGlobal("fetch", async (input: string, init: RequestInit) =>
    new URL(input).searchParams.get("documentId") === documentId
      ? new Response("down", { status: 503 })
      : endpoint.fetch(input, init),
  );
}

const button = (el: HTMLElement, slug: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(`[data-event-slug="${slug}"] > button`);
const details = (el: HTMLElement, slug: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(`[data-event-slug="${slug}"] [part=details]`);

describe("<ca-timeline> loading from an endpoint, page by page", () => {
  it("shows the first page before the rest arrives, and keeps focus, scroll and the open event", async () => {
    const endpoint = heldEndpoint(data);
    const el = await mount({ endpoint: ENDPOINT, lang: "en" });
    await endpoint.next();
    await until(() => slugs(el).length === PAGE_SIZE);
    await el.updateComplete;
    // Only the first page has arrived: it is on screen, the second is asked for.
    expect(slugs(el)).toEqual(ordered.slice(0, PAGE_SIZE).map((e) => e.slug));
    expect(endpoint.pending()).toBe(1);
    // The visitor opens an event, then moves on far down the first page: focus and scroll there.
    const open = ordered[5]!.slug;
    const far = ordered[95]!.slug;
    button(el, open)!.click();
    await el.updateComplete;
    button(el, far)!.focus();
    button(el, far)!.scrollIntoView({ block: "center" });
    // Where the visitor sees it: content that grows above (the open event's details) must not move it.
    const onScreen = () => Math.round(button(el, far)!.getBoundingClientRect().top);
    const seen = onScreen();
    expect(scrollY).toBeGreaterThan(0);
    const focused = el.shadowRoot!.activeElement;
    expect(focused).toBe(button(el, far));

    // The two other pages of the list, then three of details.
    for (let page = 0; page < 5; page++) await endpoint.next();
    await until(() => el._data.missing === "" && el._data.status === "ready");
    await el.updateComplete;
    expect(slugs(el)).toEqual(ordered.map((e) => e.slug));
    expect(el.shadowRoot!.activeElement).toBe(focused);
    expect(onScreen()).toBe(seen);
    expect(el._open).toBe(open);
    expect(details(el, open)!.textContent).toContain(ordered[5]!.summary.en);
    expect(await axeViolations()).toEqual([]);
  });

  it("finds words of summaries once they arrive, and fills in an event opened before its details", async () => {
    const endpoint = heldEndpoint(data);
    const el = await mount({ endpoint: ENDPOINT, lang: "en" });
    // The whole list (three pages), not yet the details.
    for (let page = 0; page < 3; page++) await endpoint.next();
    await until(() => el._data.missing === "details");
    await loaded(el, { partial: true });
    button(el, target.slug)!.click();
    await el.updateComplete;
    expect(details(el, target.slug)!.textContent).toContain("Loading the details…");
    expect(details(el, target.slug)!.textContent).not.toContain(target.summary.en);
    el.q = "quokka";
    await el.updateComplete;
    expect(slugs(el)).toEqual([]);

    for (let page = 0; page < 3; page++) await endpoint.next();
    await until(() => el._data.missing === "");
    await el.updateComplete;
    // The search, kept, now finds the summary's word; in the other language too.
    expect(el.q).toBe("quokka");
    expect(slugs(el)).toEqual([target.slug]);
    expect(details(el, target.slug)!.textContent).toContain(target.summary.en);
    expect(details(el, target.slug)!.textContent).not.toContain("Loading the details…");
    el.q = "kofferfisch";
    await el.updateComplete;
    expect(slugs(el)).toEqual([target.slug]);
    expect(await axeViolations()).toEqual([]);
  });

  it("finishes a load cut short after its first page when it is added back to the page", async () => {
    const endpoint = heldEndpoint(data);
    const el = await mount({ endpoint: ENDPOINT, lang: "en" });
    await endpoint.next();
    await until(() => slugs(el).length === PAGE_SIZE);
    const parent = el.parentElement!;
    el.remove();
    parent.append(el);
    // Loaded again from the start (the first page's request goes with the cut load's last one), then
    // two more pages of the list and three of details.
    await until(() => endpoint.pending() === 2);
    for (let page = 0; page < 6; page++) await endpoint.next();
    await until(() => el._data.missing === "" && el._data.status === "ready");
    await loaded(el);
    expect(slugs(el)).toEqual(ordered.map((e) => e.slug));
  });

  it("does not fail the load when the question about a link's slug fails", async () => {
    failing(EVENT_QUERY_ID);
    history.replaceState(null, "", "?event=merged-away");
    const el = await mount({ endpoint: ENDPOINT, lang: "en", "sync-url": "" });
    await until(() => el._data.missing === "" && el._data.status === "ready");
    await loaded(el);
    expect(slugs(el).length).toBe(ordered.length);
    expect($(el, ".note")!.textContent).toBe("Not found, ignored: event: merged-away");
  });

  it("keeps the list when the details fail, says so in the open event, and asks again for the details alone", async () => {
    failing(DETAILS_QUERY_ID);
    const el = await mount({ endpoint: ENDPOINT, lang: "de" });
    await until(() => el._data.status === "error");
    await loaded(el);
    expect(slugs(el).length).toBe(ordered.length);
    button(el, target.slug)!.click();
    await el.updateComplete;
    expect(details(el, target.slug)!.textContent).toContain(
      "Die Details konnten nicht geladen werden.",
    );
    expect(await axeViolations()).toEqual([]);
    // The endpoint is back: "Erneut versuchen" in the open event. The list stays whole meanwhile (no
    // count but the whole list's is ever announced), and the focus goes back to the event.
    vi.stubGlobal("fetch", fakeGraphqlEndpoint(data).fetch);
    const counts: number[] = [];
    el.addEventListener("ca-timeline-change", (e) => counts.push(e.detail.count));
    const retry = details(el, target.slug)!.querySelector("button")!;
    expect(retry.textContent).toBe("Erneut versuchen");
    retry.focus();
    retry.click();
    await until(() => details(el, target.slug)!.textContent!.includes("Kofferfisch"));
    expect(slugs(el).length).toBe(ordered.length);
    expect(counts.filter((count) => count !== ordered.length)).toEqual([]);
    expect(el.shadowRoot!.activeElement).toBe(button(el, target.slug));
    expect(el._data.status).toBe("ready");
  });
});

describe("<ca-timeline> a link's retired slug through an endpoint", () => {
  it("asks the endpoint what the slug became, opens that event and corrects the URL", async () => {
    const current = ordered[230]!.slug;
    const endpoint = fakeGraphqlEndpoint({ ...data, retired: { "merged-away": current } });
    vi.stubGlobal("fetch", endpoint.fetch);
    history.replaceState(null, "", "?event=merged-away");
    const el = await mount({ endpoint: ENDPOINT, lang: "en", "sync-url": "" });
    await until(() => details(el, current) !== null);
    expect(el._open).toBe(current);
    expect($(el, ".note")).toBeNull();
    await until(() => new URLSearchParams(location.search).get("event") === current);
    expect(endpoint.requests.filter((r) => r.documentId === EVENT_QUERY_ID)).toEqual([
      expect.objectContaining({ slug: "merged-away" }),
    ]);

    // A link followed after the load (the back button, a link in the page) is asked about too.
    el._open = "";
    await el.updateComplete;
    history.pushState(null, "", "?event=merged-away");
    dispatchEvent(new PopStateEvent("popstate"));
    await until(() => el._open === current && details(el, current) !== null);
    expect(endpoint.requests.filter((r) => r.documentId === EVENT_QUERY_ID)).toHaveLength(1);

    // A slug the endpoint does not know either is named, as with a file.
    history.replaceState(null, "", "?event=never-was");
    const missing = await mount({ endpoint: ENDPOINT, lang: "en", "sync-url": "" });
    await until(() => $(missing, ".note") !== null);
    expect($(missing, ".note")!.textContent).toBe("Not found, ignored: event: never-was");
  });
});

describe("<ca-timeline> the bundled list, then its details (the with-data build)", () => {
  const { lean, details: rest } = splitDataset(data);
  /** The with-data build's default data, whose details come when `arrive` is called (or fail). */
  function bundled() {
    let arrive: (ok: boolean) => void = () => {};
    const held = new Promise<boolean>((resolve) => (arrive = resolve));
    CaTimeline.defaultData = {
      ...withDetails(lean),
      details: async () => {
        if (!(await held)) throw new DataError("", "unreachable");
        return withDetails(lean, rest);
      },
    };
    return arrive;
  }
  afterEach(() => {
    CaTimeline.defaultData = undefined;
  });

  it("shows the whole list at once; search finds summaries and an open event fills in when they arrive", async () => {
    const arrive = bundled();
    const el = await mount({ lang: "en" });
    await loaded(el, { partial: true });
    expect(el._data.missing).toBe("details");
    expect(slugs(el)).toEqual(ordered.map((e) => e.slug));
    button(el, target.slug)!.click();
    el.q = "quokka";
    await el.updateComplete;
    expect(slugs(el)).toEqual([]);

    arrive(true);
    await loaded(el);
    expect(slugs(el)).toEqual([target.slug]);
    expect(details(el, target.slug)!.textContent).toContain(target.summary.en);
    el.q = "kofferfisch";
    await el.updateComplete;
    expect(slugs(el)).toEqual([target.slug]);
    expect(await axeViolations()).toEqual([]);
  });

  it("keeps the list when its details fail, and says so in the open event", async () => {
    const arrive = bundled();
    const el = await mount({ lang: "de" });
    button(el, target.slug)!.click();
    await el.updateComplete;
    expect(details(el, target.slug)!.textContent).toContain("Details werden geladen …");
    arrive(false);
    await until(() => el._data.status === "error");
    await loaded(el);
    expect(slugs(el)).toEqual(ordered.map((e) => e.slug));
    expect(details(el, target.slug)!.textContent).toContain(
      "Die Details konnten nicht geladen werden.",
    );
    // Asked again (the file is there now): the details fill in, the list as it was.
    const again = bundled();
    details(el, target.slug)!.querySelector("button")!.click();
    await el.updateComplete;
    expect(details(el, target.slug)!.textContent).toContain("Details werden geladen …");
    again(true);
    await until(() => details(el, target.slug)!.textContent!.includes("Kofferfisch"));
    expect(slugs(el)).toEqual(ordered.map((e) => e.slug));
  });
});
