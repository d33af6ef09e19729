import type { CodegenConfig } from "@graphql-codegen/cli";

/** Typed operations from the gateway's committed schema: `pnpm --filter @fupin/console codegen` after a schema change. */
const config: CodegenConfig = {
  schema: "../gateway/schema.graphql",
  documents: ["src/**/*.ts", "src/**/*.vue", "!src/gql/**"],
  ignoreNoDocuments: false,
  generates: {
    "src/gql/": {
      preset: "client",
      config: {
        documentMode: "string",
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { Upload: "File" },
      },
      presetConfig: { fragmentMasking: false },
    },
  },
};

export default config;
