// A frontend's documents as graphql-codegen's client preset writes them (`persistedDocuments: true`),
// run against a gateway in persisted-only mode: the file format is codegen's own, not a copy of it.
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { syntheticDataset } from "@ca-timeline/data/testing";
import { generate } from "@graphql-codegen/cli";
import { describe, expect, it } from "vitest";
import { createFetchHandler } from "./fetch-handler.ts";
import { post } from "./test-support/gql.ts";

const SCHEMA = fileURLToPath(new URL("../../schema/schema.graphql", import.meta.url));

describe("a frontend's graphql-codegen persisted documents", () => {
  it("run by the id codegen gives them, under persistedOnly", { timeout: 120_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), "ca-timeline-codegen-"));
    await writeFile(
      join(dir, "queries.ts"),
      `import { graphql } from "./gql";
export const Milestones = graphql(\`
  query Milestones($first: Int) {
    events(first: $first, orderBy: DATE_DESC) { nodes { slug date milestone title(lang: DE) } }
  }
\`);
`,
    );
    await generate(
      {
        schema: SCHEMA,
        documents: [join(dir, "queries.ts")],
        generates: {
          [`${join(dir, "gql")}/`]: {
            preset: "client",
            presetConfig: { persistedDocuments: true },
          },
        },
        silent: true,
      },
      true,
    );
    const documents = JSON.parse(
      await readFile(join(dir, "gql", "persisted-documents.json"), "utf8"),
    );
    const [id] = Object.keys(documents);
    expect(Object.keys(documents)).toHaveLength(1);

    const handler = createFetchHandler({
      dataset: syntheticDataset(10),
      logger: "silent",
      persistedOnly: true,
      persistedDocuments: [{ source: "gql/persisted-documents.json", documents }],
    });
    const answer = await post(handler, { documentId: id, variables: { first: 3 } });
    expect(answer.status).toBe(200);
    expect(answer.json.data.events.nodes).toHaveLength(3);
    // The document codegen generated for the client carries the same id (what the client sends).
    const generated = await readFile(join(dir, "gql", "graphql.ts"), "utf8");
    expect(generated).toContain(id);
  });
});
