// axe-core over a whole page opened by Playwright (the built bundles' and the demo's tests), with the
// WCAG 2.0–2.2 A/AA rules of src/test-support/mount.ts's axeViolations for the in-browser tests.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import type { Page } from "playwright";

const require = createRequire(import.meta.url);

/** The page's axe violations, each as `rule: targets`; evaluated through the DevTools protocol, which the page's CSP does not govern. */
export async function pageAxeViolations(tab: Page): Promise<string[]> {
  await tab.evaluate(await readFile(require.resolve("axe-core/axe.min.js"), "utf8"));
  return tab.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import("axe-core") }).axe;
    const tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
    const result = await axe.run(document, { runOnly: { type: "tag", values: tags } });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(" ")}`);
  });
}
