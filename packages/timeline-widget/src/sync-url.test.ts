import { createIndex } from "@ca-timeline/data/query";
import { syntheticDataset } from "@ca-timeline/data/testing";
import { afterEach, describe, expect, it } from "vitest";
import { $, mount, slugs, until } from "./test-support/mount.ts";

const data = syntheticDataset(40);
const index = createIndex(data);
const start = location.href;

afterEach(() => history.replaceState(null, "", start));

describe("<ca-timeline sync-url>", () => {
  it("reads filters, search and the open event from the URL", async () => {
    const theme = data.themes[0]!.id;
    const open = index.filter({ themes: [theme], search: "energy" })[0]!.slug;
    history.replaceState(null, "", `?keep=1&themes=${theme}&q=energy&event=${open}`);
    const el = await mount({ "sync-url": "", lang: "en" }, { events: data });
    expect(el.themes).toEqual([theme]);
    expect(slugs(el)).toEqual(
      index.filter({ themes: [theme], search: "energy" }).map((e) => e.slug),
    );
    expect($(el, `[data-event-slug="${open}"] [part=details]`)).not.toBeNull();
    expect(new URLSearchParams(location.search).get("keep")).toBe("1");
  });

  it("writes changes to the URL and follows the back button", async () => {
    const el = await mount({ "sync-url": "", lang: "en" }, { events: data });
    const type = data.eventTypes[1]!.id;
    el.shadowRoot!.querySelector<HTMLInputElement>(`input[name="types"][value="${type}"]`)!.click();
    await el.updateComplete;
    expect(new URLSearchParams(location.search).get("types")).toBe(type);
    const slug = slugs(el)[0]!;
    el.shadowRoot!.querySelector<HTMLElement>(`[data-event-slug="${slug}"] .head`)!.click();
    await el.updateComplete;
    expect(new URLSearchParams(location.search).get("event")).toBe(slug);

    history.back();
    await until(() => !location.search.includes("event="));
    await until(() => el._open === "");
    expect(el.types).toEqual([type]);
    history.back();
    await until(() => el.types.length === 0);
    await el.updateComplete;
    expect(slugs(el).length).toBe(index.size);
  });

  it("leaves the URL alone without sync-url", async () => {
    const el = await mount({ lang: "en" }, { events: data });
    el.q = "energy";
    await el.updateComplete;
    expect(location.href).toBe(start);
  });
});
