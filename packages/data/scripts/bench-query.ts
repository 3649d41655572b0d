// Benchmark: a filtered, searched, paginated query over 100,000 synthetic events, in process.
// Prints the indexed query's timings, a naive linear scan as the same-run baseline, and the budget (5 ms).
import { EventIndex } from "../src/query/event-index.ts";
import { foldText, searchTerms } from "../src/query/fold.ts";
import type { EventFilter } from "../src/query/index.ts";
import { syntheticDataset } from "../src/testing/index.ts";
import type { TimelineEvent } from "../src/types.ts";

const COUNT = Number(process.env.BENCH_EVENTS ?? 100_000);
const BUDGET_MS = 5;

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { median: at(0.5), p95: at(0.95), min: sorted[0]! };
}

function time(runs: number, fn: () => unknown): ReturnType<typeof stats> {
  for (let i = 0; i < Math.min(20, runs); i++) fn(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return stats(samples);
}

/** The obvious implementation: fold and scan every event for every query. */
function naiveQuery(events: readonly TimelineEvent[], filter: EventFilter, first: number) {
  const terms = searchTerms(filter.search);
  const matched = events.filter((e) => {
    if (filter.themes?.length && !e.themes.some((t) => filter.themes!.includes(t))) return false;
    if (filter.actors?.length && !e.actors.some((a) => filter.actors!.includes(a))) return false;
    if (filter.types?.length && !filter.types.includes(e.type)) return false;
    if (filter.from && e.end < `${filter.from}-01-01`) return false;
    if (filter.to && e.start > `${filter.to}-12-31`) return false;
    const text = foldText([e.title.de, e.title.en, e.summary.de, e.summary.en].join(" "));
    return terms.every((t) => text.includes(t));
  });
  matched.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  return { total: matched.length, page: matched.slice(0, first) };
}

const { events } = syntheticDataset(COUNT, { seed: 42 });
const t0 = performance.now();
const index = new EventIndex(events, { maxPageSize: 100 });
const buildMs = performance.now() - t0;
const t1 = performance.now();
index.prepareSearch();
const wordsMs = performance.now() - t1;

const queries: Array<{ name: string; filter: EventFilter }> = [
  {
    name: "themes+actors+years+search",
    filter: {
      themes: ["security", "migration"],
      actors: ["KZ", "DE"],
      from: "2015",
      to: "2022",
      search: "außenminister",
    },
  },
  { name: "search only (2 words)", filter: { search: "Energie partnership" } },
  { name: "one theme, no search", filter: { themes: ["climate-environment"] } },
  { name: "no filter", filter: {} },
];

console.log(
  `@ca-timeline/data query benchmark — ${COUNT.toLocaleString("en")} synthetic events, Node ${process.version}`,
);
console.log(
  `index build: ${buildMs.toFixed(0)} ms, search word index: ${wordsMs.toFixed(0)} ms (once per dataset; the word index on the first search or prepareSearch())
`,
);
console.log(
  "query (first: 20, page 2 via cursor)      matches   indexed median / p95    naive median    speed-up   budget",
);
let worst = 0;
for (const { name, filter } of queries) {
  const firstPage = index.query({ filter, first: 20 });
  const run = () => index.query({ filter, first: 20, after: firstPage.pageInfo.endCursor });
  const indexed = time(200, run);
  const naive = time(5, () => naiveQuery(events, filter, 20));
  worst = Math.max(worst, indexed.median);
  console.log(
    `${name.padEnd(40)} ${String(firstPage.totalCount).padStart(8)}   ${indexed.median.toFixed(2).padStart(7)} / ${indexed.p95.toFixed(2).padStart(6)} ms ` +
      `${naive.median.toFixed(1).padStart(9)} ms ${`${(naive.median / indexed.median).toFixed(0)}×`.padStart(9)}   ${indexed.median <= BUDGET_MS ? "ok" : "OVER"} (≤ ${BUDGET_MS} ms)`,
  );
}
// The index keeps the event sets of recent search terms; a stream of new terms shows the cold cost.
const coldTerms = [
  ...new Set(events.slice(0, 2_000).flatMap((e) => foldText(e.title.en).split(" "))),
]
  .flatMap((word) => [word.slice(0, 4), word.slice(1, 6), word.slice(2)])
  .filter((term) => term.length >= 3);
const distinct = [...new Set(coldTerms)].slice(0, 600);
let next = 0;
const cold = time(300, () =>
  index.query({ filter: { search: distinct[next++ % distinct.length]! }, first: 20 }),
);
console.log(
  `${`search, a new term each time (${distinct.length} terms cycled)`.padEnd(40)}            ${cold.median.toFixed(2).padStart(7)} / ${cold.p95.toFixed(2).padStart(6)} ms ` +
    `${"".padStart(21)}   ${cold.median <= BUDGET_MS ? "ok" : "OVER"} (≤ ${BUDGET_MS} ms)`,
);
worst = Math.max(worst, cold.median);
const facets = time(50, () => index.facets(queries[0]!.filter));
console.log(`\nfacets for the first filter: median ${facets.median.toFixed(2)} ms`);
console.log(
  `slowest median query: ${worst.toFixed(2)} ms — ${worst <= BUDGET_MS ? "within" : "OVER"} the ${BUDGET_MS} ms budget`,
);
