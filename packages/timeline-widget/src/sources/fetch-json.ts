import { DataError } from "./data-error.ts";

/** How a load may be cut short: a caller's signal, and how long one request may take (ms). */
export interface LoadOptions {
  signal?: AbortSignal;
  /** Milliseconds one request may take before it fails with reason "timeout". Default 15,000. */
  timeout?: number;
}

export const DEFAULT_TIMEOUT = 15_000;

/**
 * Fetches JSON (`url` may be a Request, e.g. with an `integrity` hash) and turns every way this can fail (network down, timeout, HTTP error, not JSON)
 * into a DataError with its reason; a caller's abort stays an AbortError.
 */
export async function fetchJson(
  url: string | Request,
  { signal, timeout: ms = DEFAULT_TIMEOUT }: LoadOptions,
  headers: Record<string, string>,
): Promise<unknown> {
  const timeout = AbortSignal.timeout(ms);
  const abort = signal ? AbortSignal.any([signal, timeout]) : timeout;
  let response: Response;
  let body: unknown;
  try {
    response = await fetch(url, { headers, signal: abort, credentials: "omit" });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new DataError("", timeout.aborted ? "timeout" : "unreachable");
  }
  try {
    // The body can stall as well as the headers: the same signals bound it.
    body = await response.json();
  } catch (error) {
    if (signal?.aborted) throw error;
    if (timeout.aborted) throw new DataError("", "timeout");
    throw response.ok
      ? new DataError("", "json")
      : new DataError(`HTTP ${response.status}`, "http");
  }
  signal?.throwIfAborted();
  // GraphQL-over-HTTP answers errors with 4xx and a JSON body: let the caller read its message.
  if (!response.ok && !(body && typeof body === "object" && "errors" in body)) {
    throw new DataError(`HTTP ${response.status}`, "http");
  }
  return body;
}
