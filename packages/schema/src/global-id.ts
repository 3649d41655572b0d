import { decodeBase64Url, encodeBase64Url } from "@ca-timeline/data/base64url";
import { GraphQLError } from "graphql";

// Relay global ids: base64url of `Type:id`, URL-safe so that ids travel well in GET requests.

export function encodeGlobalID(typename: string, id: string | number | bigint): string {
  return encodeBase64Url(`${typename}:${id}`);
}

export function decodeGlobalID(globalID: string): { typename: string; id: string } {
  const text = decodeBase64Url(globalID) ?? "";
  const colon = text.indexOf(":");
  if (colon <= 0) {
    throw new GraphQLError(`id: "${globalID.slice(0, 60)}" is not an id of this API`, {
      extensions: { code: "BAD_USER_INPUT", argument: "id" },
    });
  }
  return { typename: text.slice(0, colon), id: text.slice(colon + 1) };
}
