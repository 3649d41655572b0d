import { fileURLToPath } from "node:url";
import { CA_TIMELINE_EVENTS as EVENTS_QUERY } from "@ca-timeline/schema/operations";
import fc from "fast-check";
import {
  persistedOperations,
  TIMELINE_EVENTS,
  TIMELINE_VOCABULARY,
} from "../persisted-operations.ts";

// Generators of hostile input for the gateway's fuzz tests: documents, variables and HTTP shapes,
// generated from scratch and mutated from real ones.

/** Real documents: what mutations start from. */
export const DOCUMENTS = [
  EVENTS_QUERY,
  TIMELINE_EVENTS,
  TIMELINE_VOCABULARY,
  `query Filtered($filter: EventFilter, $first: Int, $after: String) {
    events(filter: $filter, first: $first, after: $after, orderBy: DATE_DESC) {
      totalCount pageInfo { hasNextPage endCursor } edges { cursor node { slug date title(lang: DE) } } } }`,
  `query Back($last: Int, $before: String) { events(last: $last, before: $before) { nodes { slug } pageInfo { hasPreviousPage startCursor } } }`,
  `query Facets($filter: EventFilter) { facets(filter: $filter) { themes { id label count } types { id count } actors { id label(lang: DE) count } years { year count } } }`,
  `query One($slug: String!, $id: ID!) { event(slug: $slug) { slug parts { slug } partOf { slug } } node(id: $id) { id ... on Event { slug } } }`,
  `{ dataset { version eventCount firstDate lastDate } __typename }`,
  `{ __schema { types { name fields { name } } } }`,
  `fragment F on Event { slug title } query Q { events(first: 3) { nodes { ...F ... on Event { date } } } }`,
];

/** Strings that break naive code: lone surrogates, NUL, BOM, bidi overrides, combining marks, astral. */
export const UNICODE_EDGES = [
  "\uD800",
  "\uDFFF",
  "\uDC00\uD800",
  "\u0000",
  "\uFEFF",
  "\u202E",
  "\u200B",
  "e\u0301",
  "ß",
  "İ",
  "ﬃ",
  "𝔘𝔫𝔦",
  "\u{10FFFF}",
  "💥",
  "\r\n",
  "\\",
  '"',
  "%",
  "%00",
  "%ZZ",
  "../",
  "$\u007b}",
  "__proto__",
  "constructor",
];

export const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 2, arbitrary: fc.constantFrom(...UNICODE_EDGES) },
  {
    weight: 2,
    arbitrary: fc
      .array(fc.constantFrom(...UNICODE_EDGES), { maxLength: 8 })
      .map((parts) => parts.join("")),
  },
  // Huge strings: longer than anything real, within and beyond the body limit.
  { weight: 1, arbitrary: fc.constantFrom(1_000, 60_000, 200_000).map((n) => "x".repeat(n)) },
);

const hostileDate = fc.oneof(
  fc.constantFrom(
    "2022",
    "2022-02-30",
    "2022-13",
    "2022-00-10",
    "0000",
    "-0001",
    "99999",
    "1e3",
    "2022-1-1",
    " 2022",
    "2022-03-15T00:00:00Z",
    "2023-06?",
    "2025-04-03/2025-04-04",
    "",
  ),
  hostileString,
);

/** Cursors: base64url of "v1|start|end|slug" in shapes near the real one, and anything else. */
const hostileCursor = fc.oneof(
  fc
    .tuple(
      fc.constantFrom("v1", "v2", "", "v1|"),
      hostileDate,
      hostileDate,
      fc.oneof(hostileString, fc.constant("eu-central-asia-strategy-2007")),
    )
    .map((parts) => Buffer.from(parts.join("|")).toString("base64url")),
  fc.base64String({ maxLength: 60 }),
  hostileString,
);

/** Arbitrary JSON, deeply nested objects and arrays included. */
const deepJson = fc.integer({ min: 10, max: 1000 }).map((depth) => {
  let value: unknown = "bottom";
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { filter: value };
  return value;
});

