import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeBase64Url, encodeBase64Url } from "./base64url.ts";

describe("base64url", () => {
  it("round-trips ASCII text without padding or URL-unsafe characters", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary-ascii", minLength: 1, maxLength: 200 }), (text) => {
        const encoded = encodeBase64Url(text);
        expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
        expect(decodeBase64Url(encoded)).toBe(text);
      }),
      { numRuns: 200 },
    );
  });

  it("says undefined for what is not base64url", () => {
    for (const text of ["", "a+b", "a/b", "abc=", "x".repeat(401), "a"]) {
      expect(decodeBase64Url(text), text).toBeUndefined();
    }
  });
});
