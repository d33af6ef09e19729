import SchemaBuilder from "@pothos/core";
import { ComplexityErrorKind } from "@pothos/plugin-complexity";
import DataloaderPlugin from "@pothos/plugin-dataloader";
import RelayPlugin from "@pothos/plugin-relay";
import ScopeAuthPlugin from "@pothos/plugin-scope-auth";
import ValidationPlugin from "@pothos/plugin-validation";
import { GraphQLError } from "graphql";
import { hasPermission } from "../auth/principal.js";
import type { GatewayContext } from "../context.js";
import { CACHED_COMPLEXITY } from "./cached-complexity.js";
import { badUserInput, validationFailure } from "./errors.js";
import { MAX_COMPLEXITY, MAX_DEPTH, MAX_PAGE_SIZE } from "./limits-config.js";

/** Auth scopes the schema checks, derived from the principal's permissions. */
export interface GatewayAuthScopes {
  ledgerRead: boolean;
  personalRead: boolean;
  ledgerWrite: boolean;
  reportsSubmit: boolean;
  admin: boolean;
}

/** The Pothos schema types of the gateway. */
export interface GatewaySchemaTypes {
  Context: GatewayContext;
  AuthScopes: GatewayAuthScopes;
  DefaultFieldNullability: false;
  Scalars: {
    ID: { Input: string; Output: string };
    /** A file of a GraphQL multipart request (yoga hands it over as a fetch API File). */
    Upload: { Input: File; Output: never };
  };
}

/** The schema types as Pothos resolves them (for refs passed between files). */
export type Types = PothosSchemaTypes.ExtendDefaultTypes<GatewaySchemaTypes>;

/** The one schema builder of the gateway. */
export const builder = new SchemaBuilder<GatewaySchemaTypes>({
  defaultFieldNullability: false,
  plugins: [ScopeAuthPlugin, CACHED_COMPLEXITY, RelayPlugin, DataloaderPlugin, ValidationPlugin],
  scopeAuth: {
    authScopes: (ctx) => {
      const p = ctx.principal;
      return {
        ledgerRead: p !== null && hasPermission(p, "ledger:read"),
        personalRead: p !== null && hasPermission(p, "personal:read"),
        ledgerWrite: p !== null && hasPermission(p, "ledger:write"),
        reportsSubmit: p !== null && hasPermission(p, "reports:submit"),
        admin: p !== null && hasPermission(p, "admin"),
      };
    },
    unauthorizedError: (_parent, ctx, _info, result) =>
      ctx.principal === null
        ? new GraphQLError("authentication required: send Authorization: Bearer <key>", {
            extensions: { code: "UNAUTHENTICATED" },
          })
        : new GraphQLError(`not allowed: ${result.message}`, { extensions: { code: "FORBIDDEN" } }),
  },
  relay: {
    clientMutationId: "omit",
    cursorType: "String",
    nodeTypeOptions: { description: "A ledger record with a global id (`node(id:)` fetches it)." },
    pageInfoTypeOptions: {
      description: "Where a page of a connection lies: cursors and whether more pages exist.",
    },
    nodeQueryOptions: {
      description:
        "Fetches any ledger record by its global id, within the caller's region scope (null outside it).",
      authScopes: { ledgerRead: true },
    },
    nodesQueryOptions: {
      description: `Fetches ledger records by their global ids (at most ${MAX_PAGE_SIZE}), within the caller's region scope (null outside it).`,
      authScopes: { ledgerRead: true },
      args: { ids: { description: `Global ids (at most ${MAX_PAGE_SIZE}).` } },
      resolve: (_root, args, _ctx, _info, resolveNodes) => {
        if (args.ids.length > MAX_PAGE_SIZE) {
          throw badUserInput([{ path: "ids", message: `must be at most ${MAX_PAGE_SIZE} ids` }]);
        }
        return resolveNodes(args.ids);
      },
    },
    hasNextPageFieldOptions: { description: "Whether records follow this page." },
    hasPreviousPageFieldOptions: { description: "Whether records precede this page." },
    startCursorFieldOptions: { description: "Cursor of the first record of this page." },
    endCursorFieldOptions: { description: "Cursor of the last record of this page: pass it as `after`." },
    idFieldOptions: { description: "Global id of the record (opaque; use with `node(id:)`)." },
  },
  complexity: {
    defaultComplexity: 1,
    defaultListMultiplier: 10,
    limit: { complexity: MAX_COMPLEXITY, depth: MAX_DEPTH, breadth: 300 },
    complexityError: (kind, result) =>
      new GraphQLError(
        kind === ComplexityErrorKind.Complexity
          ? `query too costly: complexity ${result.complexity} exceeds the limit of ${MAX_COMPLEXITY}; ask for fewer fields or smaller pages`
          : kind === ComplexityErrorKind.Depth
            ? `query too deep: depth ${result.depth} exceeds the limit of ${MAX_DEPTH}`
            : `query too broad: ${result.breadth} fields exceed the limit`,
        { extensions: { code: "QUERY_TOO_COMPLEX", kind } },
      ),
  },
  validation: {
    validationError: (failure) => validationFailure(failure.issues),
  },
});
