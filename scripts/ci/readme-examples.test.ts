// The READMEs' framework recipes are the examples' code: every block marked `<!-- example: path -->` must
// equal that file of the repository, so a recipe cannot drift from the app CI builds, type-checks and
// opens in Chromium (scripts/ci/examples.ts). To update one, copy the file's content into its block.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../release/workspace-packages.ts";

/** The marked blocks of a Markdown text: the file each names and the code under it. */
function embeddedExamples(markdown: string): { file: string; code: string }[] {
  const marked = /<!-- example: (\S+) -->\n```[\w-]*\n([\s\S]*?)```/g;
  return [...markdown.matchAll(marked)].map(([, file = "", code = ""]) => ({ file, code }));
}

const widgetReadme = "packages/timeline-widget/README.md";
const read = (file: string) => readFile(path.join(repoRoot, file), "utf8");
const blocks = embeddedExamples(await read(widgetReadme));

describe("README recipes", () => {
  it("finds a marked block with its file and code", () => {
    const markdown = "text\n<!-- example: examples/a/App.tsx -->\n```tsx\nconst a = 1;\n```\nmore";
    expect(embeddedExamples(markdown)).toEqual([
      { file: "examples/a/App.tsx", code: "const a = 1;\n" },
    ]);
  });

  it("the widget README embeds each framework example's app", () => {
    const files = blocks.map((block) => block.file);
    expect(files).toEqual(
      expect.arrayContaining([
        "examples/react/src/App.tsx",
        "examples/vue/src/App.vue",
        "examples/svelte/src/App.svelte",
        "examples/plain-html/index.html",
      ]),
    );
  });

  it.each(blocks.map((block) => [block.file, block.code] as const))(
    "%s in the widget README equals the file",
    async (file, code) => {
      expect(code, `copy ${file} into its block in ${widgetReadme}`).toBe(await read(file));
    },
  );
});
