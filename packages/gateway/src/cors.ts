// CORS open to any origin and never with credentials: the data is public, and `*` makes browsers
// refuse to send cookies or HTTP auth along, so no response can leak a visitor's session.
// (yoga's default reflects the Origin and allows credentials; we turn it off and answer here.)

export const CORS_HEADERS: Readonly<Record<string, string>> = {
  "access-control-allow-origin": "*",
  "access-control-expose-headers": "ETag, Cache-Control",
};

/** The answer to a CORS preflight (OPTIONS): GET and POST, any request header, cached a day. */
export function preflight(request: Request): Response {
  const requested = request.headers.get("access-control-request-headers");
  return new Response(null, {
    status: 204,
    headers: {
      ...CORS_HEADERS,
      "access-control-allow-methods": "GET, POST, OPTIONS",
      // Echo what was asked (bounded): `*` is a wildcard only without credentials, which is our case,
      // but echoing also serves older browsers.
      "access-control-allow-headers": requested ? requested.slice(0, 500) : "*",
      "access-control-max-age": "86400",
      vary: "Access-Control-Request-Headers",
      "cache-control": "public, max-age=86400",
    },
  });
}

export function withCors(response: Response): Response {
  for (const [name, value] of Object.entries(CORS_HEADERS)) response.headers.set(name, value);
  return response;
}
