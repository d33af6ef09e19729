import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

function resolveGraphql(): string | undefined {
  try {
    return require.resolve("graphql", {
      paths: [fileURLToPath(new URL("../packages/gateway", import.meta.url))],
    });
  } catch {
    return undefined;
  }
}

const graphqlEntry = resolveGraphql();

export default defineConfig({
  resolve: {
    // One copy of graphql: two GraphQLError classes would mask every typed error, only in tests.
    alias: graphqlEntry ? [{ find: /^graphql$/, replacement: graphqlEntry }] : [],
  },
  test: {
    root: fileURLToPath(new URL("..", import.meta.url)),
    include: ["packages/*/src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
