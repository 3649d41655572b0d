// Screenshots of the demo with the real data, for looking at the widget as a visitor sees it:
// 375, 768 and 1280 px wide, German and English, light and dark, with filters on and an event open.
// Run after a build: `node scripts/screenshots.ts [out-dir]` (default: screenshots/, not committed).
import { mkdir, readFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { extname } from "node:path";
import { chromium } from "playwright";
import { chromiumLaunchOptions } from "./chromium.ts";

const demo = new URL("../dist/demo/", import.meta.url);
const out = new URL(`${process.argv[2] ?? "../screenshots"}/`, import.meta.url);
await mkdir(out, { recursive: true });
const types: Record<string, string> = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".css": "text/css",
};
const server = createServer(async (req, res) => {
  const path = new URL(req.url ?? "/", "http://x").pathname.slice(1) || "with-data.html";
  try {
    const body = await readFile(new URL(path, demo));
    res
      .writeHead(200, { "content-type": types[extname(path)] ?? "application/octet-stream" })
      .end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const browser = await chromium.launch(chromiumLaunchOptions);
try {
  for (const width of [375, 768, 1280])
    for (const lang of ["de", "en"])
      for (const scheme of ["light", "dark"] as const) {
        const page = await browser.newPage({
          viewport: { width, height: width < 500 ? 800 : 900 },
          colorScheme: scheme,
        });
        await page.goto(`${origin}/with-data.html`);
        await page.locator("ca-timeline [data-event-slug]").first().waitFor();
        const name = `${width}-${lang}-${scheme}`;
        await page.evaluate((lang) => {
          const el = document.querySelector("ca-timeline")!;
          el.lang = lang;
        }, lang);
        await page.screenshot({ path: new URL(`${name}-start.png`, out).pathname });
        // Filters on (a theme and a period) and a milestone open.
        await page.evaluate(() => {
          const el = document.querySelector("ca-timeline")!;
          el.themes = ["economy-energy-resources"];
          el.from = "2019";
          el.to = "2024";
        });
        const open = page.locator("ca-timeline .ms .head").first();
        await open.click();
        await page.locator("ca-timeline [part=details]").waitFor();
        // Past the highlight's transition (years in view) before the picture.
        await page.waitForTimeout(400);
        await page.screenshot({ path: new URL(`${name}-open.png`, out).pathname });
        if (width < 768) {
          await page.evaluate(() => scrollTo(0, 0));
          await page.locator("ca-timeline [part=filters-button]").click();
          await page.screenshot({ path: new URL(`${name}-filters.png`, out).pathname });
        }
        await page.close();
      }
} finally {
  await browser.close();
  server.close();
}
console.log(`screenshots in ${out.pathname}`);
