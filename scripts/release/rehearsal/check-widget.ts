import { existsSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import path from "node:path";
import { type Browser, chromium } from "playwright-core";
import { chromiumLaunchOptions } from "../../../packages/timeline-widget/scripts/chromium.ts";

const page = (script: string, attributes: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>rehearsal</title>
<script type="module" src="/${script}"></script></head>
<body><ca-timeline ${attributes}></ca-timeline></body></html>`;

/**
 * Serves a consumer project's installed widget (its standalone bundles, and the installed data's
 * events.json) on 127.0.0.1 and loads each bundle the way the README says, in Chromium. Passes when
 * events render (`[data-event-slug]` inside the element), nothing errors, and the page asks no
 * host other than ours.
 */
export async function checkWidget(project: string): Promise<string[]> {
  const widget = path.join(project, "node_modules", "@ca-timeline", "timeline-widget");
  const data = path.join(project, "node_modules", "@ca-timeline", "data");
  const files: Record<string, { file: string; type: string }> = {
    "/ca-timeline.js": {
      file: path.join(widget, "dist/standalone/ca-timeline.js"),
      type: "text/javascript",
    },
    "/ca-timeline-with-data.js": {
      file: path.join(widget, "dist/standalone/ca-timeline-with-data.js"),
      type: "text/javascript",
    },
    // Fetched by the with-data bundle from beside itself after its first render.
    "/ca-timeline-with-data.details.json": {
      file: path.join(widget, "dist/standalone/ca-timeline-with-data.details.json"),
      type: "application/json",
    },
    "/events.json": { file: path.join(data, "dist/events.json"), type: "application/json" },
  };
  const pages: Record<string, string> = {
    "/with-data.html": page("ca-timeline-with-data.js", 'lang="de"'),
    "/from-file.html": page("ca-timeline.js", 'lang="en" src="/events.json"'),
  };
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    const html = pages[url.pathname];
    const asset = files[url.pathname];
    if (html) response.writeHead(200, { "content-type": "text/html" }).end(html);
    else if (asset && existsSync(asset.file)) {
      response.writeHead(200, { "content-type": asset.type }).end(readFileSync(asset.file));
    } else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  const expected = (
    JSON.parse(readFileSync(files["/events.json"]!.file, "utf8")) as {
      events: unknown[];
    }
  ).events.length;

  const results: string[] = [];
  try {
    const browser = await chromium.launch({
      ...chromiumLaunchOptions,
      timeout: 60_000,
    });
    try {
      for (const pathname of Object.keys(pages)) {
        results.push(await renderPage(browser, origin, pathname, expected));
      }
    } finally {
      await browser.close();
    }
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  return results;
}

async function renderPage(browser: Browser, origin: string, pathname: string, expected: number) {
  const context = await browser.newContext();
  try {
    const tab = await context.newPage();
    const problems: string[] = [];
    tab.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    tab.on("console", (message) => {
      if (message.type() === "error") problems.push(`console error: ${message.text()}`);
    });
    await context.route("**/*", (route) => {
      if (route.request().url().startsWith(origin)) return route.continue();
      problems.push(`third-party request: ${route.request().url()}`);
      return route.abort();
    });
    await tab.goto(`${origin}${pathname}`, { timeout: 30_000 });
    const rendered = tab.locator("ca-timeline [data-event-slug]");
    await rendered.first().waitFor({ timeout: 30_000 });
    const count = await rendered.count();
    if (problems.length > 0) throw new Error(`${pathname}: ${problems.join("; ")}`);
    return `${pathname}: ${count} events rendered (data has ${expected})`;
  } finally {
    await context.close();
  }
}
