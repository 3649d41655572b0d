import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    // graphql 16 ships CJS (main) and ESM (module) side by side. Node loads the CJS build for
    // dependencies such as Pothos, Vite would pick the ESM one for our files: two copies, and graphql
    // refuses to mix them. Point everything at the one Node uses.
    alias: { graphql: fileURLToPath(import.meta.resolve("graphql")) },
  },
});
