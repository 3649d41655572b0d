// The minified standalone build of one entry (one file, Lit bundled): its configuration, shared by
// scripts/build.ts and scripts/size-breakdown.ts (which adds a source map).
import { minify } from "terser";
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
 * A second minification by terser after Oxc's: three compress passes, and the element's `_`-prefixed
 * members (its internal state and methods, e.g. `_limit`, `_togglePanel`) renamed, which Oxc does not do.
 * Lit's own `_$` members are left alone (their names are Lit's protocol). Reserved: members named in a
 * string, which a property mangler cannot see: `_open` (`URL_PROPS` of src/ca-timeline.ts) and `_dark`
 * (src/hydration.ts); any other `_` member named in a string must be added here too. And `_data`, whose
 * status the tests of the built bundles wait on (test/standalone.test.ts).
 *
 * With `collapse`, each line break and its indentation becomes one space, before terser (which then joins
 * the shorter literals) and after it: the minifiers leave line breaks only inside template literals, and
 * there they are the indentation of the element's HTML templates and of the GraphQL documents, where one
 * space means the same. (A line break followed by anything else, e.g. inside Lit's whitespace character
 * class, is left alone.) A bundle that hydrates keeps them (see standaloneBuild).
 */
const terserPass = (collapse: boolean): Plugin => ({
  name: "terser-pass",
  // After Oxc's minification (renderChunk would run before it, on code that still has comments).
  async generateBundle(_, bundle) {
    const squeeze = (code: string) => (collapse ? code.replace(/\n[ \n]+/g, " ") : code);
    for (const chunk of Object.values(bundle)) {
      if (chunk.type !== "chunk") continue;
      const { code } = await minify(squeeze(chunk.code), {
        module: true,
        ecma: 2022,
        compress: { passes: 3 },
        mangle: { properties: { regex: /^_[a-zA-Z]/, reserved: ["_open", "_dark", "_data"] } },
      });
      chunk.code = squeeze(code!);
    }
  },
});

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
    plugins: sourcemap ? [compactCss] : [compactCss, terserPass(!hydrates)],
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
