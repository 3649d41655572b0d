// The minified standalone build of one entry (one file, Lit bundled): its configuration, shared by
// scripts/build.ts and scripts/size-breakdown.ts (which adds a source map).
import type { InlineConfig, Plugin } from "vite";

const root = new URL("..", import.meta.url).pathname;

/** Drops the comments and collapses the whitespace of the stylesheet's css`…` literal: bytes of the budget. */
const compactCss: Plugin = {
  name: "compact-css",
  transform(code, id) {
    if (!id.endsWith("/src/styles.ts")) return;
    const compacted = code.replace(/css`([^`]*)`/, (_, text: string) => {
      const compact = text
        .replace(/\/\*[\s\S]*?\*\//g, "")
        .replace(/\s+/g, " ")
        .replace(/\s*([{};,>])\s*/g, "$1")
        // A colon is never followed by a space in a selector, so this only touches declarations.
        .replace(/: /g, ":")
        .replace(/([ :(,])0\.(\d)/g, "$1.$2")
        .replace(/;}/g, "}")
        .trim();
      return `css\`${compact}\``;
    });
    // No source map of the change: the module is the one literal, so its bytes stay its own.
    return { code: compacted, map: null };
  },
};

/**
 * Collapses each line break and its indentation to one space in the minified standalone bundles: the
 * minifier leaves line breaks only inside template literals, and there they are the indentation of the
 * element's HTML templates and of the GraphQL documents, where one space means the same. (A line break
 * followed by anything else, e.g. inside Lit's whitespace character class, is left alone.)
 */
const collapseTemplateIndentation: Plugin = {
  name: "collapse-template-indentation",
  // After minification (renderChunk would run before it, on code that still has comments and line breaks).
  generateBundle(_, bundle) {
    for (const chunk of Object.values(bundle))
      if (chunk.type === "chunk") chunk.code = chunk.code.replace(/\n[ \n]+/g, " ");
  },
};

/**
 * The standalone bundle `${name}.js` of `entry` in `outDir`, minified for browsers. With a source map the
 * template indentation is kept (collapsing it would move the code the map points at); so it is in a
 * bundle that hydrates server-rendered HTML (`hydrates`): Lit hydrates only templates whose strings are
 * the server's exactly (each rendered template carries a digest of its strings), and the server renders
 * with the library build, whose templates are the source's.
 */
export function standaloneBuild(
  entry: string,
  name: string,
  outDir: string,
  { sourcemap = false, hydrates = false } = {},
): InlineConfig {
  return {
    root,
    configFile: false,
    logLevel: "warn",
    plugins: sourcemap || hydrates ? [compactCss] : [compactCss, collapseTemplateIndentation],
    build: {
      target: "es2022",
      outDir,
      emptyOutDir: false,
      minify: true,
      sourcemap,
      lib: { entry, formats: ["es"], fileName: () => `${name}.js` },
      // Lib mode keeps whitespace for bundlers by default; these files go straight to browsers.
      rolldownOptions: { output: { minify: true, comments: false } },
    },
  };
}
