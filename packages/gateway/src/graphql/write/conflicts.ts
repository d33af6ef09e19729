import { GraphQLError } from "graphql";
import { hasPermission } from "../../auth/principal.js";
import type { GatewayContext } from "../../context.js";

/** The one code of a write refused by a rule that looks beyond the caller's scope, for callers without personal:read. */
export const CONFLICT_CODE = "CONFLICT";

const crossScope = new WeakSet<GraphQLError>();

/**
 * A refusal by a rule that looks at records in every scope (one household per person, unique ids and
 * numbers): its code says that a record exists somewhere, which only personal:read may learn.
 */
export function crossScopeFailure(
  message: string,
  extensions: Readonly<Record<string, unknown>>,
): GraphQLError {
  const error = new GraphQLError(message, { extensions });
  crossScope.add(error);
  return error;
}

/** Whether an error is a refusal by a rule across scopes. */
export function isCrossScopeFailure(error: unknown): error is GraphQLError {
  return error instanceof GraphQLError && crossScope.has(error);
}

/**
 * What the caller sees of a refusal across scopes: itself for a caller with personal:read, else one
 * code and message for every such rule, saying neither which rule nor where.
 */
export function conflictSeenBy(ctx: GatewayContext, error: GraphQLError): GraphQLError {
  if (ctx.principal !== null && hasPermission(ctx.principal, "personal:read")) return error;
  return new GraphQLError(
    "the write conflicts with a record of the ledger; nothing was written (a key with personal:read sees why)",
    { extensions: { code: CONFLICT_CODE } },
  );
}

/** Refuses a write of a principal past its limit of failed writes (RATE_LIMITED, with the wait). */
export async function refuseWhenTooManyFailed(ctx: GatewayContext, principalId: string): Promise<void> {
  const { failedWrites } = ctx.services;
  const wait = await failedWrites.wait(principalId, ctx.principal ?? undefined);
  if (wait === null) return;
  throw new GraphQLError(
    `more than ${failedWrites.limit} refused writes in an hour; writes resume in ${wait} s`,
    {
      extensions: { code: "RATE_LIMITED", retryAfterSeconds: wait },
    },
  );
}

/** Appends the audit entry of a write refused by a rule across scopes: what was hidden, not the values tried. */
export async function auditRefusal(ctx: GatewayContext, principalId: string, hidden: unknown): Promise<void> {
  const region = ctx.principal?.regionCode ?? "";
  await ctx.services.audit.append([
    {
      principalId,
      action: "refuse_write",
      entityType: "write",
      entityId: ctx.requestId,
      countyCode: region.slice(0, 6),
      before: null,
      after: hidden,
      requestId: ctx.requestId,
      at: ctx.now(),
    },
  ]);
}
