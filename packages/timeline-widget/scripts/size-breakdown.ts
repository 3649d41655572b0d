// Where the bytes of `dist/standalone/ca-timeline.js` go: each source module's share of the gzip -9
// size, measured as how much smaller the bundle compresses without that module's code (its source map
// says which bytes are whose). Shares overlap a little (gzip reuses text across modules), so they add up
// to somewhat more than the total. Run after a build, which it repeats with a source map in a temporary
// directory: `npm exec -w @ca-timeline/timeline-widget -- node scripts/size-breakdown.ts`.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { eachMapping, TraceMap } from "@jridgewell/trace-mapping";
import { build } from "vite";
import { standaloneBuild } from "./standalone-build.ts";

const out = await mkdtemp(join(tmpdir(), "ca-timeline-size-"));
try {
  // The standalone build of scripts/build.ts, with a source map.
  await build(standaloneBuild("src/define.ts", "ca-timeline", out, { sourcemap: true }));
  const code = await readFile(join(out, "ca-timeline.js"), "utf8");
  const map = new TraceMap(await readFile(join(out, "ca-timeline.js.map"), "utf8"));
  const lineStarts = [0];
  for (let i = 0; i < code.length; i++) if (code[i] === "\n") lineStarts.push(i + 1);
  const starts: Array<[number, string]> = [];
  eachMapping(map, (m) => {
    starts.push([lineStarts[m.generatedLine - 1]! + m.generatedColumn, m.source ?? "(no source)"]);
  });
  starts.sort((a, b) => a[0] - b[0]);
  // The group a byte belongs to: Lit, a module of @ca-timeline/data, or a widget module.
  const group = (source: string) =>
    /node_modules\/(lit-html|lit-element|@lit\/reactive-element)\//.test(source)
      ? "lit"
      : source.replace(/.*packages\//, "").replace(/^timeline-widget\//, "");
  const owner: string[] = new Array(code.length).fill("(unmapped)");
  for (let i = 0; i < starts.length; i++) {
    const end = starts[i + 1]?.[0] ?? code.length;
    owner.fill(group(starts[i]![1]), starts[i]![0], end);
  }
  const gzip = (text: string) => gzipSync(text, { level: 9 }).length;
  const total = gzip(code);
  const rows = [...new Set(owner)].map((name) => {
    const rest = code
      .split("")
      .filter((_, i) => owner[i] !== name)
      .join("");
    return { name, share: total - gzip(rest) };
  });
  rows.sort((a, b) => b.share - a.share);
  console.log(
    `ca-timeline.js, template indentation kept: ${total} bytes gzip -9; each module's share:`,
  );
  for (const { name, share } of rows) console.log(`  ${String(share).padStart(6)}  ${name}`);
} finally {
  await rm(out, { recursive: true, force: true });
}
