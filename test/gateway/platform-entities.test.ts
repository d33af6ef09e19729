import type { LedgerData } from "@fupin/domain";
import { generateSyntheticCounty } from "@fupin/domain/synthetic";
import {
  BusinessEntityEntity,
  businessEntityMapper,
  EntityActivityEntity,
  entityActivityMapper,
  FundEntity,
  FundUseEntity,
  fundMapper,
  fundUseMapper,
  HouseholdEntity,
  HouseholdIndustryEntity,
  householdIndustryMapper,
  householdMapper,
  IncomeEntity,
  IndustryEntity,
  incomeMapper,
  industryMapper,
  LinkageEntity,
  LinkageYearEntity,
  linkageMapper,
  linkageYearMapper,
  MemberEntity,
  MonitoringEntity,
  memberMapper,
  monitoringMapper,
  ProjectEntity,
  projectMapper,
  RectificationEntity,
  RegionEntity,
  ResponsibilityEntity,
  rectificationMapper,
  regionMapper,
  responsibilityMapper,
  SubsidyEntity,
  seedSyntheticCounty,
  subsidyMapper,
  TechnicalServiceEntity,
  technicalServiceMapper,
  VillageIndustryEntity,
  villageIndustryMapper,
} from "@fupin/gateway";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/database.js";

const OPTIONS = { seed: 7, referenceYear: 2026, households: 60 } as const;

let db: TestDatabase;
let ledger: LedgerData;
beforeAll(async () => {
  db = await createTestDatabase();
  ledger = generateSyntheticCounty(OPTIONS).ledger;
  await seedSyntheticCounty(db.pool, db.orm, OPTIONS);
});
afterAll(async () => {
  await db?.close();
});

interface TableCase {
  readonly name: string;
  readonly key: keyof LedgerData;
  load(): Promise<unknown[]>;
}

function table<E extends object>(
  name: string,
  cls: new () => E,
  mapper: { toDomain(e: E): unknown },
  key: keyof LedgerData,
): TableCase {
  return {
    name,
    key,
    async load() {
      const rows = await db.orm.em.fork().find(cls, {});
      return rows.map((r) => mapper.toDomain(r as E));
    },
  };
}

const TABLES: readonly TableCase[] = [
  table("region", RegionEntity, regionMapper, "regions"),
  table("industry", IndustryEntity, industryMapper, "industries"),
  table("household", HouseholdEntity, householdMapper, "households"),
  table("member", MemberEntity, memberMapper, "members"),
  table("income", IncomeEntity, incomeMapper, "incomes"),
  table("village_industry", VillageIndustryEntity, villageIndustryMapper, "villageIndustries"),
  table("household_industry", HouseholdIndustryEntity, householdIndustryMapper, "householdIndustries"),
  table("business_entity", BusinessEntityEntity, businessEntityMapper, "entities"),
  table("entity_activity", EntityActivityEntity, entityActivityMapper, "entityActivities"),
  table("linkage", LinkageEntity, linkageMapper, "linkages"),
  table("linkage_year", LinkageYearEntity, linkageYearMapper, "linkageYears"),
  table("fund", FundEntity, fundMapper, "funds"),
  table("fund_use", FundUseEntity, fundUseMapper, "fundUses"),
  table("project", ProjectEntity, projectMapper, "projects"),
  table("subsidy", SubsidyEntity, subsidyMapper, "subsidies"),
  table("technical_service", TechnicalServiceEntity, technicalServiceMapper, "services"),
  table("responsibility", ResponsibilityEntity, responsibilityMapper, "responsibilities"),
  table("rectification", RectificationEntity, rectificationMapper, "rectifications"),
  table("monitoring", MonitoringEntity, monitoringMapper, "monitorings"),
];

describe("ORM entities", () => {
  it.each(TABLES.map((t) => [t.name, t] as const))(
    "%s rows read through the ORM map back to the generated domain records",
    async (_name, t) => {
      const domain = (await t.load()) as { id?: string; code?: string }[];
      const records = ledger[t.key] as readonly { id?: string; code?: string }[];
      expect(domain.length).toBe(records.length);
      const byKey = new Map(records.map((r) => [r.id ?? r.code, r]));
      for (const d of domain) expect(d).toEqual(byKey.get(d.id ?? d.code));
    },
  );

  it("writes through the unit of work: an update bumps the version, an insert lands at its location", async () => {
    const em = db.orm.em.fork();
    const household = await em.findOneOrFail(HouseholdEntity, { id: ledger.households[0]!.id });
    expect(household.version).toBe(1);
    household.phone = "13912345678";
    await em.flush();
    const row = await db.pool.query<{ phone: string; version: number }>(
      "select phone, version from household where id = $1",
      [household.id],
    );
    expect(row.rows[0]).toEqual({ phone: "13912345678", version: 2 });

    const head = ledger.members.find((m) => m.householdId === household.id)!;
    const member = memberMapper.toEntity(
      { ...head, id: "mem-new-1", idNumber: "11010519491231002X", name: "测试", relation: "other" },
      { countyCode: household.countyCode, regionCode: household.villageCode },
    );
    em.persist(member);
    await em.flush();
    const inserted = await db.pool.query<{ region_code: string; county_code: string }>(
      "select region_code, county_code from member where id = 'mem-new-1'",
    );
    expect(inserted.rows[0]).toEqual({ region_code: household.villageCode, county_code: "360723" });
  });
});
