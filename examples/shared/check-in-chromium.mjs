// The one browser check every framework example passes: its built page, served by `vite preview`, opened
// in Chromium. The example's own code must render the events from the dataset with their labels, and its
// handlers must receive `ca-timeline-change` (the count, shown in #status) and `ca-timeline-select` (the
// event's title, shown in #selected). Each example's test.mjs hands in its own playwright-core and Vite,
// so this file imports nothing. Chromium: CHROMIUM_PATH and CHROMIUM_ARGS (space-separated), as set by
// scripts/ci/examples.ts from the repository's one list of launch flags.

/** @param {{ chromium: import("playwright-core").BrowserType, preview: typeof import("vite").preview, dataset: import("@ca-timeline/data").Dataset }} tools */
export async function checkInChromium({ chromium, preview, dataset }) {
  const server = await preview({ logLevel: "warn", preview: { host: "127.0.0.1", port: 0 } });
  const { CHROMIUM_PATH, CHROMIUM_ARGS } = process.env;
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH || "/usr/bin/chromium",
    args: (CHROMIUM_ARGS ?? "").split(" ").filter(Boolean),
  });
  const problems = [];
  try {
    const page = await browser.newPage();
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`console error: ${message.text()}`);
    });
    const url = server.resolvedUrls?.local[0];
    if (!url) throw new Error("vite preview gave no URL");
    await page.goto(url);

    // Every event renders, and the handler of ca-timeline-change got its typed detail.count.
    const total = dataset.events.length;
    await page.locator("#status", { hasText: `${total} events` }).waitFor({ timeout: 30_000 });
    const rendered = await page.locator("ca-timeline [data-event-slug]").count();
    if (rendered === 0) problems.push("no event rendered");

    // The dataset's vocabularies label the filters: names, not ids.
    const theme = dataset.themes.find((t) => dataset.events.some((e) => e.themes.includes(t.id)));
    if (!theme) throw new Error("the dataset has no theme in use");
    const box = page.locator("ca-timeline").getByRole("checkbox", { name: theme.label.en });
    if ((await box.count()) === 0) problems.push(`no filter labelled "${theme.label.en}"`);
    for (const id of [theme.id, dataset.actors[0]?.id ?? ""]) {
      const raw = page.locator("ca-timeline").getByRole("checkbox", { name: id, exact: true });
      if ((await raw.count()) > 0) problems.push(`a filter shows the raw id "${id}"`);
    }

    // A filter chosen in the element reaches the handler as the new count.
    const kept = dataset.events.filter((e) => e.themes.includes(theme.id)).length;
    await box.first().check();
    await page.locator("#status", { hasText: `${kept} events` }).waitFor({ timeout: 10_000 });

    // Opening an event reaches the ca-timeline-select handler with the event as detail.
    const first = page.locator("ca-timeline [data-event-slug]").first();
    const slug = await first.getAttribute("data-event-slug");
    const event = dataset.events.find((e) => e.slug === slug);
    if (!event) throw new Error(`rendered slug ${slug} is not in the dataset`);
    await first.getByRole("button").first().click();
    await page.locator("#selected", { hasText: event.title.en }).waitFor({ timeout: 10_000 });

    // Cited documents show their titles, not their ids.
    const cited = event.sources.find((s) => s.document);
    const document = dataset.documents.find((d) => d.id === cited?.document);
    if (document) {
      const details = page.locator("ca-timeline [part~=details]");
      await details
        .getByText(document.title, { exact: false })
        .first()
        .waitFor({ timeout: 10_000 });
    }
  } finally {
    await browser.close();
    await server.close();
  }
  if (problems.length > 0) throw new Error(problems.join("\n"));
  console.log("✓ rendered in Chromium: events, labels, ca-timeline-change and ca-timeline-select");
}
