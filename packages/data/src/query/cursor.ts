import { decodeBase64Url, encodeBase64Url } from "../base64url.ts";
import { SLUG } from "../constants.ts";
import { ISO_DAY } from "../edtf.ts";
import { QueryError } from "./errors.ts";

// A cursor is the base64url of a versioned order key (`v1|start|end|slug`, see order.ts): opaque to
// clients, stable across requests, and a position even when its event is filtered out.
const CURSOR_PREFIX = "v1|";

export function encodeCursor(key: string): string {
  return encodeBase64Url(CURSOR_PREFIX + key);
}

function isOrderKey(key: string): boolean {
  const [start, end, slug, ...rest] = key.split("|");
  return (
    rest.length === 0 &&
    ISO_DAY.test(start ?? "") &&
    ISO_DAY.test(end ?? "") &&
    SLUG.test(slug ?? "")
  );
}

/** The order key of a cursor; a QueryError naming `argument` for anything this API did not issue. */
export function decodeCursor(argument: string, cursor: string): string {
  const text = decodeBase64Url(cursor) ?? "";
  const key = text.slice(CURSOR_PREFIX.length);
  if (!text.startsWith(CURSOR_PREFIX) || !isOrderKey(key)) {
    throw new QueryError(argument, `"${cursor.slice(0, 60)}" is not a cursor of this API`);
  }
  return key;
}
