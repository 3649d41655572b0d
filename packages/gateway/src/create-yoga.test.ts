import { syntheticDataset } from "@ca-timeline/data/testing";
import { createSchema } from "@ca-timeline/schema";
import { createYoga } from "graphql-yoga";
import { describe, expect, it } from "vitest";
import {
  createGatewayYoga,
  type GatewayPlugin,
  gatewayPlugins,
  type YogaOptions,
} from "./create-yoga.ts";
import { createJsonLogger } from "./logger.ts";
import { DEFAULTS } from "./options.ts";

const options: YogaOptions = {
  schema: createSchema({ dataset: syntheticDataset(5) }),
  logger: createJsonLogger("silent"),
  persistedOnly: false,
  introspection: false,
  graphiql: true,
  ...DEFAULTS,
  onAccepted: () => {},
  resultsWithErrors: new WeakSet(),
};

/**
 * The Node server's fast paths (a cached GET straight from node:http, a compiled POST) bypass yoga's
 * plugin chain. This list is the reviewed decision for each plugin (see FastPathDecision): a plugin
 * added to the gateway fails this test until someone decides, and writes down here, whether the fast
 * paths may skip it, must repeat it, or are not concerned — an auth, rate-limit or tracing plugin
 * must never silently not apply to the requests they answer.
 */
const REVIEWED: Record<string, GatewayPlugin["fastPaths"]> = {
  "accepted-operations": "not-applicable",
  "persisted-documents": "before",
  "max-tokens": "before",
  "max-depth": "before",
  "max-aliases": "before",
  "cost-limit": "repeated",
  "operation-kinds": "before",
  "limit-errors-as-bad-requests": "before",
  "strict-get-params": "before",
  "no-original-errors": "not-applicable",
  "no-introspection": "before",
  "result-error-flags": "not-applicable",
};

/** The plugins yoga runs (its own and the given ones, as envelop holds them). */
const pluginsOf = (yoga: unknown) => (yoga as { plugins: unknown[] }).plugins;

describe("the gateway's yoga plugins and the fast paths", () => {
  it("every plugin has a reviewed fast-path decision", () => {
    const decided = Object.fromEntries(gatewayPlugins(options).map((p) => [p.name, p.fastPaths]));
    expect(decided).toEqual(REVIEWED);
  });

  it("no plugin reaches yoga except through gatewayPlugins", () => {
    const bare = pluginsOf(
      createYoga({
        schema: options.schema,
        logging: false,
        graphiql: true,
        landingPage: false,
        batching: false,
        multipart: false,
        cors: false,
        healthCheckEndpoint: "/__yoga-health",
      }),
    );
    const gateway = pluginsOf(createGatewayYoga(options));
    const ours = gatewayPlugins(options).length;
    // With the same yoga options, the only extra plugins are the gateway's own.
    expect(gateway.length - bare.length).toBe(ours);
  });
});
