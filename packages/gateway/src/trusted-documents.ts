// Trusted (persisted) documents: the gateway's own and those a frontend team registers, in the format
// graphql-codegen's client preset writes (`persisted-documents.json`: a JSON object id → document, the
// id the SHA-256 hex of the document, bare or as `sha256:<hex>`). Each is checked when the gateway is
// built — id against hash, document against the schema — so a wrong file refuses to start, not a
// client's request later. Synchronous and edge-safe (no node:crypto).

import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import { type DocumentNode, type GraphQLSchema, parse, validate } from "graphql";

/** A set of trusted documents: id → document text, and where it came from (for error messages). */
export interface DocumentSet {
  source: string;
  documents: Readonly<Record<string, string>>;
  /** Check the documents against the schema (default); the built-in ones are checked by their tests. */
  validate?: boolean;
}

export class TrustedDocumentsError extends Error {
  override name = "TrustedDocumentsError";
}

const ID = /^(?:sha256:)?([0-9a-f]{64})$/;

/** The SHA-256 (hex) of a document as written: its persisted-document id. */
export function documentId(document: string): string {
  return bytesToHex(sha256(utf8ToBytes(document)));
}

/**
 * Reads and checks sets of trusted documents into one map of bare hex id → parsed document. Throws a
 * TrustedDocumentsError naming the source, the id and the problem: not an object of strings, an id that
 * is not a SHA-256 hex, a hash that does not match its document, a document that does not parse or
 * is not valid against the schema, or one id with two different documents.
 */
export function loadTrustedDocuments(
  sets: readonly DocumentSet[],
  schema: GraphQLSchema,
): Map<string, DocumentNode> {
  const parsed = new Map<string, { text: string; node: DocumentNode; source: string }>();
  for (const { source, documents, validate: check = true } of sets) {
    if (documents === null || typeof documents !== "object" || Array.isArray(documents))
      throw new TrustedDocumentsError(`${source}: must be a JSON object of id → document`);
    for (const [key, text] of Object.entries(documents)) {
      const where = `${source}: "${key.length > 80 ? `${key.slice(0, 80)}…` : key}"`;
      if (typeof text !== "string")
        throw new TrustedDocumentsError(`${where}: the document must be a string`);
      const id = ID.exec(key)?.[1];
      if (id === undefined)
        throw new TrustedDocumentsError(
          `${where}: an id must be the SHA-256 hex of its document (64 hex digits, optionally "sha256:")`,
        );
      const actual = documentId(text);
      if (actual !== id)
        throw new TrustedDocumentsError(
          `${where}: the id is not the SHA-256 of its document (that is ${actual})`,
        );
      let node: DocumentNode;
      try {
        node = parse(text);
      } catch (error) {
        throw new TrustedDocumentsError(
          `${where}: the document does not parse: ${(error as Error).message}`,
        );
      }
      const errors = check ? validate(schema, node) : [];
      if (errors.length > 0)
        throw new TrustedDocumentsError(
          `${where}: the document is not valid against the schema: ${errors[0]!.message}`,
        );
      const known = parsed.get(id);
      if (known && known.text !== text)
        throw new TrustedDocumentsError(
          `${where}: this id already names another document (from ${known.source})`,
        );
      parsed.set(id, { text, node, source });
    }
  }
  return new Map([...parsed].map(([id, { node }]) => [id, node]));
}
