import {
  createRegionLedger,
  type Ledger,
  type LedgerData,
  RECORD_KIND_KEYS,
  type RecordKindKey,
} from "@fupin/domain";
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

type Clause = (params: unknown[]) => string;

/**
 * The rows outside a region that its rows refer to, by collection, read beside the region's own so
 * that `createRegionLedger` (the domain's `sliceLedgerData`) finds everything it keeps: the regions
 * above and of the county, the entities linked to its households or implementing its projects with
 * their activity, the funds its subsidies and projects draw on, the fund uses of its projects and
 * the services listing its households. A county (or more) has them all in scope.
 */
function referencedRows(regionCode: string): Partial<Record<RecordKindKey, Clause>> {
  const scope: Clause = (params) => scopeSql(regionCode, params);
  const ancestors: Clause = (params) => {
    params.push(regionCode);
    return `$${params.length} LIKE code || '%'`;
  };
  if (regionCode.length <= 6) return { regions: ancestors };
  const county: Clause = (params) => {
    params.push(regionCode.slice(0, 6));
    return `county_code = $${params.length}`;
  };
  const projects: Clause = (params) => `SELECT id FROM ${T.projects.table} WHERE ${scope(params)}`;
  const entities: Clause = (params) =>
    `SELECT entity_id FROM ${T.linkages.table} WHERE ${scope(params)} UNION SELECT entity_id FROM ${T.projects.table} WHERE ${scope(params)}`;
  return {
    regions: (params) => `${ancestors(params)} OR ${county(params)}`,
    entities: (params) => `id IN (${entities(params)})`,
    entityActivities: (params) => `entity_id IN (${entities(params)})`,
    funds: (params) =>
      `id IN (SELECT fund_id FROM ${T.fundUses.table} WHERE project_id IN (${projects(params)})) OR id IN (SELECT fund_id FROM ${T.subsidies.table} WHERE ${scope(params)})`,
    fundUses: (params) => `project_id IN (${projects(params)})`,
    services: (params) =>
      `EXISTS (SELECT 1 FROM jsonb_array_elements_text(household_ids) AS h(id) WHERE h.id IN (SELECT id FROM ${T.households.table} WHERE ${scope(params)}))`,
  };
}

/**
 * The ledger of a region (already checked against the caller's scope), read with lean SQL in key
 * order: the region's rows and the rows they refer to, kind by kind (`RECORD_KIND_KEYS`), sliced and
 * validated by the domain (`createRegionLedger`), so it is the same ledger as `ledgerForRegion` of the
 * county's. A database that breaks the ledger's invariants is an internal error, not a ledger.
 */
async function readSnapshot(ctx: GatewayContext, regionCode: string): Promise<Ledger> {
  const extra = referencedRows(regionCode);
  const rows = await Promise.all(
    RECORD_KIND_KEYS.map((key) => rowsOf(ctx, T[key] as LedgerTable<unknown>, regionCode, extra[key])),
  );
  const data = Object.fromEntries([
    ["countyCode", regionCode.length >= 6 ? regionCode.slice(0, 6) : regionCode],
    ...RECORD_KIND_KEYS.map((key, i) => [key, rows[i]]),
  ]) as unknown as LedgerData;
  const ledger = createRegionLedger(data, regionCode);
  if (!ledger.ok)
    throw new Error(`the ledger of ${regionCode} in the database is not valid: ${ledger.error.message}`);
  return ledger.value;
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
