import {
  createRegionLedger,
  type Ledger,
  type LedgerData,
  RECORD_KIND_KEYS,
  type RecordKindKey,
} from "@fupin/domain";
import type { SqlExecutor } from "../../context.js";
import type { LedgerTable } from "../../ledger/ledger-table.js";
import { LEDGER_TABLES as T } from "../../ledger/tables.js";
import { scopeSql } from "../scope.js";

type Clause = (params: unknown[]) => string;

/**
 * The rows outside a region that its rows refer to, by collection, read beside the region's own so
 * that `createRegionLedger` (the domain's `sliceLedgerData`) finds everything it keeps: the regions
 * above and of the county, the entities linked to its households, holding their credit or implementing
 * its projects with their activity, the funds its subsidies, credit and projects draw on, the fund
 * uses and disbursements of its projects and the services listing its households. A county (or more) has them all in scope.
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
    `SELECT entity_id FROM ${T.linkages.table} WHERE ${scope(params)} UNION SELECT entity_id FROM ${T.projects.table} WHERE ${scope(params)} UNION SELECT entity_id FROM ${T.credits.table} WHERE ${scope(params)}`;
  return {
    regions: (params) => `${ancestors(params)} OR ${county(params)}`,
    entities: (params) => `id IN (${entities(params)})`,
    entityActivities: (params) => `entity_id IN (${entities(params)})`,
    funds: (params) =>
      `id IN (SELECT fund_id FROM ${T.fundUses.table} WHERE project_id IN (${projects(params)})) OR id IN (SELECT fund_id FROM ${T.subsidies.table} WHERE ${scope(params)}) OR id IN (SELECT fund_id FROM ${T.credits.table} WHERE ${scope(params)}) OR id IN (SELECT fund_id FROM ${T.disbursements.table} WHERE project_id IN (${projects(params)}))`,
    fundUses: (params) => `project_id IN (${projects(params)})`,
    disbursements: (params) => `project_id IN (${projects(params)})`,
    services: (params) =>
      `EXISTS (SELECT 1 FROM jsonb_array_elements_text(household_ids) AS h(id) WHERE h.id IN (SELECT id FROM ${T.households.table} WHERE ${scope(params)}))`,
  };
}

/** The rows of a region's ledger as one JSON text, for computing off the event loop. */
export interface SnapshotText {
  readonly regionCode: string;
  /** A JSON object with one array per collection of the ledger, each in key order. */
  readonly json: string;
}

/**
 * The rows of a region's ledger (already checked against the caller's scope) in one SQL statement
 * that returns JSON text: the region's rows and the rows they refer to, kind by kind
 * (`RECORD_KIND_KEYS`). Parsing and validating it is left to whoever computes with it (a worker).
 */
export async function readSnapshotText(
  sql: Pick<SqlExecutor, "query">,
  regionCode: string,
): Promise<SnapshotText> {
  const extra = referencedRows(regionCode);
  const params: unknown[] = [];
  const parts = RECORD_KIND_KEYS.map((key) => {
    const spec = T[key] as LedgerTable<unknown>;
    const more = extra[key];
    let where = scopeSql(regionCode, params, spec.scope);
    if (more) where = `(${where}) OR (${more(params)})`;
    const rows = `SELECT ${spec.select} FROM ${spec.table} WHERE ${where}`;
    return `'${key}', (SELECT coalesce(json_agg(t ORDER BY t."${spec.key}"), '[]'::json) FROM (${rows}) t)`;
  });
  const rows = await sql.query<{ snapshot: string }>(
    `SELECT json_build_object(${parts.join(", ")})::text AS snapshot`,
    params,
  );
  return { regionCode, json: rows[0]!.snapshot };
}

/**
 * The ledger of a snapshot text, sliced and validated by the domain (`createRegionLedger`), so it is
 * the same ledger as `ledgerForRegion` of the county's. A database that breaks the ledger's
 * invariants is an internal error, not a ledger.
 */
export function ledgerOfSnapshot(snapshot: SnapshotText): Ledger {
  const { regionCode } = snapshot;
  const data = {
    ...(JSON.parse(snapshot.json) as Omit<LedgerData, "countyCode">),
    countyCode: regionCode.length >= 6 ? regionCode.slice(0, 6) : regionCode,
  };
  const ledger = createRegionLedger(data, regionCode);
  if (!ledger.ok)
    throw new Error(`the ledger of ${regionCode} in the database is not valid: ${ledger.error.message}`);
  return ledger.value;
}
