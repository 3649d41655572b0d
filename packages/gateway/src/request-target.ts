// One parse of the request target decides what is routed, executed and cached. The Host header only
// ever names the authority: a value that is not a plain `host[:port]` is refused, so that it can
// never smuggle a path, a query or a fragment into the URL a Request is built from.

const LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
const HOST = new RegExp(
  `^(?:${LABEL}(?:\\.${LABEL})*\\.?|\\[[0-9A-Fa-f:.]{2,45}\\])(?::\\d{1,5})?$`,
);

/**
 * Whether a Host (or absolute-form authority) is a plain DNS name or IP literal with an optional port
 * that the URL parser accepts as an authority: the one check of a Host, so that every URL built from
 * it later parses (a port above 65535, `1.2.3.4.5` or `[:::::]` look plain but are not valid).
 */
export function isPlainHost(value: string): boolean {
  return value.length <= 260 && HOST.test(value) && URL.canParse(`http://${value}/`);
}

// A fragment, whitespace or control characters never belong in a request target. (Other characters
// RFC 3986 wants encoded, such as the braces of a GraphQL query typed into curl, are let through as
// Node's parser lets them through: the URL parser encodes them the same way for routing and caching.)
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it looks for.
const FORBIDDEN = /[\s#\u0000-\u001f\u007f]/;

export interface RequestTarget {
  /** Origin-form path and query (`/graphql?query=…`): what is routed, executed and cached. */
  pathAndSearch: string;
  /** The authority of an absolute-form target (it replaces the Host header, RFC 9112 §3.2.2). */
  authority?: string;
}

/**
 * Reads a request target in origin-form (`/path?query`) or absolute-form (`http://host/path?query`,
 * which RFC 9112 §3.2.2 requires servers to accept) and returns its origin-form; undefined for
 * anything else (authority-form, asterisk-form, a fragment, spaces, control characters).
 */
export function parseRequestTarget(target: string): RequestTarget | undefined {
  if (target.startsWith("/")) {
    if (FORBIDDEN.test(target)) return undefined;
    return { pathAndSearch: target };
  }
  if (!/^https?:\/\//i.test(target) || FORBIDDEN.test(target)) return undefined;
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return undefined;
  }
  if (url.username || url.password || !isPlainHost(url.host)) return undefined;
  // The path and query as sent (URL parsing would re-encode or resolve them): after the authority.
  const afterScheme = target.indexOf("//") + 2;
  const pathStart = target.slice(afterScheme).search(/[/?]/);
  const rest = pathStart === -1 ? "/" : target.slice(afterScheme + pathStart);
  return { pathAndSearch: rest.startsWith("?") ? `/${rest}` : rest, authority: url.host };
}
