// The same checks against the gateway in every runtime: queries, GET caching headers and 304,
// persisted ids, errors and limits, CORS, compression. Each runtime's observations must equal Node's
// (the reference: the built CLI), ETags included — instances in any runtime agree on them.
// Usage: node conformance.ts <name>=<base URL> … (the first is the reference).
import { request } from "node:http";
import { gunzipSync } from "node:zlib";
import { TIMELINE_VOCABULARY_ID } from "@ca-timeline/gateway/persisted-operations";

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** One request as sent (no automatic decompression), with the headers that matter to clients. */
function send(
  base: string,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      new URL(path, base),
      { method: init.method ?? "GET", headers: init.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const raw = Buffer.concat(chunks);
          const coding = res.headers["content-encoding"];
          const headers: Record<string, string> = {};
          for (const name of [
            "content-type",
            "cache-control",
            "etag",
            "vary",
            "content-encoding",
            "access-control-allow-origin",
            "x-content-type-options",
          ]) {
            const value = res.headers[name];
            if (typeof value === "string") headers[name] = value;
          }
          resolve({
            status: res.statusCode!,
            headers,
            body: (coding === "gzip" ? gunzipSync(raw) : raw).toString("utf8"),
          });
        });
      },
    );
    req.on("error", reject);
    req.end(init.body);
  });
}

const grj = { accept: "application/graphql-response+json" };
const vocabularyId = TIMELINE_VOCABULARY_ID;
const page = encodeURIComponent(
  "{ events(first: 30) { totalCount nodes { slug date title summary(lang: DE) } } }",
);
const amplified = `{ ${Array.from({ length: 30 }, (_, i) => `a${i}: events(first: 100) { nodes { slug title summary themes { id label } actors { id name } } }`).join(" ")} }`;

/** What a client observes of one gateway: statuses, the headers that matter, bodies (parsed). */
async function observe(base: string): Promise<Record<string, unknown>> {
  const seen: Record<string, unknown> = {};
  const post = await send(base, "/graphql", {
    method: "POST",
    headers: { ...grj, "content-type": "application/json" },
    body: JSON.stringify({
      query: "{ dataset { eventCount } events(first: 2) { nodes { slug } } }",
    }),
  });
  seen["POST query"] = [post.status, post.headers, JSON.parse(post.body)];
  const get = await send(base, `/graphql?query=${page}`, {
    headers: { ...grj, "accept-encoding": "identity" },
  });
  seen["GET query"] = [get.status, get.headers, JSON.parse(get.body).data.events.totalCount];
  const revalidated = await send(base, `/graphql?query=${page}`, {
    headers: { ...grj, "if-none-match": get.headers.etag ?? "" },
  });
  seen["GET If-None-Match"] = [revalidated.status, revalidated.headers.etag];
  const gzip = await send(base, `/graphql?query=${page}`, {
    headers: { ...grj, "accept-encoding": "gzip" },
  });
  seen["GET gzip"] = [
    gzip.status,
    gzip.headers["content-encoding"],
    gzip.body === get.body,
    gzip.headers.etag !== get.headers.etag,
  ];
  const persisted = await send(base, `/graphql?documentId=${vocabularyId}`, { headers: grj });
  seen["GET persisted id"] = [
    persisted.status,
    persisted.headers.etag,
    Object.keys(JSON.parse(persisted.body).data),
  ];
  const unknown = await send(base, `/graphql?documentId=${"0".repeat(64)}`, { headers: grj });
  seen["unknown id"] = [unknown.status, JSON.parse(unknown.body).errors[0].extensions.code];
  const invalid = await send(base, `/graphql?query=${encodeURIComponent("{ nope }")}`, {
    headers: grj,
  });
  seen["invalid query"] = [
    invalid.status,
    invalid.headers["cache-control"],
    JSON.parse(invalid.body).errors[0].message,
  ];
  const costly = await send(base, "/graphql", {
    method: "POST",
    headers: { ...grj, "content-type": "application/json" },
    body: JSON.stringify({ query: amplified }),
  });
  seen["cost limit"] = [costly.status, JSON.parse(costly.body).errors[0].extensions.code];
  const csrf = await send(base, "/graphql", {
    method: "POST",
    headers: { "content-type": "text/plain" },
    body: "{}",
  });
  seen["text/plain POST"] = csrf.status;
  const preflight = await send(base, "/graphql", {
    method: "OPTIONS",
    headers: { origin: "https://example.org", "access-control-request-method": "POST" },
  });
  seen["CORS preflight"] = [preflight.status, preflight.headers["access-control-allow-origin"]];
  const ready = await send(base, "/ready");
  seen["/ready"] = [ready.status, JSON.parse(ready.body).status];
  return seen;
}

const targets = process.argv.slice(2).map((arg) => {
  const at = arg.indexOf("=");
  return { name: arg.slice(0, at), base: arg.slice(at + 1) };
});
const [reference, ...others] = targets;
const expected = await observe(reference!.base);
let mismatches = 0;
console.log(`| check | ${targets.map((t) => t.name).join(" | ")} |`);
console.log(`|---|${targets.map(() => "---").join("|")}|`);
const results = [expected, ...(await Promise.all(others.map((t) => observe(t.base))))];
for (const check of Object.keys(expected)) {
  const cells = results.map((seen) => {
    const same = JSON.stringify(seen[check]) === JSON.stringify(expected[check]);
    if (!same) mismatches++;
    return same ? "✓" : `✗ ${JSON.stringify(seen[check]).slice(0, 120)}`;
  });
  console.log(`| ${check} | ${cells.join(" | ")} |`);
}
if (mismatches > 0) {
  console.log(`\nexpected (${reference!.name}):`, JSON.stringify(expected, null, 1));
  process.exit(1);
}
console.log(
  `\n✓ ${others.map((t) => t.name).join(", ")} answer exactly as ${reference!.name} does`,
);
