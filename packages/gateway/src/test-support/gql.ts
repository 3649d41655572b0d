import type { FetchHandler } from "../fetch-handler.ts";

export const BASE = "http://gateway.test";

/** POSTs a GraphQL request to the in-process handler and returns status, headers and the parsed body. */
export async function post(
  gateway: Pick<FetchHandler, "fetch">,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const response = await gateway.fetch(
    new Request(`${BASE}/graphql`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/graphql-response+json",
        ...headers,
      },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    text,
    json: text ? JSON.parse(text) : undefined,
  };
}

/** GETs /graphql with these search params. */
export function getUrl(params: Record<string, unknown>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    search.set(key, typeof value === "string" ? value : JSON.stringify(value));
  }
  return `${BASE}/graphql?${search}`;
}
