import { createIndex } from "@ca-timeline/data/query";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeGraphqlEndpoint } from "../test-support/fake-graphql.ts";
import { $, axeViolations, mount, slugs, until } from "../test-support/mount.ts";
import { syntheticDataset } from "../test-support/synthetic.ts";
import { requestTimeout } from "./fetch-json.ts";

const data = syntheticDataset(130);
const index = createIndex(data);

afterEach(() => {
  vi.unstubAllGlobals();
  requestTimeout.ms = 15_000;
});

describe("<ca-timeline> data sources", () => {
  it("loads from a GraphQL endpoint and switches language without another request", async () => {
    const endpoint = fakeGraphqlEndpoint(data);
    vi.stubGlobal("fetch", endpoint.fetch);
    const el = await mount({ endpoint: "https://api.test/graphql", lang: "en" });
    expect($(el, "[role=status]")!.textContent).toBe("Loading events…");
    expect(await axeViolations()).toEqual([]);
    await until(() => slugs(el).length > 0);
    expect(slugs(el)).toEqual(index.events.map((e) => e.slug));
    const requests = endpoint.requests.length;
    el.lang = "de";
    await el.updateComplete;
    expect($(el, ".title")!.textContent).toBe(index.events[0]!.title.de);
    expect(endpoint.requests.length).toBe(requests);
  });

  it("loads a file in events.json format from src", async () => {
    const urls: string[] = [];
    vi.stubGlobal("fetch", async (url: string) => {
      urls.push(url);
      return Response.json(data);
    });
    const el = await mount({ src: "/data/events.json", lang: "en" });
    await until(() => slugs(el).length > 0);
    expect(urls).toEqual(["/data/events.json"]);
    expect(slugs(el)).toEqual(index.events.map((e) => e.slug));
  });

  const failures: Array<[string, () => Promise<Response>, RegExp]> = [
    [
      "is down",
      async () => Promise.reject(new TypeError("Failed to fetch")),
      /could not be reached/,
    ],
    ["answers 500", async () => new Response("oops", { status: 500 }), /HTTP 500/],
    ["answers something that is not JSON", async () => new Response("<html>"), /not JSON/],
    [
      "answers bad data",
      async () => Response.json({ events: [{ slug: "x", start: "2020" }] }),
      /event "x"/,
    ],
  ];
  for (const [what, answer, message] of failures) {
    it(`shows a message and a retry when the source ${what}`, async () => {
      const fetch = vi.fn(answer);
      vi.stubGlobal("fetch", fetch);
      const el = await mount({ src: "/events.json", lang: "en" });
      await until(() => $(el, "[role=alert]") !== null);
      const alert = $(el, "[role=alert]")!;
      expect(alert.textContent).toContain("The events could not be loaded.");
      expect(alert.textContent).toMatch(message);
      expect(await axeViolations()).toEqual([]);
      fetch.mockImplementation(async () => Response.json(data));
      alert.querySelector("button")!.click();
      await until(() => slugs(el).length === index.size);
      expect($(el, "[role=alert]")).toBeNull();
    });
  }

  it("gives up on a slow endpoint after the timeout", async () => {
    requestTimeout.ms = 100;
    vi.stubGlobal(
      "fetch",
      (_url: string, init: RequestInit) =>
        new Promise((_resolve, reject) =>
          init.signal?.addEventListener("abort", () => reject(init.signal?.reason)),
        ),
    );
    const el = await mount({ endpoint: "https://api.test/graphql", lang: "de" });
    expect($(el, "[part=message]")!.textContent).toBe("Ereignisse werden geladen …");
    await until(() => $(el, "[role=alert]") !== null);
    expect($(el, "[role=alert]")!.textContent).toContain("did not answer in time");
  });
});