const hostileNumber = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -1, 100, 101, 2 ** 31, 2 ** 53, -(2 ** 31) - 1, 1e308, Number.MIN_VALUE),
);

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  hostileNumber,
  fc.jsonValue({ maxDepth: 4 }),
  deepJson,
  fc.constantFrom(null, true, false, [], {}),
);

const filter = fc.record(
  {
    from: fc.oneof(hostileDate, hostileValue),
    to: fc.oneof(hostileDate, hostileValue),
    themes: fc.oneof(fc.array(hostileString, { maxLength: 4 }), hostileValue),
    types: fc.array(fc.oneof(fc.constantFrom("summit", "visit"), hostileString), { maxLength: 4 }),
    actors: fc.array(fc.oneof(fc.constantFrom("DE", "KZ", "EU"), hostileString), { maxLength: 4 }),
    search: hostileString,
  },
  { requiredKeys: [] },
);

/** Variables: the real names with hostile values, and arbitrary objects. */
export const hostileVariables: fc.Arbitrary<unknown> = fc.oneof(
  fc.record(
    {
      first: fc.oneof(hostileNumber, hostileValue),
      last: hostileNumber,
      after: fc.oneof(hostileCursor, hostileValue),
      before: hostileCursor,
      vocabulary: fc.oneof(fc.boolean(), hostileValue),
      filter: fc.oneof(filter, hostileValue),
      slug: hostileString,
      id: fc.oneof(hostileCursor, hostileString),
    },
    { requiredKeys: [] },
  ),
  hostileValue,
  fc.dictionary(hostileString, hostileValue, { maxKeys: 5 }),
);

const TOKENS = [
  "{",
  "}",
  "(",
  ")",
  "[",
  "]",
  ":",
  "$",
  "!",
  "=",
  "@",
  "...",
  "|",
  "&",
  '"',
  '"""',
  "#",
  ",",
  "query",
  "mutation",
  "subscription",
  "fragment",
  "on",
  "events",
  "facets",
  "event",
  "node",
  "nodes",
  "edges",
  "slug",
  "first",
  "after",
  "filter",
  "__typename",
  "__schema",
  "@include(if: true)",
  "@skip(if: $v)",
  "$first",
  "Int",
  "String!",
  "EventFilter",
  "1",
  "-1",
  "1e999",
  "null",
  "DE",
];

/** Random edits of a text: inserts, deletions, duplications and replacements at random places. */
function mutate(text: string, edits: Array<[number, number, number, string]>): string {
  let result = text;
  for (const [kind, at, length, insert] of edits) {
    const start = result.length === 0 ? 0 : at % result.length;
    if (kind === 0) result = result.slice(0, start) + insert + result.slice(start);
    else if (kind === 1) result = result.slice(0, start) + result.slice(start + length);
    else if (kind === 2)
      result =
        result.slice(0, start) +
        result.slice(start, start + length).repeat(3) +
        result.slice(start);
    else result = result.slice(0, start) + insert + result.slice(start + length);
  }
  return result;
}

const edit = fc.tuple(
  fc.integer({ min: 0, max: 3 }),
  fc.nat(),
  fc.integer({ min: 1, max: 40 }),
  fc.oneof(fc.constantFrom(...TOKENS), hostileString),
);

/** Mutated real documents, token soup, deep nesting and raw unicode. */
export const hostileDocument: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...DOCUMENTS) },
  {
    weight: 5,
    arbitrary: fc
      .tuple(fc.constantFrom(...DOCUMENTS), fc.array(edit, { minLength: 1, maxLength: 6 }))
      .map(([document, edits]) => mutate(document, edits)),
  },
  {
    weight: 2,
    arbitrary: fc
      .array(fc.constantFrom(...TOKENS), { maxLength: 80 })
      .map((tokens) => tokens.join(" ")),
  },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 1, max: 20_000 })
      .map(
        (depth) => `{ events { nodes { ${"partOf { ".repeat(depth)}slug${" }".repeat(depth)} } } }`,
      ),
  },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 1, max: 50_000 })
      .map((depth) => `${"{".repeat(depth)}${"}".repeat(depth)}`),
  },
  { weight: 1, arbitrary: hostileString },
);

