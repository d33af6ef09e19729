import { useGraphQlJit } from "@envelop/graphql-jit";
import { EnvelopArmorPlugin } from "@escape.tech/graphql-armor";
import { GraphQLError } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { GatewayContext } from "../context.js";
import { MAX_ALIASES, MAX_DEPTH, MAX_TOKENS } from "./limits-config.js";
import { requestState } from "./request-state.js";
import { useVariableCheck } from "./variables.js";

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === "object" && value !== null && Symbol.asyncIterator in value;
}

/** The principal's county, for audit entries (a province or city principal is recorded by its own code). */
function countyOfPrincipal(regionCode: string): string {
  return regionCode.length >= 6 ? regionCode.slice(0, 6) : regionCode;
}

/**
 * The records whose unmasked values reach the response, by type: a value nulled on the way (by an
 * error in a non-null field around it) was never shown and is not audited. A record read without a
 * recorded value (a frozen submission's content) always counts.
 */
function recordsShown(
  reads: ReadonlyMap<string, ReadonlySet<string>>,
  values: ReadonlyMap<string, ReadonlySet<string>>,
  data: unknown,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  // Most requests read no personal data: the response is serialised only when there is something to look for.
  if (reads.size === 0) return out;
  const shown = JSON.stringify(data ?? null);
  for (const [type, ids] of reads) {
    const kept = [...ids].filter((id) => {
      const revealed = values.get(`${type}:${id}`);
      return !revealed || [...revealed].some((v) => shown.includes(JSON.stringify(v)));
    });
    if (kept.length > 0) out[type] = kept.sort();
  }
  return out;
}

/**
 * Records one `read_personal` audit entry per request that returned unmasked personal data, listing
 * the record ids by type. Until this plugin arms a request, personal data is returned masked; if the
 * audit entry cannot be written, the response carries no data.
 */
export function usePersonalReadAudit(): Plugin<GatewayContext> {
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const ctx = args.contextValue as GatewayContext;
      requestState(ctx).auditArmed = true;
      setExecuteFn(async (execArgs) => {
        const result = await executeFn(execArgs);
        if (isAsyncIterable(result)) return result;
        const state = requestState(ctx);
        const reads = state.personalReads;
        const records = recordsShown(reads, state.personalValues, result.data);
        reads.clear();
        state.personalValues.clear();
        if (Object.keys(records).length === 0 || ctx.principal === null) return result;
        try {
          await ctx.services.audit.append([
            {
              principalId: ctx.principal.id,
              action: "read_personal",
              entityType: "personal_data",
              entityId: ctx.requestId,
              countyCode: countyOfPrincipal(ctx.principal.regionCode),
              before: null,
              after: { records },
              requestId: ctx.requestId,
              at: ctx.now(),
            },
          ]);
        } catch (e) {
          ctx.logger.error({ err: e }, "audit of a personal-data read failed; response withheld");
          return {
            data: null,
            errors: [
              new GraphQLError("personal data could not be audited; nothing returned", {
                extensions: { code: "AUDIT_FAILED" },
              }),
            ],
          };
        }
        return result;
      });
    },
  };
}

/** Codes of the refusals of `useQueryLimits` (the cost limit's is QUERY_TOO_COMPLEX, from the schema). */
export const QUERY_LIMIT_CODES = {
  depth: "QUERY_TOO_DEEP",
  aliases: "TOO_MANY_ALIASES",
  tokens: "TOO_MANY_TOKENS",
  directives: "TOO_MANY_DIRECTIVES",
} as const;

/** graphql-armor's refusals carry no code: tag the error it is about to report or throw. */
function tagWith(code: string) {
  return [
    (_ctx: unknown, error: GraphQLError) => {
      (error.extensions as Record<string, unknown>).code = code;
    },
  ];
}

/** Depth, alias, token and directive limits with clear messages and codes, and no field suggestions to probe the schema. */
export function useQueryLimits(): Plugin<GatewayContext> {
  return EnvelopArmorPlugin({
    maxDepth: {
      n: MAX_DEPTH,
      ignoreIntrospection: true,
      flattenFragments: true,
      exposeLimits: true,
      onReject: tagWith(QUERY_LIMIT_CODES.depth),
    },
    maxAliases: { n: MAX_ALIASES, exposeLimits: true, onReject: tagWith(QUERY_LIMIT_CODES.aliases) },
    maxTokens: { n: MAX_TOKENS, exposeLimits: true, onReject: tagWith(QUERY_LIMIT_CODES.tokens) },
    maxDirectives: { n: 20, exposeLimits: true, onReject: tagWith(QUERY_LIMIT_CODES.directives) },
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: true },
  }) as Plugin<GatewayContext>;
}

/** Executes operations with graphql-jit (compiled once per document): about twice the throughput on large pages. */
export function useCompiledExecution(): Plugin<GatewayContext> {
  return useGraphQlJit({}, {}) as Plugin<GatewayContext>;
}

/** Every yoga plugin the GraphQL half needs: the server adds these to its yoga instance. */
export function createGraphqlPlugins(): Plugin<GatewayContext>[] {
  return [useQueryLimits(), useVariableCheck(), useCompiledExecution(), usePersonalReadAudit()];
}
