import { createIndex } from "@ca-timeline/data/query";
import { syntheticDataset } from "@ca-timeline/data/testing";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeGraphqlEndpoint } from "./test-support/fake-graphql.ts";
import { $, loaded, mount, slugs, until } from "./test-support/mount.ts";
import { network } from "./test-support/network.ts";
import { failOnUncaught } from "./test-support/uncaught.ts";

// Two sources with different data: A has more events than B, so whichever is shown is unambiguous.
const dataA = syntheticDataset(150);
const dataB = syntheticDataset(12);
const slugsA = createIndex(dataA).events.map((e) => e.slug);
const slugsB = createIndex(dataB).events.map((e) => e.slug);
const start = location.href;

failOnUncaught();
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  history.replaceState(null, "", start);
});

const file = (data: unknown) => (async () => Response.json(data)) as unknown as typeof fetch;

describe("<ca-timeline> quick changes", () => {
  it("shows B when endpoint A is slower than the endpoint B set after it", async () => {
    const net = network(
      { "a.test": fakeGraphqlEndpoint(dataA).fetch, "b.test": fakeGraphqlEndpoint(dataB).fetch },
      ["a.test"],
    );
    vi.stubGlobal("fetch", net.fetch);
    const el = await mount({ endpoint: "https://a.test/graphql", lang: "en" });
    await until(() => net.pending() === 1);
    el.endpoint = "https://b.test/graphql";
    await loaded(el);
    expect(slugs(el)).toEqual(slugsB);
    expect(net.signals[0]!.aborted).toBe(true);
    await net.release();
    expect(slugs(el)).toEqual(slugsB);
    expect(el._data.status).toBe("ready");
    // A's load stopped at its first page: no request for its second page went out.
    expect(net.calls.filter((h) => h === "a.test")).toEqual(["a.test"]);
  });

  it("shows the last of several src values set in a row, whatever order the answers come in", async () => {
    const net = network(
      { "a.test": file(dataA), "b.test": file(dataB), "c.test": file({ events: [] }) },
      ["a.test", "c.test"],
    );
    vi.stubGlobal("fetch", net.fetch);
    const el = await mount({ lang: "en", src: "https://a.test/events.json" });
    el.setAttribute("src", "https://c.test/events.json");
    await el.updateComplete;
    el.setAttribute("src", "https://b.test/events.json");
    await el.updateComplete;
    await loaded(el);
    await net.release();
    expect(slugs(el)).toEqual(slugsB);
  });

  it("lets the events property win over a pending load, and ignores that load's late answer", async () => {
    const net = network({ "a.test": fakeGraphqlEndpoint(dataA).fetch }, ["a.test"]);
    vi.stubGlobal("fetch", net.fetch);
    const el = await mount({ endpoint: "https://a.test/graphql", lang: "en" });
    el.events = dataB;
    await el.updateComplete;
    expect(slugs(el)).toEqual(slugsB);
    // Both of A's pages are let through, as if the server ignored the cancellation.
    await net.release();
    await net.release();
    expect(slugs(el)).toEqual(slugsB);
  });

  it("ignores a failure of a load that a newer one replaced", async () => {
    const net = network(
      {
        "a.test": (async () => new Response("oops", { status: 500 })) as unknown as typeof fetch,
        "b.test": file(dataB),
      },
      ["a.test"],
    );
    vi.stubGlobal("fetch", net.fetch);
    const el = await mount({ src: "https://a.test/x.json", lang: "en" });
    el.src = "https://b.test/x.json";
    await loaded(el);
    await net.release();
    expect($(el, "[role=alert]")).toBeNull();
    expect(slugs(el)).toEqual(slugsB);
  });

  it("follows filter attributes changed many times in a row, ending at the last values", async () => {
    const el = await mount({ lang: "en" }, { events: dataA });
    const changes: number[] = [];
    el.addEventListener("ca-timeline-change", (e) => changes.push(e.detail.count));
    const themes = dataA.themes.map((t) => t.id);
    for (let i = 0; i < 40; i++) {
      el.setAttribute("themes", themes[i % themes.length]!);
      el.setAttribute("q", `meeting ${i}`);
      el.setAttribute("from", String(2007 + (i % 10)));
      if (i % 7 === 0) await el.updateComplete;
    }
    await el.updateComplete;
    const last = { themes: [themes[39 % themes.length]!], search: "meeting 39", from: "2016" };
    const expected = createIndex(dataA).filter(last);
    expect(slugs(el)).toEqual(expected.map((e) => e.slug));
    expect(changes.at(-1)).toBe(expected.length);
  });
});

