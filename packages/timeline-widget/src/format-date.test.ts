import { describe, expect, it } from "vitest";
import { formatDate } from "./format-date.ts";

describe("formatDate", () => {
  it("shows each precision in English and German", () => {
    expect(formatDate("2023", "en")).toBe("2023");
    expect(formatDate("2023-09", "en")).toBe("September 2023");
    expect(formatDate("2023-09-29", "en")).toBe("29 September 2023");
    expect(formatDate("2023-09", "de")).toBe("September 2023");
    expect(formatDate("2023-09-29", "de")).toBe("29. September 2023");
  });

  it("shows ranges compactly and marks uncertain dates", () => {
    // ICU versions differ in the spaces around the dash.
    expect(formatDate("2025-04-03/2025-04-04", "en")).toMatch(/^3\s?–\s?4 April 2025$/);
    expect(formatDate("2025-04-03/2025-04-04", "de")).toMatch(/^3\.\s?–\s?4\. April 2025$/);
    expect(formatDate("2023-11/2024-02", "en")).toMatch(/^November 2023\s?–\s?February 2024$/);
    expect(formatDate("2023-06?", "en")).toBe("c. June 2023");
    expect(formatDate("2023-06?", "de")).toBe("ca. Juni 2023");
  });

  it("returns text it cannot read unchanged", () => {
    expect(formatDate("sometime", "en")).toBe("sometime");
  });
});
