import { readFileSync } from "node:fs"; import { gzipSync } from "node:zlib";
import { TraceMap, eachMapping } from "@jridgewell/trace-mapping";
const code = readFileSync("/tmp/wt-widget-an/ca-timeline.js", "utf8");
const map = new TraceMap(readFileSync("/tmp/wt-widget-an/ca-timeline.js.map", "utf8"));
const lines = code.split("\n"); const offs = []; let o = 0; for (const l of lines) { offs.push(o); o += l.length + 1; }
const segs = []; eachMapping(map, (m) => segs.push([offs[m.generatedLine - 1] + m.generatedColumn, m.source]));
segs.sort((a, b) => a[0] - b[0]);
const owner = new Array(code.length).fill(null);
for (let i = 0; i < segs.length; i++) { const end = i + 1 < segs.length ? segs[i + 1][0] : code.length; for (let j = segs[i][0]; j < end; j++) owner[j] = segs[i][1]; }
const g = (t) => gzipSync(t, { level: 9 }).length; const total = g(code);
const by = new Map(); for (const s of owner) by.set(s, (by.get(s) ?? 0) + 1);
const rows = [];
for (const [src] of by) { let t = ""; for (let j = 0; j < code.length; j++) if (owner[j] !== src) t += code[j]; rows.push([total - g(t), by.get(src), String(src).replace(/.*node_modules\//, "nm/").replace(/.*packages\//, "")]); }
rows.sort((a, b) => b[0] - a[0]); console.log("total", total); for (const r of rows) console.log(String(r[0]).padStart(6), String(r[1]).padStart(6), r[2]);
