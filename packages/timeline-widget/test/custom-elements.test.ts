// custom-elements.json as tools read it: module paths name what ships (dist/, with declarations, reachable
// through the package's exports), events carry their detail types, defaults are values. Checked by
// generating from it with the tools people use: VS Code custom data (custom-element-vs-code-integration)
// and JSX types (@wc-toolkit/jsx-types), which must then type-check a React usage against the built package.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { generateJsxTypes } from "@wc-toolkit/jsx-types";
import { generateVsCodeCustomElementData } from "custom-element-vs-code-integration";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { DEFAULT_TIMEOUT } from "../src/sources/fetch-json.ts";

const root = path.resolve(import.meta.dirname, "..");
const manifest = JSON.parse(readFileSync(path.join(root, "custom-elements.json"), "utf8"));
const packageJson = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
// Inside the package, so that the generated types resolve `@ca-timeline/timeline-widget` (self-reference).
const out = mkdtempSync(path.join(root, ".manifest-check-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const element = manifest.modules
  .flatMap((m: { declarations?: unknown[] }) => m.declarations ?? [])
  .find((d: { tagName?: string }) => d.tagName === "ca-timeline");

describe("custom-elements.json", () => {
  it("names shipped modules: dist/*.js with declarations, each a package export", () => {
    const targets = Object.values(packageJson.exports).map((t) =>
      typeof t === "string" ? t : (t as { default?: string }).default,
    );
    const modules = new Set<string>();
    for (const module of manifest.modules) {
      modules.add(module.path);
      for (const entry of module.exports ?? []) modules.add(entry.declaration.module);
    }
    expect(modules.size).toBeGreaterThan(0);
    for (const module of modules) {
      expect(module).toMatch(/^dist\/.*\.js$/);
      expect(existsSync(path.join(root, module)), module).toBe(true);
      expect(existsSync(path.join(root, module.replace(/\.js$/, ".d.ts"))), module).toBe(true);
      expect(targets).toContain(`./${module}`);
    }
  });

  it("gives each event its detail type and defaults as values", () => {
    const events = Object.fromEntries(
      element.events.map((e: { name: string; type: { text: string } }) => [e.name, e.type.text]),
    );
    expect(events).toEqual({
      "ca-timeline-select": "CustomEvent<TimelineEvent>",
      "ca-timeline-change": "CustomEvent<TimelineChangeDetail>",
    });
    const timeout = element.members.find((m: { name: string }) => m.name === "timeout");
    expect(timeout.default).toBe(String(DEFAULT_TIMEOUT));
  });

  it("yields VS Code custom data with the element's attributes, as text", () => {
    generateVsCodeCustomElementData(structuredClone(manifest), {
      outdir: out,
      htmlFileName: "html.json",
    });
    const data = JSON.parse(readFileSync(path.join(out, "html.json"), "utf8"));
    const tag = data.tags.find((t: { name: string }) => t.name === "ca-timeline");
    const attributes = tag.attributes.map((a: { name: string }) => a.name);
    expect(attributes).toEqual(
      expect.arrayContaining(["lang", "src", "endpoint", "themes", "sync-url", "color-scheme"]),
    );
    expect(JSON.stringify(tag.attributes)).not.toContain("string[]");
    expect(tag.description).toContain("ca-timeline-select");
  });

  it("yields JSX types that type-check a React usage with typed details", () => {
    generateJsxTypes(structuredClone(manifest), {
      outdir: out,
      fileName: "jsx.d.ts",
      globalTypePath: "@ca-timeline/timeline-widget",
    });
    const usage = path.join(out, "usage.tsx");
    writeFileSync(
      usage,
      `import type { Dataset, TimelineChangeDetail, TimelineEvent } from "@ca-timeline/timeline-widget";
import type { CustomElements } from "./jsx.js";
declare module "react" {
  namespace JSX {
    interface IntrinsicElements extends CustomElements {}
  }
}
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
export const typed = (dataset: Dataset) => (
  <ca-timeline
    events={dataset}
    sync-url
    onca-timeline-select={(e) => { const ok: Equal<typeof e.detail, TimelineEvent> = true; return ok; }}
    onca-timeline-change={(e) => { const ok: Equal<typeof e.detail, TimelineChangeDetail> = true; return ok; }}
  />
);
// @ts-expect-error: no such property
export const madeUp = <ca-timeline madeUp="x" />;
`,
    );
    const program = ts.createProgram([usage], {
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      jsx: ts.JsxEmit.ReactJSX,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      target: ts.ScriptTarget.ES2022,
      lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
      types: [],
    });
    const problems = ts
      .getPreEmitDiagnostics(program)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    expect(problems).toEqual([]);
  });
});
