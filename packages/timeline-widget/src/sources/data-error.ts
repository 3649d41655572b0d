import { strings } from "../i18n.ts";

/** Why data could not be loaded; the element words each reason in the visitor's language. */
export type DataErrorReason = "unreachable" | "timeout" | "http" | "json" | "server" | "data";

/**
 * Data from outside (a file, an endpoint, a property) that could not be loaded or does not have the
 * shape of `events.json`. `message` is English; the element shows `reason` localised, with `detail`.
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
    super(describeProblem("en", reason, detail));
    this.reason = reason;
    this.detail = detail;
    this.code = code;
  }
}

/** "The server answered with an error: HTTP 500", in either language. */
export function describeProblem(
  lang: "de" | "en",
  reason: DataErrorReason,
  detail: string,
): string {
  const why = strings(lang)[reason];
  return detail ? `${why}: ${detail}` : `${why}.`;
}
