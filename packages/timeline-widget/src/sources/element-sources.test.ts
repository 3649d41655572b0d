import type { Lang } from "@ca-timeline/data";
import { createIndex } from "@ca-timeline/data/query";
import { syntheticDataset } from "@ca-timeline/data/testing";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeGraphqlEndpoint } from "../test-support/fake-graphql.ts";
import { $, axeViolations, loaded, mount, slugs, until } from "../test-support/mount.ts";
import { failOnUncaught } from "../test-support/uncaught.ts";

const data = syntheticDataset(130);
const index = createIndex(data);
const ENDPOINT = "https://api.test/graphql";

failOnUncaught();
afterEach(() => vi.unstubAllGlobals());

/** A fetch that never answers on its own, only fails when its request is aborted (by the timeout). */
const hang = (_url: string, init: RequestInit) =>
  new Promise<Response>((_resolve, reject) =>
    init.signal?.addEventListener("abort", () => reject(init.signal?.reason)),
  );

const graphqlAnswer = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/graphql-response+json" },
  });

const failed = {
  en: "The events could not be loaded.",
  de: "Die Ereignisse konnten nicht geladen werden.",
};
const retry = { en: "Try again", de: "Erneut versuchen" };
const technical = { en: "Technical details", de: "Technische Angaben" };

/**
 * Each way an endpoint can fail, what the visitor reads in each language, and the technical detail (what
 * the server or the data said) behind the "Technical details" disclosure, if any.
 */
const faults: Array<{
  what: string;
  answer: (url: string, init: RequestInit) => Promise<Response>;
  says: Record<Lang, string>;
  detail?: string;
}> = [
  {
    what: "refuses the connection",
    answer: async () => Promise.reject(new TypeError("Failed to fetch")),
    says: { en: "The server could not be reached.", de: "Der Server ist nicht erreichbar." },
  },
  {
    what: "does not answer in time",
    answer: hang,
    says: {
      en: "The server did not answer in time.",
      de: "Der Server hat nicht rechtzeitig geantwortet.",
    },
  },
  {
    what: "answers 500",
    answer: async () => new Response("Internal Server Error", { status: 500 }),
    says: {
      en: "The server answered with an error.",
      de: "Der Server hat mit einem Fehler geantwortet.",
    },
    detail: "HTTP 500",
  },
  {
    what: "answers something that is not JSON",
    answer: async () => new Response("<html><body>Gateway</body></html>", { status: 200 }),
    says: { en: "The answer is not JSON.", de: "Die Antwort ist kein JSON." },
  },
  {
    what: "answers with GraphQL errors",
    answer: async () =>
      graphqlAnswer({ errors: [{ message: "Query depth limit of 8 exceeded" }] }, 400),
    says: { en: "The server reported an error.", de: "Der Server meldet einen Fehler." },
    detail: "Query depth limit of 8 exceeded",
  },
  {
    what: "answers events with missing fields",
    answer: async () =>
      graphqlAnswer({
        data: {
          events: {
            pageInfo: { hasNextPage: false, endCursor: null },
            nodes: [{ slug: "no-title", date: "2020", start: "2020-01-01", end: "2020-12-31" }],
          },
        },
      }),
    says: { en: "The data is not valid.", de: "Die Daten sind ungültig." },
    detail: 'event "no-title".precision is not a text',
  },
];

