import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
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
    // Most test files wait on PostgreSQL, child processes or a cron minute rather than compute, and
    // each has its own database: vitest's default of one worker per core but one ran them one after
    // another on a 2-core machine (11.5 min for the suite, 7.9 min with three workers).
    maxWorkers: Math.max(3, availableParallelism() - 1),
  },
});
