// Builds the package: the ESM library for bundlers (lit and the data stay dependencies), the
// self-contained standalone bundles with their subresource-integrity hashes, and the demo pages (the main
// one server-rendered).
// Declarations come from tsc afterwards.
import { createHash } from "node:crypto";
import { cp, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { timeline } from "@ca-timeline/data";
import { build, type InlineConfig, type Plugin } from "vite";
import { splitDataset } from "../src/bundled-details.ts";
import { standaloneBuild } from "./standalone-build.ts";

const root = new URL("..", import.meta.url).pathname;
const sha384 = (content: string | Buffer) =>
  `sha384-${createHash("sha384").update(content).digest("base64")}`;

const common = (config: InlineConfig["build"]): InlineConfig => ({
  root,
  configFile: false,
  logLevel: "warn",
  build: { target: "es2022", ...config },
});

// 1. Library: one module per entry, every bare import left to the consumer's bundler.
const external = (id: string) => /^(lit|@lit\/|@lit-labs\/|@ca-timeline\/data)/.test(id);
await build(
  common({
    outDir: "dist",
    emptyOutDir: true,
    minify: false,
    sourcemap: true,
    lib: {
      // operations: the trusted documents alone, without lit, for a gateway to persist.
      entry: { index: "src/index.ts", define: "src/define.ts", operations: "src/operations.ts" },
      formats: ["es"],
    },
    rolldownOptions: { external },
  }),
);
// `hydrate` on its own, without a shared chunk: Lit's hydrate support must be imported before Lit, and
// a chunk's imports (Lit's among them) would come first.
await build(
  common({
    outDir: "dist",
    emptyOutDir: false,
    minify: false,
    sourcemap: true,
    lib: { entry: { hydrate: "src/hydrate.ts" }, formats: ["es"] },
    rolldownOptions: { external },
  }),
);

// 2. Standalone bundles, one build each so that neither depends on a shared chunk. The `development`
// export condition gets readable builds with Lit's development build (its warnings about misuse).
// The with-data bundle embeds the lean half of the dataset; the details go into a file beside each build
// of it, whose hash the bundle checks when it fetches them (src/bundled-details.ts, src/with-data.ts).
const DETAILS_FILE = "ca-timeline-with-data.details.json";
const { lean, details } = splitDataset(timeline);
const detailsJson = JSON.stringify(details);
const bundledData: Plugin = {
  name: "bundled-data",
  resolveId: (id) => (id === "virtual:ca-timeline/bundled-data" ? `\0${id}` : undefined),
  load: (id) =>
    id === "\0virtual:ca-timeline/bundled-data"
      ? [
          `export const bundled = ${JSON.stringify(lean)};`,
          `export const integrity = ${JSON.stringify(sha384(detailsJson))};`,
        ].join("\n")
      : undefined,
};
for (const dir of ["dist/standalone", "dist/standalone/development"]) {
  await mkdir(`${root}${dir}`, { recursive: true });
  await writeFile(`${root}${dir}/${DETAILS_FILE}`, detailsJson);
}
for (const [name, entry] of [
  ["ca-timeline", "src/define.ts"],
  ["ca-timeline-with-data", "src/with-data.ts"],
  // For server-rendered pages: the element with Lit's hydrate support.
  ["ca-timeline-hydrate", "src/hydrate.ts"],
] as const) {
  const config = standaloneBuild(entry, name, `${root}dist/standalone`, {
    hydrates: entry === "src/hydrate.ts",
  });
  await build({ ...config, plugins: [...(config.plugins ?? []), bundledData] });
  await build({
    plugins: [bundledData],
    ...common({
      outDir: "dist/standalone/development",
      emptyOutDir: false,
      minify: false,
      lib: { entry, formats: ["es"], fileName: () => `${name}.js` },
    }),
    // Lit's `development` export condition: its dev-mode checks and warnings.
    mode: "development",
    resolve: { conditions: ["module", "browser", "development"] },
  });
}

// 3. Subresource integrity: `dist/standalone/sri.json` maps each standalone bundle to its sha384 hash, the
// `integrity` attribute of a <script> that loads it from a CDN (each bundle is one file, no chunks), and
// the with-data bundle's details file to the hash the bundle checks it against.
const sri: Record<string, string> = {};
for (const file of ["ca-timeline.js", "ca-timeline-with-data.js", "ca-timeline-hydrate.js"])
  sri[file] = sha384(await readFile(`${root}dist/standalone/${file}`));
sri[DETAILS_FILE] = sha384(detailsJson);
await writeFile(`${root}dist/standalone/sri.json`, `${JSON.stringify(sri, null, 2)}\n`);

// 4. Demo pages beside copies of the bundles, so that one directory can be served as is.
await mkdir(`${root}dist/demo`, { recursive: true });
await cp(`${root}demo`, `${root}dist/demo`, { recursive: true });
for (const file of await readdir(`${root}dist/standalone`)) {
  if (file.endsWith(".js") || file === DETAILS_FILE)
    await cp(`${root}dist/standalone/${file}`, `${root}dist/demo/${file}`);
}

// 5. The demo page server-rendered (scripts/prerender.ts), with the no-JavaScript chronicle beside it.
const { prerenderDemo } = await import("./prerender.ts");
await prerenderDemo(root);
