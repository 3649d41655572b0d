import {
  type DocumentNode,
  GraphQLError,
  type GraphQLSchema,
  getNullableType,
  isListType,
  Kind,
  visit,
} from "graphql";
import { type ComplexityEstimator, getComplexity } from "graphql-query-complexity";
import type { Plugin } from "graphql-yoga";

export interface CostLimitOptions {
  /** The most an operation may cost; more is refused before it runs. */
  maxCost: number;
  /** The page size assumed for a connection asked without `first`/`last` (the schema's largest page). */
  pageSize: number;
}

/** Items assumed for a list without `first`/`last` (an event's actors, the vocabularies, facet counts). */
export const UNPAGED_LIST_SIZE = 10;

/**
 * Weighs each field 1 plus its selection's cost, times the items it can return: `first`/`last` (or the
 * page size) for a paginated field, UNPAGED_LIST_SIZE for another list of objects; a connection's
 * `edges`/`nodes` are counted by their connection's page. Nested lists multiply. Introspection fields
 * count once each (the depth and token limits bound them).
 */
function estimator(pageSize: number): ComplexityEstimator {
  return ({ field, type, args, childComplexity }) => {
    // Introspection (GraphiQL, code generators) reads the schema: small and fixed, never amplified.
    if (type.name.startsWith("__") || field.name.startsWith("__")) return 1 + childComplexity;
    if (field.args.some((arg) => arg.name === "first" || arg.name === "last")) {
      const size = Number(args.first ?? args.last ?? pageSize);
      return 1 + childComplexity * (Number.isFinite(size) && size > 0 ? size : pageSize);
    }
    if (isListType(getNullableType(field.type)) && !type.name.endsWith("Connection"))
      return 1 + childComplexity * UNPAGED_LIST_SIZE;
    return 1 + childComplexity;
  };
}

export type CostOf = (
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | undefined,
) => number | undefined;

/**
 * The cost function: what an operation costs with these variables, or undefined when it cannot be
 * computed (invalid variables, an unknown operation): execution then reports the real error.
 */
export function createCostOf(schema: GraphQLSchema, pageSize: number): CostOf {
  const estimators = [estimator(pageSize)];
  return (document, variables, operationName) => {
    try {
      return getComplexity({
        schema,
        query: document,
        estimators,
        ...(variables ? { variables } : {}),
        ...(operationName ? { operationName } : {}),
      });
    } catch {
      return undefined;
    }
  };
}

/** The error of an operation over the limit: a request error (400 under graphql-response+json). */
export function costError(cost: number, maxCost: number): GraphQLError {
  return new GraphQLError(
    `Query cost ${cost} exceeds the limit of ${maxCost}: ask for smaller pages (first/last), fewer aliases or fewer nested lists.`,
    { extensions: { code: "COST_LIMIT_EXCEEDED", cost, maxCost, http: { status: 400 } } },
  );
}

/**
 * Refuses operations whose cost (see estimator) exceeds `maxCost`, with their variables, before they
 * run. At execution rather than validation: yoga caches validation by document, and the cost of
 * `events(first: $n)` depends on `$n`. Persisted (trusted) documents are checked too.
 */
export function useCostLimit(schema: GraphQLSchema, options: CostLimitOptions): Plugin {
  const costOf = createCostOf(schema, options.pageSize);
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const cost = costOf(
        args.document,
        (args.variableValues ?? undefined) as Record<string, unknown> | undefined,
        args.operationName ?? undefined,
      );
      if (cost !== undefined && cost > options.maxCost)
        setResultAndStopExecution({ errors: [costError(cost, options.maxCost)] });
    },
  };
}

/**
 * A cost function for repeated documents (the compiled POST fast path): a document's cost depends on
 * its variables only through the `first`/`last` (and `@include`/`@skip` `if`) arguments they feed, so it is computed once per
 * document and values of those variables (a few per document, kept), not once per request.
 */
const COST_ARGUMENTS = new Set(["first", "last", "if"]);

export function createCachedCostOf(costOf: CostOf): CostOf {
  const perDocument = new WeakMap<
    DocumentNode,
    { paging: string[]; costs: Map<string, number | undefined> }
  >();
  return (document, variables, operationName) => {
    let entry = perDocument.get(document);
    if (entry === undefined) {
      const paging = new Set<string>();
      visit(document, {
        Argument(node) {
          // first/last weigh pages; `if` of @include/@skip decides which fields count at all.
          if (COST_ARGUMENTS.has(node.name.value) && node.value.kind === Kind.VARIABLE)
            paging.add(node.value.name.value);
        },
      });
      entry = { paging: [...paging], costs: new Map() };
      perDocument.set(document, entry);
    }
    const key = `${operationName ?? ""}|${entry.paging.map((name) => JSON.stringify(variables?.[name] ?? null)).join(",")}`;
    if (entry.costs.has(key)) return entry.costs.get(key);
    const cost = costOf(document, variables, operationName);
    if (entry.costs.size < 32) entry.costs.set(key, cost);
    return cost;
  };
}
