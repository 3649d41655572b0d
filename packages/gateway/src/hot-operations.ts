import type { DocumentNode, GraphQLSchema } from "graphql";
import { type CompiledQuery, compileQuery, isCompiledQuery } from "graphql-jit";
import { LRUCache } from "lru-cache";

/** The key of an operation: its document text and operation name (none and "" differ for graphql). */
export function operationKey(query: string, operationName: string | null | undefined): string {
  return operationName == null ? `-\n${query}` : `+${operationName}\n${query}`;
}

interface Entry {
  document: DocumentNode;
  operationName: string | undefined;
  /** Compiled on the second run: one-off documents are not worth compiling. */
  compiled?: CompiledQuery | null;
}

/**
 * Operations yoga has accepted (parsed within the token limit, validated with every rule and limit),
 * compiled with graphql-jit once they repeat, in a bounded LRU. The Node server's fast path runs them
 * without yoga's per-request pipeline; anything that is not a clean success falls back to yoga.
 * Node only: graphql-jit generates code with `new Function`, which edge runtimes forbid.
 */
export class HotOperations {
  readonly #schema: GraphQLSchema;
  readonly #entries: LRUCache<string, Entry> | undefined;

  constructor(schema: GraphQLSchema, maxEntries: number) {
    this.#schema = schema;
    this.#entries = maxEntries > 0 ? new LRUCache({ max: maxEntries }) : undefined;
  }

  get size(): number {
    return this.#entries?.size ?? 0;
  }

  /** Notes a document yoga accepted and is about to execute (so: parsed, limited and validated). */
  accept(key: string, document: DocumentNode, operationName: string | undefined): void {
    if (this.#entries === undefined || this.#entries.has(key)) return;
    this.#entries.set(key, { document, operationName });
  }

  /** The compiled operation under this key, compiling it on first use; undefined if unknown or not compilable. */
  get(key: string): CompiledQuery | undefined {
    const entry = this.#entries?.get(key);
    if (entry === undefined) return undefined;
    if (entry.compiled === undefined) {
      entry.compiled = null;
      try {
        const compiled = compileQuery(this.#schema, entry.document, entry.operationName);
        if (isCompiledQuery(compiled)) entry.compiled = compiled;
      } catch {
        // Not compilable: yoga keeps answering it.
      }
    }
    return entry.compiled ?? undefined;
  }

  /** The document accepted under this key (the fast path checks its cost with each request's variables). */
  document(key: string): DocumentNode | undefined {
    return this.#entries?.peek(key)?.document;
  }
}
