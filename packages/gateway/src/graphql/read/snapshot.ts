import type { Ledger, LedgerData } from "@fupin/domain";
import type { GatewayContext } from "../../context.js";
import type { LedgerTable } from "../../ledger/ledger-table.js";
import { LEDGER_TABLES as T } from "../../ledger/tables.js";
import { requestState } from "../request-state.js";
import { scopeSql } from "../scope.js";

async function rowsOf<T>(
  ctx: GatewayContext,
  spec: LedgerTable<T>,
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
  return rowsOf(ctx, T.regions, regionCode, (params) => {
    params.push(regionCode);
    const ancestor = `$${params.length} LIKE code || '%'`;
    const linked = `SELECT entity_id FROM linkage WHERE ${scopeSql(regionCode, params)}`;
    return `${ancestor} OR code IN (SELECT left(region_code, 9) FROM ${T.entities.table} WHERE id IN (${linked}))`;
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
    rowsOf(ctx, T.households, regionCode),
    rowsOf(ctx, T.members, regionCode),
    rowsOf(ctx, T.incomes, regionCode),
    rowsOf(ctx, T.industries, regionCode),
    rowsOf(ctx, T.villageIndustries, regionCode),
    rowsOf(ctx, T.householdIndustries, regionCode),
    rowsOf(ctx, T.entities, regionCode, linkedEntities("id")),
    rowsOf(ctx, T.entityActivities, regionCode, linkedEntities("entity_id")),
    rowsOf(ctx, T.linkages, regionCode),
    rowsOf(ctx, T.linkageYears, regionCode),
    rowsOf(ctx, T.subsidies, regionCode),
    rowsOf(ctx, T.services, regionCode),
    rowsOf(ctx, T.funds, regionCode),
    // A fund use belongs to its project's region, else to its fund's (where it is filed).
    rowsOf(
      ctx,
      T.fundUses,
      regionCode,
      (params) => `project_id IN (SELECT id FROM project WHERE ${scopeSql(regionCode, params)})`,
    ),
    rowsOf(ctx, T.projects, regionCode),
    rowsOf(ctx, T.responsibilities, regionCode),
    rowsOf(ctx, T.rectifications, regionCode),
    rowsOf(ctx, T.monitorings, regionCode),
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
