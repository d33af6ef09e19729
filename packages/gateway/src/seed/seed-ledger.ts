import { currentStage, type LedgerData } from "@fupin/domain";
import type pg from "pg";
import type { LedgerTable } from "../ledger/ledger-table.js";
import { LEDGER_TABLES as T } from "../ledger/tables.js";

/** Rows inserted per table, in insertion order. */
export type SeedCounts = Record<string, number>;

/** The records of one table, each with the region it is filed under. */
export interface TableRows {
  // biome-ignore lint/suspicious/noExplicitAny: the rows of any ledger table.
  readonly table: LedgerTable<any>;
  readonly rows: readonly { readonly record: object; readonly regionCode: string }[];
}

const MAX_PARAMS = 60_000;

function need<T>(map: ReadonlyMap<string, T>, id: string, what: string): T {
  const v = map.get(id);
  if (v === undefined) throw new Error(`seed: ${what} ${id} is not in the ledger`);
  return v;
}

function rowsOf<T extends object>(
  table: LedgerTable<T>,
  records: readonly T[],
  at: (r: T) => string,
): TableRows {
  return { table, rows: records.map((record) => ({ record, regionCode: at(record) })) };
}

/** The rows of a ledger, table by table in foreign-key order, each filed under its most specific region. */
export function ledgerRows(data: LedgerData): TableRows[] {
  const county = data.countyCode;
  const villageOf = new Map(data.households.map((h) => [h.id, h.villageCode]));
  const village = (householdId: string) => need(villageOf, householdId, "household");
  const linkageHousehold = new Map(data.linkages.map((l) => [l.id, l.householdId]));
  const entityRegion = new Map(data.entities.map((e) => [e.id, e.regionCode]));
  const fundRegion = new Map(data.funds.map((f) => [f.id, f.regionCode]));
  const creditHousehold = new Map(data.credits.map((c) => [c.id, c.householdId]));
  return [
    rowsOf(T.regions, data.regions, (r) => r.code),
    rowsOf(T.industries, data.industries, () => county),
    rowsOf(T.households, data.households, (r) => r.villageCode),
    rowsOf(T.members, data.members, (r) => village(r.householdId)),
    rowsOf(T.incomes, data.incomes, (r) => village(r.householdId)),
    rowsOf(T.villageIndustries, data.villageIndustries, (r) => r.villageCode),
    rowsOf(T.householdIndustries, data.householdIndustries, (r) => village(r.householdId)),
    rowsOf(T.entities, data.entities, (r) => r.regionCode),
    rowsOf(T.entityActivities, data.entityActivities, (r) =>
      need(entityRegion, r.entityId, "business entity"),
    ),
    rowsOf(T.linkages, data.linkages, (r) => village(r.householdId)),
    rowsOf(T.linkageYears, data.linkageYears, (r) => village(need(linkageHousehold, r.linkageId, "linkage"))),
    rowsOf(T.funds, data.funds, (r) => r.regionCode),
    rowsOf(
      T.projects,
      data.projects.map((p) => ({ ...p, currentStage: currentStage(p) })),
      (r) => r.regionCode,
    ),
    rowsOf(T.fundUses, data.fundUses, (r) => need(fundRegion, r.fundId, "fund")),
    rowsOf(T.subsidies, data.subsidies, (r) => village(r.householdId)),
    rowsOf(T.services, data.services, (r) => r.regionCode),
    rowsOf(T.responsibilities, data.responsibilities, (r) =>
      r.householdId ? village(r.householdId) : (r.villageCode ?? r.townshipCode),
    ),
    rowsOf(T.rectifications, data.rectifications, (r) => r.townshipCode),
    rowsOf(T.monitorings, data.monitorings, (r) => village(r.householdId)),
    rowsOf(T.disbursements, data.disbursements, (r) => need(fundRegion, r.fundId, "fund")),
    rowsOf(T.credits, data.credits, (r) => village(r.householdId)),
    rowsOf(T.creditReturns, data.creditReturns, (r) => village(need(creditHousehold, r.creditId, "credit"))),
  ];
}

/** The county code a row carries: a province's or city's region row carries its own code. */
function countyOfRow(regionCode: string): string {
  return regionCode.length < 6 ? regionCode : regionCode.slice(0, 6);
}

/** Inserts the rows of one table with multi-row INSERTs (regions already present are kept). */
export async function insertRows(client: pg.ClientBase, { table, rows }: TableRows): Promise<void> {
  const fields = Object.keys(table.columns).filter((f) => table.columns[f] !== "region_code");
  const columns = ["county_code", "region_code", ...fields.map((f) => table.columns[f] as string)];
  const perStatement = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
  const conflict = table === T.regions ? ` on conflict (${table.key}) do nothing` : "";
  for (let start = 0; start < rows.length; start += perStatement) {
    const params: unknown[] = [];
    const tuples = rows.slice(start, start + perStatement).map(({ record, regionCode }) => {
      const values = record as Record<string, unknown>;
      params.push(countyOfRow(regionCode), regionCode);
      const slots = [`$${params.length - 1}`, `$${params.length}`];
      for (const f of fields) {
        const json = table.jsonFields.has(f);
        params.push(json ? JSON.stringify(values[f] ?? null) : (values[f] ?? null));
        slots.push(`$${params.length}${json ? "::jsonb" : ""}`);
      }
      return `(${slots.join(",")})`;
    });
    await client.query(
      `insert into "${table.table}" (${columns.map((c) => `"${c}"`).join(",")}) values ${tuples.join(",")}${conflict}`,
      params,
    );
  }
}

/**
 * Inserts a whole ledger with multi-row INSERTs, in one transaction on `client` (the caller begins
 * and commits). Regions already present (a province or city shared with another county) are kept.
 */
export async function insertLedger(
  client: pg.PoolClient,
  data: LedgerData,
  onProgress: (table: string, rows: number) => void = () => undefined,
): Promise<SeedCounts> {
  const counts: SeedCounts = {};
  for (const part of ledgerRows(data)) {
    counts[part.table.table] = part.rows.length;
    if (part.rows.length === 0) continue;
    await insertRows(client, part);
    onProgress(part.table.table, part.rows.length);
  }
  return counts;
}
