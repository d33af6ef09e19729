import { parseRegionCode } from "@fupin/domain";
import { GraphQLError } from "graphql";
import { isInScope } from "../auth/principal.js";
import type { GatewayContext } from "../context.js";
import type { TableScope } from "../ledger/ledger-table.js";
import { badUserInput, regionOutOfScope } from "./errors.js";

/** The region code of the caller's scope; refuses unauthenticated requests. */
export function principalRegion(ctx: GatewayContext): string {
  if (ctx.principal === null) {
    throw new GraphQLError("authentication required", { extensions: { code: "UNAUTHENTICATED" } });
  }
  return ctx.principal.regionCode;
}

/** Normalises a requested region code and checks it lies inside the caller's scope. */
export function requireRegion(ctx: GatewayContext, regionCode: string, field = "regionCode"): string {
  const parsed = parseRegionCode(regionCode);
  if (!parsed.ok) throw badUserInput([{ path: field, message: parsed.error.message }]);
  const principal = ctx.principal;
  if (principal === null) {
    throw new GraphQLError("authentication required", { extensions: { code: "UNAUTHENTICATED" } });
  }
  if (!isInScope(principal, parsed.value.code)) throw regionOutOfScope(parsed.value.code);
  return parsed.value.code;
}

/**
 * The scope predicate of the database contract, appending its parameters: the row's county and
 * region lie under `regionCode`. A county-wide table (the industry catalogue) is scoped by county only.
 */
export function scopeSql(
  regionCode: string,
  params: unknown[],
  scope: TableScope = "region",
  alias = "",
): string {
  const p = alias ? `${alias}.` : "";
  if (regionCode.length >= 6) {
    params.push(regionCode.slice(0, 6));
    const county = `${p}county_code = $${params.length}`;
    if (scope === "county" || regionCode.length === 6) return county;
    params.push(`${regionCode}%`);
    return `${county} AND ${p}region_code LIKE $${params.length}`;
  }
  params.push(`${regionCode}%`);
  return `${p}county_code LIKE $${params.length}`;
}