describe("<ca-timeline> data sources", () => {
  it("loads from a GraphQL endpoint and switches language without another request", async () => {
    const endpoint = fakeGraphqlEndpoint(data);
    vi.stubGlobal("fetch", endpoint.fetch);
    const el = await mount({ endpoint: ENDPOINT, lang: "en" });
    expect($(el, "[role=status]")!.textContent).toBe("Loading events…");
    expect(await axeViolations()).toEqual([]);
    await loaded(el);
    expect(slugs(el)).toEqual(index.events.map((e) => e.slug));
    const requests = endpoint.requests.length;
    el.lang = "de";
    await el.updateComplete;
    expect($(el, ".title")!.textContent).toBe(index.events[0]!.title.de);
    expect(endpoint.requests.length).toBe(requests);
  });

  it("loads from a gateway that does not know its persisted id, by sending the document", async () => {
    const endpoint = fakeGraphqlEndpoint(data, { persisted: {} });
    vi.stubGlobal("fetch", endpoint.fetch);
    const el = await mount({ endpoint: ENDPOINT, lang: "en" });
    await loaded(el);
    expect(slugs(el)).toEqual(index.events.map((e) => e.slug));
    expect(endpoint.requests[0]!.documentId).not.toBeNull();
    expect(endpoint.requests.slice(1).every((r) => r.query !== null)).toBe(true);
  });

  it("loads a file in events.json format from src", async () => {
    const urls: string[] = [];
    vi.stubGlobal("fetch", async (url: string) => {
      urls.push(url);
      return Response.json(data);
    });
    const el = await mount({ src: "/data/events.json", lang: "en" });
    await loaded(el);
    expect(urls).toEqual(["/data/events.json"]);
    expect(slugs(el)).toEqual(index.events.map((e) => e.slug));
  });

  /**
   * What an error message shows at first (its technical details closed), and those details: closed,
   * labelled in the visitor's language, their text marked as English.
   */
  const shown = (alert: Element, lang: Lang) => {
    const details = alert.querySelector("details");
    const visible = [...alert.children].filter((child) => child !== details);
    if (details) {
      expect(details.open).toBe(false);
      expect(details.querySelector("summary")!.textContent).toBe(technical[lang]);
      expect(details.querySelector("p")!.getAttribute("lang")).toBe("en");
    }
    return {
      text: visible.map((child) => child.textContent).join(" "),
      detail: details?.querySelector("p")?.textContent,
    };
  };

  for (const { what, answer, says, detail } of faults) {
    for (const lang of ["en", "de"] as const) {
      it(`[${lang}] says so and recovers on retry when the endpoint ${what}`, async () => {
        const healthy = fakeGraphqlEndpoint(data);
        const fetch = vi.fn(answer);
        vi.stubGlobal("fetch", fetch);
        const el = await mount({ endpoint: ENDPOINT, lang }, { timeout: 100 });
        await until(() => $(el, "[role=alert]") !== null);
        const alert = $(el, "[role=alert]")!;
        const { text, detail: technicalDetail } = shown(alert, lang);
        expect(text).toContain(failed[lang]);
        expect(text).toContain(says[lang]);
        // What the server or the data said is not in the visitor's view, only behind the disclosure.
        if (detail) expect(text).not.toContain(detail);
        expect(technicalDetail).toBe(detail);
        expect(alert.closest("[lang]")!.getAttribute("lang")).toBe(lang);
        expect(await axeViolations()).toEqual([]);

        // The endpoint comes back: the retry button loads everything.
        fetch.mockImplementation(healthy.fetch as typeof answer);
        const button = alert.querySelector("button")!;
        expect(button.textContent).toBe(retry[lang]);
        button.focus();
        button.click();
        // The button is gone with the message: the focus waits in the search field, not on the body.
        await el.updateComplete;
        expect(el.shadowRoot!.activeElement).toBe($(el, "[part=search]"));
        await until(() => slugs(el).length === index.size);
        expect($(el, "[role=alert]")).toBeNull();
      });
    }
  }

  it("words the message in the new language when lang changes while it shows", async () => {
    vi.stubGlobal("fetch", faults[0]!.answer);
    const el = await mount({ endpoint: ENDPOINT, lang: "en" });
    await until(() => $(el, "[role=alert]") !== null);
    el.lang = "de";
    await el.updateComplete;
    expect($(el, "[role=alert]")!.textContent).toContain(faults[0]!.says.de);
  });

  const fileFaults: Array<[string, () => Promise<Response>, string, string | undefined]> = [
    [
      "is missing",
      async () => new Response("Not found", { status: 404 }),
      "The server answered with an error.",
      "HTTP 404",
    ],
    ["is not JSON", async () => new Response("<html>"), "The answer is not JSON.", undefined],
    [
      "has bad data",
      async () => Response.json({ events: [{ slug: "x", start: "2020" }] }),
      "The data is not valid.",
      'event "x".date is not a text',
    ],
    [
      "is not a dataset",
      async () => Response.json({ hello: "world" }),
      "The data is not valid.",
      "the data has no list of events",
    ],
  ];
  for (const [what, answer, says, detail] of fileFaults) {
    it(`shows a message and a retry when the file ${what}`, async () => {
      const fetch = vi.fn(answer);
      vi.stubGlobal("fetch", fetch);
      const el = await mount({ src: "/events.json", lang: "en" });
      await until(() => $(el, "[role=alert]") !== null);
      const alert = $(el, "[role=alert]")!;
      const { text, detail: technicalDetail } = shown(alert, "en");
      expect(text).toContain(failed.en);
      expect(text).toContain(says);
      expect(technicalDetail).toBe(detail);
      fetch.mockImplementation(async () => Response.json(data));
      alert.querySelector("button")!.click();
      await until(() => slugs(el).length === index.size);
      expect($(el, "[role=alert]")).toBeNull();
    });
  }

  it("words an unexpected failure in the visitor's language, its message only under the technical details", async () => {
    // A fetch that answers no Response at all: reading it fails with a TypeError, not a DataError.
    vi.stubGlobal("fetch", async () => null);
    const el = await mount({ src: "/events.json", lang: "de" });
    await until(() => $(el, "[role=alert]") !== null);
    const { text, detail } = shown($(el, "[role=alert]")!, "de");
    expect(text).toContain(failed.de);
    expect(text).not.toMatch(/null|TypeError|Cannot/);
    expect(detail).toMatch(/null/);
  });

  it("shows the loading message until a slow endpoint gives up", async () => {
    vi.stubGlobal("fetch", hang);
    const el = await mount({ endpoint: ENDPOINT, lang: "de" }, { timeout: 100 });
    expect($(el, "[part=message]")!.textContent).toBe("Ereignisse werden geladen …");
    await until(() => $(el, "[role=alert]") !== null);
    // The loading message is gone, and no empty count bar stands above the error.
    expect($(el, "[role=status]")).toBeNull();
    expect($(el, "[part=bar]")).toBeNull();
  });
});
