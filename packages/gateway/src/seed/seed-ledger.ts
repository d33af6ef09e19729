import type { LedgerData } from "@fupin/domain";
import type { EntityMetadata, MikroORM } from "@mikro-orm/postgresql";
import type pg from "pg";
import { businessEntityMapper } from "../ledger/entities/business-entity.table.js";
import { entityActivityMapper } from "../ledger/entities/entity-activity.table.js";
import { fundMapper } from "../ledger/funds/fund.table.js";
import { fundUseMapper } from "../ledger/funds/fund-use.table.js";
import { householdMapper } from "../ledger/households/household.table.js";
import { incomeMapper } from "../ledger/households/income.table.js";
import { memberMapper } from "../ledger/households/member.table.js";
import { householdIndustryMapper } from "../ledger/industries/household-industry.table.js";
import { industryMapper } from "../ledger/industries/industry.table.js";
import { villageIndustryMapper } from "../ledger/industries/village-industry.table.js";
import type { LedgerRow } from "../ledger/ledger-row.js";
import { linkageMapper } from "../ledger/linkage/linkage.table.js";
import { linkageYearMapper } from "../ledger/linkage/linkage-year.table.js";
import { monitoringMapper } from "../ledger/monitoring/monitoring.table.js";
import { projectMapper } from "../ledger/projects/project.table.js";
import { rectificationMapper } from "../ledger/rectification/rectification.table.js";
import { regionMapper } from "../ledger/regions/region.table.js";
import { responsibilityMapper } from "../ledger/responsibility/responsibility.table.js";
import { subsidyMapper } from "../ledger/support/subsidy.table.js";
import { technicalServiceMapper } from "../ledger/support/technical-service.table.js";

/** Rows inserted per table, in insertion order. */
export type SeedCounts = Record<string, number>;

const MAX_PARAMS = 60_000;
const SERVER_DEFAULTED = new Set(["createdAt", "updatedAt", "version"]);

function need<T>(map: ReadonlyMap<string, T>, id: string, what: string): T {
  const v = map.get(id);
  if (v === undefined) throw new Error(`seed: ${what} ${id} is not in the ledger`);
  return v;
}

