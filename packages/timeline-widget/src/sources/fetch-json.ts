import { DataError } from "./read-dataset.ts";

/** How long a request may take before the widget gives up and offers a retry. */
export const requestTimeout = { ms: 15_000 };

/**
 * Fetches JSON and turns every way this can fail (network down, timeout, HTTP error, not JSON)
 * into a DataError with a short reason; a caller's abort stays an AbortError.
 */
export async function fetchJson(
  url: string,
  signal: AbortSignal,
  init: RequestInit = {},
): Promise<unknown> {
  const timeout = AbortSignal.timeout(requestTimeout.ms);
  let response: Response;
  try {
    response = await fetch(url, {
      ...init,
      signal: AbortSignal.any([signal, timeout]),
      credentials: "omit",
    });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new DataError(
      timeout.aborted ? "the server did not answer in time" : "the server could not be reached",
    );
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    if (signal.aborted) throw signal.reason;
    throw new DataError(response.ok ? "the answer is not JSON" : `HTTP ${response.status}`);
  }
  // GraphQL-over-HTTP answers errors with 4xx and a JSON body: let the caller read its message.
  if (!response.ok && !(body && typeof body === "object" && "errors" in body)) {
    throw new DataError(`HTTP ${response.status}`);
  }
  return body;
}
