import { defineConfig } from "vitest/config";

export default defineConfig({
  // Keep Vite's cache with the root's dependencies rather than creating scripts/node_modules.
  cacheDir: "../node_modules/.vite/scripts",
  test: {
    root: import.meta.dirname,
    include: ["**/*.test.ts"],
    // graphql must be one instance: Vite resolves our `graphql` import to its ESM build, so the
    // inspector has to go through Vite too instead of Node's resolution (the CommonJS build).
    server: { deps: { inline: ["@graphql-inspector/core"] } },
  },
});
