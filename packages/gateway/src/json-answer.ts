import { CORS_HEADERS } from "./cors.ts";

/** A JSON answer of the gateway's own (health, readiness, refusals), never cached, CORS-open. */
export function json(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      ...CORS_HEADERS,
      "content-type": "application/json; charset=utf-8",
      "cache-control": "no-store",
      ...headers,
    },
  });
}
