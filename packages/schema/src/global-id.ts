import { GraphQLError } from "graphql";

// Relay global ids: base64url of `Type:id`. Type names and slugs are ASCII, so btoa/atob suffice and
// the code runs unchanged on edge runtimes without Buffer; URL-safe so ids travel well in GET requests.

export function encodeGlobalID(typename: string, id: string | number | bigint): string {
  return btoa(`${typename}:${id}`).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function decodeGlobalID(globalID: string): { typename: string; id: string } {
  let text = "";
  if (/^[A-Za-z0-9_-]{1,400}$/.test(globalID)) {
    try {
      text = atob(globalID.replace(/-/g, "+").replace(/_/g, "/"));
    } catch {
      text = "";
    }
  }
  const colon = text.indexOf(":");
  if (colon <= 0) {
    throw new GraphQLError(`id: "${globalID.slice(0, 60)}" is not an id of this API`, {
      extensions: { code: "BAD_USER_INPUT", argument: "id" },
    });
  }
  return { typename: text.slice(0, colon), id: text.slice(colon + 1) };
}
