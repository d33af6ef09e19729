import type { Ledger, LedgerData } from "@fupin/domain";
import type { GatewayContext } from "../../context.js";
import { requestState } from "../request-state.js";
import { scopeSql } from "../scope.js";
import { TABLES, type TableSpec } from "./tables.js";

async function rowsOf<T>(
  ctx: GatewayContext,
  spec: TableSpec<T>,
  regionCode: string,
  extra?: (params: unknown[]) => string,
): Promise<T[]> {
  const params: unknown[] = [];
  let where = scopeSql(regionCode, params, spec.scope);
  if (extra) where = `(${where}) OR (${extra(params)})`;
  return ctx.services.sql.query<T & Record<string, unknown>>(
    `SELECT ${spec.select} FROM ${spec.table} WHERE ${where} ORDER BY ${spec.key}`,
    params,
  );
}

/** The region's own regions, its ancestors and the townships of linked entities elsewhere: findings name them all. */
function regionsNamedBy(ctx: GatewayContext, regionCode: string) {
  return rowsOf(ctx, TABLES.region, regionCode, (params) => {
    params.push(regionCode);
    const ancestor = `$${params.length} LIKE code || '%'`;
    const linked = `SELECT entity_id FROM linkage WHERE ${scopeSql(regionCode, params)}`;
    return `${ancestor} OR code IN (SELECT left(region_code, 9) FROM ${TABLES.entity.table} WHERE id IN (${linked}))`;
  });
}

/**
 * The ledger snapshot of a region (already checked against the caller's scope), read with lean SQL in
 * key order: the region's rows, the county's industry catalogue, the entities linked to the region's
 * households with their activity, and the fund uses of the region's projects, for computing only
 * (results are filtered to the region). Unlike the domain's `ledgerForRegion`, it does not read the
 * out-of-scope funds, regions and services those rows refer to, so it is not a complete ledger.
 */
async function readSnapshot(ctx: GatewayContext, regionCode: string): Promise<Ledger> {
  const linkedEntities = (alias: string) => (params: unknown[]) =>
    `${alias} IN (SELECT entity_id FROM linkage WHERE ${scopeSql(regionCode, params)})`;
  const [
    regions,
    households,
    members,
    incomes,
    industries,
    villageIndustries,
    householdIndustries,
    entities,
    entityActivities,
    linkages,
    linkageYears,
    subsidies,
    services,
    funds,
    fundUses,
    projects,
    responsibilities,
    rectifications,
    monitorings,
  ] = await Promise.all([
    regionsNamedBy(ctx, regionCode),
    rowsOf(ctx, TABLES.household, regionCode),
    rowsOf(ctx, TABLES.member, regionCode),
    rowsOf(ctx, TABLES.income, regionCode),
    rowsOf(ctx, TABLES.industry, regionCode),
    rowsOf(ctx, TABLES.villageIndustry, regionCode),
    rowsOf(ctx, TABLES.householdIndustry, regionCode),
    rowsOf(ctx, TABLES.entity, regionCode, linkedEntities("id")),
    rowsOf(ctx, TABLES.entityActivity, regionCode, linkedEntities("entity_id")),
    rowsOf(ctx, TABLES.linkage, regionCode),
    rowsOf(ctx, TABLES.linkageYear, regionCode),
    rowsOf(ctx, TABLES.subsidy, regionCode),
    rowsOf(ctx, TABLES.technicalService, regionCode),
    rowsOf(ctx, TABLES.fund, regionCode),
    // A fund use belongs to its project's region, else to its fund's (where it is filed).
    rowsOf(
      ctx,
      TABLES.fundUse,
      regionCode,
      (params) => `project_id IN (SELECT id FROM project WHERE ${scopeSql(regionCode, params)})`,
    ),
    rowsOf(ctx, TABLES.project, regionCode),
    rowsOf(ctx, TABLES.responsibility, regionCode),
    rowsOf(ctx, TABLES.rectification, regionCode),
    rowsOf(ctx, TABLES.monitoring, regionCode),
  ]);
  const data: LedgerData = {
    countyCode: regionCode.length >= 6 ? regionCode.slice(0, 6) : regionCode,
    regions,
    households,
    members,
    incomes,
    industries,
    villageIndustries,
    householdIndustries,
    entities,
    entityActivities,
    linkages,
    linkageYears,
    subsidies,
    services,
    funds,
    fundUses,
    projects,
    responsibilities,
    rectifications,
    monitorings,
  };
  // The database keeps the ledger's invariants (foreign keys, unique person, checks) and a region's
  // snapshot legitimately refers to records outside it, so it is not re-validated per request.
  return { ...data, __validated: true as const };
}

/** The region's snapshot, read once per request however many fields ask for it. */
export function loadSnapshot(ctx: GatewayContext, regionCode: string): Promise<Ledger> {
  const cache = requestState(ctx).snapshots;
  let snapshot = cache.get(regionCode);
  if (!snapshot) {
    snapshot = readSnapshot(ctx, regionCode);
    cache.set(regionCode, snapshot);
  }
  return snapshot;
}
