import { describe, expect, it } from "vitest";
import { lazyInstance } from "./lazy.ts";

class Counter {
  #count = 0;
  readonly label = "counter";
  increment(): number {
    this.#count += 1;
    return this.#count;
  }
  get count(): number {
    return this.#count;
  }
}

describe("lazyInstance", () => {
  it("creates the instance on first use only, once, and behaves like it", () => {
    let created = 0;
    const counter = lazyInstance(Counter.prototype, () => {
      created += 1;
      return new Counter();
    });
    expect(created).toBe(0);
    expect(counter).toBeInstanceOf(Counter);
    expect(created).toBe(0);
    expect(counter.increment()).toBe(1);
    expect(counter.increment()).toBe(2);
    expect(counter.count).toBe(2);
    expect(counter.label).toBe("counter");
    expect(Object.keys(counter)).toEqual(["label"]);
    expect(created).toBe(1);
  });
});
