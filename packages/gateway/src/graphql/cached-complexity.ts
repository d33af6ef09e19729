import SchemaBuilder, { type SchemaTypes } from "@pothos/core";
import { type ComplexityResult, PothosComplexityPlugin } from "@pothos/plugin-complexity";
import type { OperationDefinitionNode } from "graphql";

/** Most variable sets whose cost is kept per operation; others are computed on each request. */
const MAX_VARIABLE_SETS = 64;

/**
 * Pothos' complexity plugin with the cost kept per operation and variables: the plugin computes it
 * again for every request, though it depends only on the document and the variables' values.
 */
class CachedComplexityPlugin<Types extends SchemaTypes> extends PothosComplexityPlugin<Types> {
  constructor(...args: ConstructorParameters<typeof PothosComplexityPlugin<Types>>) {
    super(...args);
    const compute = this.complexityCache;
    const byOperation = new WeakMap<OperationDefinitionNode, Map<string, ComplexityResult>>();
    const cached: typeof compute = (ctx, info) => {
      let known = byOperation.get(info.operation);
      if (!known) {
        known = new Map();
        byOperation.set(info.operation, known);
      }
      const key = JSON.stringify(info.variableValues);
      let result = known.get(key);
      if (!result) {
        result = compute(ctx, info);
        if (known.size < MAX_VARIABLE_SETS) known.set(key, result);
      }
      return result;
    };
    cached.delete = (ctx) => compute.delete(ctx);
    this.complexityCache = cached;
  }
}

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      cachedComplexity: CachedComplexityPlugin<Types>;
    }
  }
}

/** The name of the complexity plugin with its cost kept per operation and variables. */
export const CACHED_COMPLEXITY = "cachedComplexity" as const;
SchemaBuilder.registerPlugin(CACHED_COMPLEXITY, CachedComplexityPlugin);
