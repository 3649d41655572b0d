import { GraphQLError } from "graphql";
import { createSchema } from "graphql-yoga";
import { describe, expect, it } from "vitest";
import { createGatewayYoga } from "./create-yoga.ts";
import { createJsonLogger } from "./logger.ts";
import { DEFAULTS } from "./options.ts";

const schema = createSchema({
  typeDefs: "type Query { boom: String, refused(n: Int!): String }",
  resolvers: {
    Query: {
      boom: () => {
        throw new Error("disk on fire at /srv/data/events.json", { cause: new Error("EIO") });
      },
      refused: () => {
        throw new GraphQLError("n must be positive", { extensions: { code: "BAD_USER_INPUT" } });
      },
    },
  },
});

function yogaWithLog() {
  const lines: Array<Record<string, unknown>> = [];
  const logger = createJsonLogger("debug", (line) => lines.push(JSON.parse(line)));
  const yoga = createGatewayYoga({
    schema,
    logger,
    persistedOnly: false,
    introspection: true,
    graphiql: false,
    maxDepth: DEFAULTS.maxDepth,
    maxAliases: DEFAULTS.maxAliases,
    maxTokens: DEFAULTS.maxTokens,
    maxCost: DEFAULTS.maxCost,
    maxPageSize: DEFAULTS.maxPageSize,
    maxBodyBytes: DEFAULTS.maxBodyBytes,
  });
  const ask = async (query: string) => {
    const response = await yoga.fetch("http://gateway.test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
      body: JSON.stringify({ query }),
    });
    return response.text();
  };
  return { lines, ask };
}

describe("masked errors", () => {
  it("log the cause with message and stack while the client sees only the masked message", async () => {
    const { lines, ask } = yogaWithLog();
    const text = await ask("{ boom }");
    expect(JSON.parse(text).errors[0].message).toBe("Unexpected error.");
    expect(text).not.toMatch(/disk on fire|srv|EIO|stack|at /);
    const errors = lines.filter((line) => line.level === "error");
    expect(errors).toHaveLength(1);
    const [entry] = errors;
    expect(entry!.msg).toBe("disk on fire at /srv/data/events.json");
    const error = entry!.error as {
      path: string;
      stack: string;
      originalError: { message: string; stack: string; cause: { message: string } };
    };
    expect(error.path).toBe("boom");
    expect(error.stack).toMatch(/logger\.test\.ts/);
    expect(error.originalError.message).toBe("disk on fire at /srv/data/events.json");
    expect(error.originalError.stack).toMatch(/at Object\.boom/);
    expect(error.originalError.cause.message).toBe("EIO");
  });

  it("pass errors meant for clients through without logging them as failures", async () => {
    const { lines, ask } = yogaWithLog();
    const text = await ask("{ refused(n: -1) }");
    expect(JSON.parse(text).errors[0].message).toBe("n must be positive");
    expect(lines.filter((line) => line.level === "error")).toEqual([]);
  });
});

describe("the JSON logger", () => {
  it("writes an Error given as the message or inside fields with its message and stack", () => {
    const lines: Array<Record<string, unknown>> = [];
    const logger = createJsonLogger("info", (line) => lines.push(JSON.parse(line)));
    (logger.error as (message: unknown) => void)(new TypeError("bad thing"));
    logger.warn("wrapped", {
      error: new RangeError("too far"),
      nested: { inner: new Error("deep") },
    });
    expect(lines[0]).toMatchObject({
      level: "error",
      msg: "bad thing",
      error: { name: "TypeError" },
    });
    expect((lines[0]!.error as { stack: string }).stack).toMatch(/TypeError: bad thing/);
    expect(lines[1]).toMatchObject({
      msg: "wrapped",
      error: { name: "RangeError", message: "too far" },
      nested: { inner: { message: "deep" } },
    });
    expect(JSON.stringify(lines)).not.toContain("[object Object]");
  });
});