describe("<ca-timeline> removal and re-adding", () => {
  it("keeps one popstate listener while on the page and none after, and ignores history once removed", async () => {
    const el = await mount({ lang: "en", "sync-url": "" }, { events: dataA });
    // Counted from here: mount() removed the previous test's element, which removed its listener.
    const add = vi.spyOn(window, "addEventListener");
    const remove = vi.spyOn(window, "removeEventListener");
    const popstate = (spy: typeof add) => spy.mock.calls.filter(([type]) => type === "popstate");
    const parent = el.parentElement!;
    for (let i = 0; i < 3; i++) {
      el.remove();
      parent.append(el);
    }
    expect([popstate(add).length, popstate(remove).length]).toEqual([3, 3]);
    el.remove();
    expect(popstate(remove).length).toBe(4);
    // The same listener each time, so a removal always finds the one that was added.
    expect(new Set([...popstate(add), ...popstate(remove)].map(([, f]) => f)).size).toBe(1);

    // Detached, the element does not follow the URL.
    history.pushState(null, "", `?q=${encodeURIComponent("meeting 1")}`);
    dispatchEvent(new PopStateEvent("popstate"));
    expect(el.q).toBeUndefined();

    // Back on the page it does again, and once: one history step is one update.
    parent.append(el);
    const changes: unknown[] = [];
    el.addEventListener("ca-timeline-change", (e) => changes.push(e.detail));
    history.pushState(null, "", `?q=${encodeURIComponent("meeting 2")}`);
    dispatchEvent(new PopStateEvent("popstate"));
    await el.updateComplete;
    expect(el.q).toBe("meeting 2");
    expect(changes.length).toBe(1);
  });

  it("cancels a pending load when removed, does no more work, and loads again when re-added", async () => {
    const endpoint = fakeGraphqlEndpoint(dataA);
    const net = network({ "a.test": endpoint.fetch }, ["a.test"]);
    vi.stubGlobal("fetch", net.fetch);
    const el = await mount({ endpoint: "https://a.test/graphql", lang: "en" });
    const parent = el.parentElement!;
    await until(() => net.pending() === 1);
    el.remove();
    expect(net.signals[0]!.aborted).toBe(true);
    await net.release();
    // The first page's answer came anyway: no further page was asked for, nothing was rendered.
    expect(endpoint.requests.length).toBe(1);
    expect(el._data.data).toBeUndefined();
    expect(slugs(el)).toEqual([]);

    parent.append(el);
    // Loaded again: the list, then the details, each question answered as it comes.
    const done = () => el._data.status === "ready" && el._data.missing === "";
    while (!done()) {
      await until(() => net.pending() > 0 || done());
      await net.release();
    }
    await loaded(el);
    expect(slugs(el)).toEqual(slugsA);
  });

  it("keeps its data when moved around the page, with no new request", async () => {
    const endpoint = fakeGraphqlEndpoint(dataB);
    vi.stubGlobal("fetch", endpoint.fetch);
    const el = await mount({ endpoint: "https://b.test/graphql", lang: "en" });
    await loaded(el);
    const requests = endpoint.requests.length;
    const other = document.createElement("section");
    document.body.append(other);
    other.append(el);
    el.remove();
    document.body.append(el);
    await el.updateComplete;
    expect(slugs(el)).toEqual(slugsB);
    expect(endpoint.requests.length).toBe(requests);
  });
});
