import { afterEach, beforeEach, expect } from "vitest";

/**
 * Records every error that reaches the window (a throw nobody caught, a rejection nobody handled)
 * during each test of the file, and fails the test if there was one.
 */
export function failOnUncaught(): void {
  const seen: string[] = [];
  const onError = (e: ErrorEvent) => seen.push(`error: ${e.message}`);
  const onRejection = (e: PromiseRejectionEvent) => seen.push(`unhandled rejection: ${e.reason}`);
  beforeEach(() => {
    seen.length = 0;
    addEventListener("error", onError);
    addEventListener("unhandledrejection", onRejection);
  });
  afterEach(async () => {
    // Unhandled rejections are reported in a later task.
    await new Promise((r) => setTimeout(r, 20));
    removeEventListener("error", onError);
    removeEventListener("unhandledrejection", onRejection);
    expect(seen).toEqual([]);
  });
}