/** The entity rows of a ledger, table by table in foreign-key order, each located at its county and most specific region. */
export function ledgerRows(data: LedgerData): { table: string; rows: LedgerRow[] }[] {
  const county = data.countyCode;
  const villageOf = new Map(data.households.map((h) => [h.id, h.villageCode]));
  const at = (householdId: string) => ({
    countyCode: county,
    regionCode: need(villageOf, householdId, "household"),
  });
  const linkageHousehold = new Map(data.linkages.map((l) => [l.id, l.householdId]));
  const entityRegion = new Map(data.entities.map((e) => [e.id, e.regionCode]));
  const fundRegion = new Map(data.funds.map((f) => [f.id, f.regionCode]));
  const countyWide = { countyCode: county, regionCode: county };
  return [
    { table: "region", rows: data.regions.map((r) => regionMapper.toEntity(r, county)) },
    { table: "industry", rows: data.industries.map((r) => industryMapper.toEntity(r, countyWide)) },
    {
      table: "household",
      rows: data.households.map((r) =>
        householdMapper.toEntity(r, { countyCode: county, regionCode: r.villageCode }),
      ),
    },
    { table: "member", rows: data.members.map((r) => memberMapper.toEntity(r, at(r.householdId))) },
    { table: "income", rows: data.incomes.map((r) => incomeMapper.toEntity(r, at(r.householdId))) },
    {
      table: "village_industry",
      rows: data.villageIndustries.map((r) =>
        villageIndustryMapper.toEntity(r, { countyCode: county, regionCode: r.villageCode }),
      ),
    },
    {
      table: "household_industry",
      rows: data.householdIndustries.map((r) => householdIndustryMapper.toEntity(r, at(r.householdId))),
    },
    { table: "business_entity", rows: data.entities.map((r) => businessEntityMapper.toEntity(r, county)) },
    {
      table: "entity_activity",
      rows: data.entityActivities.map((r) =>
        entityActivityMapper.toEntity(r, {
          countyCode: county,
          regionCode: need(entityRegion, r.entityId, "business entity"),
        }),
      ),
    },
    { table: "linkage", rows: data.linkages.map((r) => linkageMapper.toEntity(r, at(r.householdId))) },
    {
      table: "linkage_year",
      rows: data.linkageYears.map((r) =>
        linkageYearMapper.toEntity(r, at(need(linkageHousehold, r.linkageId, "linkage"))),
      ),
    },
    { table: "fund", rows: data.funds.map((r) => fundMapper.toEntity(r, county)) },
    { table: "project", rows: data.projects.map((r) => projectMapper.toEntity(r, county)) },
    {
      table: "fund_use",
      rows: data.fundUses.map((r) =>
        fundUseMapper.toEntity(r, { countyCode: county, regionCode: need(fundRegion, r.fundId, "fund") }),
      ),
    },
    { table: "subsidy", rows: data.subsidies.map((r) => subsidyMapper.toEntity(r, at(r.householdId))) },
    {
      table: "technical_service",
      rows: data.services.map((r) => technicalServiceMapper.toEntity(r, county)),
    },
    {
      table: "responsibility",
      rows: data.responsibilities.map((r) =>
        responsibilityMapper.toEntity(
          r,
          r.householdId ? at(r.householdId) : { countyCode: county, regionCode: r.townshipCode },
        ),
      ),
    },
    {
      table: "rectification",
      rows: data.rectifications.map((r) =>
        rectificationMapper.toEntity(r, { countyCode: county, regionCode: r.townshipCode }),
      ),
    },
    {
      table: "monitoring",
      rows: data.monitorings.map((r) => monitoringMapper.toEntity(r, at(r.householdId))),
    },
  ];
}

function columnsOf(meta: EntityMetadata): { prop: string; column: string; json: boolean }[] {
  return meta.props
    .filter((p) => !SERVER_DEFAULTED.has(p.name) && p.fieldNames?.[0])
    .map((p) => ({
      prop: p.name,
      column: p.fieldNames[0]!,
      json: p.type === "json" || p.columnTypes?.[0] === "jsonb",
    }));
}

/**
 * Inserts a whole ledger with multi-row INSERTs, in one transaction on `client` (the caller begins
 * and commits). Regions already present (a province or city shared with another county) are kept.
 */
export async function insertLedger(
  client: pg.PoolClient,
  orm: MikroORM,
  data: LedgerData,
  onProgress: (table: string, rows: number) => void = () => undefined,
): Promise<SeedCounts> {
  const counts: SeedCounts = {};
  const metadata = orm.getMetadata();
  for (const { table, rows } of ledgerRows(data)) {
    counts[table] = rows.length;
    if (rows.length === 0) continue;
    const meta = metadata.find(rows[0]!.constructor.name);
    if (!meta) throw new Error(`seed: no ORM metadata for ${rows[0]!.constructor.name}`);
    const cols = columnsOf(meta);
    const perStatement = Math.max(1, Math.floor(MAX_PARAMS / cols.length));
    const conflict = table === "region" ? " on conflict (code) do nothing" : "";
    for (let start = 0; start < rows.length; start += perStatement) {
      const chunk = rows.slice(start, start + perStatement);
      const params: unknown[] = [];
      const tuples = chunk.map((row) => {
        const record = row as unknown as Record<string, unknown>;
        const slots = cols.map((c) => {
          const v = record[c.prop];
          params.push(c.json ? JSON.stringify(v ?? null) : (v ?? null));
          return `$${params.length}${c.json ? "::jsonb" : ""}`;
        });
        return `(${slots.join(",")})`;
      });
      await client.query(
        `insert into "${table}" (${cols.map((c) => `"${c.column}"`).join(",")}) values ${tuples.join(",")}${conflict}`,
        params,
      );
    }
    onProgress(table, rows.length);
  }
  return counts;
}
