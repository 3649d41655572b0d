/**
 * A stand-in for `create()`'s result that creates it on first use: module-level singletons (the bundled
 * dataset's query index, the GraphQL schema over it) stay importable by name without costing anything at
 * import time. `prototype` keeps `instanceof` true before and after creation; methods run on the real
 * instance, so private fields work.
 */
export function lazyInstance<T extends object>(prototype: object, create: () => T): T {
  let instance: T | undefined;
  const real = (): T => {
    instance ??= create();
    return instance;
  };
  return new Proxy(Object.create(prototype) as T, {
    get(_, key) {
      const target = real();
      const value = Reflect.get(target, key, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
    set: (_, key, value) => Reflect.set(real(), key, value),
    has: (_, key) => Reflect.has(real(), key),
    ownKeys: () => Reflect.ownKeys(real()),
    getOwnPropertyDescriptor(_, key) {
      const descriptor = Reflect.getOwnPropertyDescriptor(real(), key);
      // The stand-in has no own properties, so the proxy may only report configurable ones.
      if (descriptor) descriptor.configurable = true;
      return descriptor;
    },
    defineProperty: (_, key, descriptor) => Reflect.defineProperty(real(), key, descriptor),
    deleteProperty: (_, key) => Reflect.deleteProperty(real(), key),
  });
}