/** 64 hex digits: a known persisted-operation id or a made-up one. */
const hexId = fc.oneof(
  fc.constantFrom(...Object.keys(persistedOperations)),
  fc.string({ unit: fc.constantFrom(..."0123456789abcdef"), minLength: 64, maxLength: 64 }),
);

/** A JSON body: params of many shapes, then sometimes the text itself broken. */
const jsonParamsBody: fc.Arbitrary<string> = fc
  .tuple(
    fc.record(
      {
        query: fc.oneof(hostileDocument, hostileValue),
        variables: fc.oneof(
          hostileVariables,
          fc.jsonValue().map((v) => JSON.stringify(v)),
        ),
        operationName: fc.oneof(
          fc.constantFrom("CaTimelineEvents", "Filtered", "Q", "F", ""),
          hostileValue,
        ),
        extensions: fc.oneof(
          fc.record({
            persistedQuery: fc.record({
              version: fc.oneof(fc.constant(1), hostileValue),
              sha256Hash: fc.oneof(hexId, hostileValue),
            }),
          }),
          hostileValue,
        ),
        documentId: fc.oneof(hexId, hostileValue),
      },
      { requiredKeys: [] },
    ),
    fc.oneof(
      { weight: 4, arbitrary: fc.constant<Array<[number, number, number, string]>>([]) },
      { weight: 1, arbitrary: fc.array(edit, { minLength: 1, maxLength: 4 }) },
    ),
    fc.boolean(),
  )
  .map(([params, edits, asArray]) => {
    const text = JSON.stringify(asArray ? [params] : params);
    return edits.length === 0 ? text : mutate(text, edits);
  });

/** JSON bodies nested deeper than any parser's recursion should go, written as text. */
const deepJsonBody = fc
  .tuple(fc.integer({ min: 1000, max: 49_000 }), fc.constantFrom("[", '{"a":'))
  .map(([depth, open]) => {
    const close = open === "[" ? "]" : "}";
    return `{"query":"{ __typename }","variables":{"filter":${open.repeat(depth)}1${close.repeat(depth)}}}`;
  });

/** A JSON body: generated params, sometimes broken, sometimes nested deep. */
export const hostileJsonBody: fc.Arbitrary<string> = fc.oneof(
  { weight: 20, arbitrary: jsonParamsBody },
  { weight: 1, arbitrary: deepJsonBody },
);

export const hostileContentType = fc.oneof(
  fc.constantFrom(
    "application/json",
    "application/json; charset=utf-8",
    "application/json; charset=latin1",
    "APPLICATION/JSON",
    "application/graphql",
    "application/graphql+json",
    "application/graphql-response+json",
    "text/plain",
    "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=x",
    "application/json;;;",
    "",
  ),
  fc.string({ unit: "grapheme-ascii", maxLength: 30 }),
);

export const hostileAccept = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      "application/graphql-response+json",
      "application/json",
      "application/graphql-response+json, application/json;q=0.9",
      "*/*",
      "",
    ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      "application/json; charset=iso-8859-1",
      "text/event-stream",
      "multipart/mixed",
      "text/html",
      "image/png",
      "application/*;q=0",
    ),
  },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme-ascii", maxLength: 30 }) },
);

/** A leaked stack trace or server path in a response body. */
/** The repository's root on this machine (a leaked server path would start with it). */
const REPO_ROOT = fileURLToPath(new URL("../../../../", import.meta.url)).replace(/\/$/, "");

export const LEAK = new RegExp(
  [
    String.raw`\n\s+at |\bat [\w$.<>]+ \(`, // stack frames
    String.raw`file:\/\/|node_modules\/`,
    // This checkout's own path, wherever it lives, and any absolute path to a source file.
    REPO_ROOT.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&"),
    String.raw`(?:^|[\s"'(])\/(?:srv|home|usr|opt|var|tmp|app|root|Users|workspace|work|builds?)\/[\w./-]*\.[cm]?[jt]s\b`,
    String.raw`\.[cm]?[jt]s:\d+:\d+|"stack"\s*:|originalError`,
  ].join("|"),
);
