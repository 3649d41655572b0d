import { strings } from "../i18n.ts";

/** Why data could not be loaded; the element words each reason in the visitor's language. */
export type DataErrorReason = "unreachable" | "timeout" | "http" | "json" | "server" | "data";

/**
 * Data from outside (a file, an endpoint, a property) that could not be loaded or does not have the
 * shape of `events.json`. `message` is English ("The server answered with an error: HTTP 500"); the
 * element shows `reason` localised, and `detail` under "Technical details".
 */
export class DataError extends Error {
  override name = "DataError";
  /** What went wrong, as one of a few reasons. */
  readonly reason: DataErrorReason;
  /** What the server or the data said, verbatim: an HTTP status, a GraphQL message, the bad field. */
  readonly detail: string;
  /** The GraphQL error's `extensions.code`, when the server gave one. */
  readonly code: string | undefined;

  constructor(detail: string, reason: DataErrorReason = "data", code?: string) {
    const why = strings("en")[reason];
    super(detail ? `${why}: ${detail}` : `${why}.`);
    this.reason = reason;
    this.detail = detail;
    this.code = code;
  }
}
