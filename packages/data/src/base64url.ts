// base64url (RFC 4648 §5, unpadded) of ASCII text: query cursors and GraphQL global ids. btoa/atob
// suffice for ASCII and run unchanged in Node, browsers and edge runtimes (no Buffer).

const BASE64URL = /^[A-Za-z0-9_-]{1,400}$/;

/** Encodes ASCII text as unpadded base64url. */
export function encodeBase64Url(text: string): string {
  return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/**
 * Decodes unpadded base64url (at most 400 characters: ids and cursors are short). Returns undefined for
 * anything that is not base64url, so that callers can say which argument is wrong.
 */
export function decodeBase64Url(text: string): string | undefined {
  if (!BASE64URL.test(text)) return undefined;
  try {
    return atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  } catch {
    return undefined;
  }
}
