import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { syntheticDataset } from "@ca-timeline/data/testing";
import { afterEach, describe, expect, it } from "vitest";
import { createFetchHandler } from "./fetch-handler.ts";
import { type CliProcess, startCli } from "./test-support/cli-process.ts";
import { getUrl, post } from "./test-support/gql.ts";
import { documentId, TrustedDocumentsError } from "./trusted-documents.ts";

// What a frontend's graphql-codegen (client preset, persistedDocuments) writes: sha256 hex → document.
const FRONTEND_QUERY = `query FrontendMilestones($first: Int) {
  events(first: $first, orderBy: DATE_DESC) { nodes { slug date title(lang: DE) milestone } }
}`;
const codegenFile = { [documentId(FRONTEND_QUERY)]: FRONTEND_QUERY };
const dataset = syntheticDataset(20);

describe("trusted documents a frontend registers", () => {
  it("run by id under persistedOnly, bare or as sha256:<hex>, over GET and POST", async () => {
    const handler = createFetchHandler({
      dataset,
      logger: "silent",
      persistedOnly: true,
      persistedDocuments: [{ source: "persisted-documents.json", documents: codegenFile }],
    });
    const id = documentId(FRONTEND_QUERY);
    for (const documentIdParam of [id, `sha256:${id}`]) {
      const answer = await post(handler, { documentId: documentIdParam, variables: { first: 3 } });
      expect(answer.status).toBe(200);
      expect(answer.json.data.events.nodes).toHaveLength(3);
    }
    const get = await handler.fetch(
      new Request(getUrl({ documentId: id, variables: { first: 2 } }), {
        headers: { accept: "application/json" },
      }),
    );
    expect((await get.json()).data.events.nodes).toHaveLength(2);
    // Arbitrary documents stay refused, and so does an id nobody registered.
    expect((await post(handler, { query: FRONTEND_QUERY })).json.errors[0].extensions.code).toBe(
      "PERSISTED_QUERY_ONLY",
    );
    expect(
      (await post(handler, { documentId: "0".repeat(64) })).json.errors[0].extensions.code,
    ).toBe("PERSISTED_QUERY_NOT_FOUND");
  });

  it("refuse to build a handler from a wrong file, naming the file, the id and the problem", () => {
    const wrongId = "a".repeat(64);
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [
        { [wrongId]: FRONTEND_QUERY },
        /"a{64}": the id is not the SHA-256 of its document \(that is [0-9a-f]{64}\)/,
      ],
      [{ "my-query": FRONTEND_QUERY }, /"my-query": an id must be the SHA-256 hex/],
      [
        { [documentId("{ nope }")]: "{ nope }" },
        /"[0-9a-f]{64}": the document is not valid against the schema: Cannot query field "nope"/,
      ],
      [{ [documentId("{ ")]: "{ " }, /"[0-9a-f]{64}": the document does not parse/],
      [{ [wrongId]: 42 }, /"a{64}": the document must be a string/],
    ];
    for (const [documents, message] of cases) {
      expect(() =>
        createFetchHandler({
          dataset,
          logger: "silent",
          persistedDocuments: [
            {
              source: "frontend/persisted-documents.json",
              documents: documents as Record<string, string>,
            },
          ],
        }),
      ).toThrow(new RegExp(`^frontend/persisted-documents\\.json: ${message.source}`));
    }
    expect(() =>
      createFetchHandler({
        dataset,
        logger: "silent",
        persistedDocuments: [
          { source: "x.json", documents: [] as unknown as Record<string, string> },
        ],
      }),
    ).toThrow(TrustedDocumentsError);
  });
});

describe("--persisted-documents on the CLI", () => {
  let cli: CliProcess | undefined;
  afterEach(() => {
    if (cli && cli.child.exitCode === null) cli.child.kill("SIGKILL");
    cli = undefined;
  });

  it("serves the documents of each file given, and refuses to start on a wrong one", async () => {
    const dir = await mkdtemp(join(tmpdir(), "ca-timeline-docs-"));
    const good = join(dir, "persisted-documents.json");
    await writeFile(good, JSON.stringify(codegenFile));
    cli = await startCli(["--persisted-only", "--persisted-documents", good]);
    const response = await fetch(new URL("/graphql", cli.url), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ documentId: documentId(FRONTEND_QUERY), variables: { first: 1 } }),
    });
    expect((await response.json()).data.events.nodes).toHaveLength(1);
    cli.child.kill("SIGTERM");
    await cli.exited;

    const bad = join(dir, "bad.json");
    await writeFile(bad, JSON.stringify({ ["b".repeat(64)]: FRONTEND_QUERY }));
    await expect(
      startCli(["--persisted-documents", good, "--persisted-documents", bad]),
    ).rejects.toThrow(
      /exited \(2\)[\s\S]*--persisted-documents: .*bad\.json: "b{64}": the id is not the SHA-256 of its document/,
    );
    await expect(startCli(["--persisted-documents", join(dir, "missing.json")])).rejects.toThrow(
      /--persisted-documents: cannot read .*missing\.json: ENOENT/,
    );
  });
});
