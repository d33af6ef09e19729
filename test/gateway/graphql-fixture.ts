import { idNumberCheckDigit } from "@fupin/domain";
import { type Database, LEDGER_TABLES, type LedgerTable } from "@fupin/gateway";

/** The county and two townships of the fixture, each with one village. */
export const COUNTY = "360723";
export const TOWN_A = "360723100";
export const TOWN_B = "360723101";
export const VILLAGE_A = "360723100201";
export const VILLAGE_B = "360723101201";
/** Households of township A (enough for two pages of 100). */
export const HOUSEHOLDS_A = 120;
/** Households of township B. */
export const HOUSEHOLDS_B = 3;

/** A valid ID number for person `n` (born 1980-01-01 in Dayu). */
export function idNumberOf(n: number): string {
  const first17 = `36072319800101${String(n).padStart(3, "0")}`.slice(0, 17);
  return `${first17}${idNumberCheckDigit(first17)}`;
}

function toParam(value: unknown): unknown {
  return value !== null && typeof value === "object" ? JSON.stringify(value) : value;
}

/** Inserts one ledger row with its county and region. */
export async function insertRow<T extends object>(
  pool: Database["pool"],
  spec: LedgerTable<T>,
  row: Partial<T>,
  regionCode: string,
): Promise<void> {
  // A record's own regionCode is the region_code column every table has.
  const fields = (Object.keys(row) as (keyof T & string)[]).filter((f) => spec.columns[f] !== "region_code");
  const columns = ["county_code", "region_code", ...fields.map((f) => spec.columns[f])];
  const values = [regionCode.slice(0, 6), regionCode, ...fields.map((f) => toParam(row[f]))];
  await pool.query(
    `INSERT INTO ${spec.table} (${columns.join(", ")}) VALUES (${values.map((_, i) => `$${i + 1}`).join(", ")})`,
    values,
  );
}

/** Ids in the fixture, for tests. */
export function householdId(town: "A" | "B", n: number): string {
  return `h-${town}-${String(n).padStart(3, "0")}`;
}

/** Loads the fixture: two townships with households, members and one of every other record each. */
export async function seedFixture(pool: Database["pool"]): Promise<void> {
  await insertRow(
    pool,
    LEDGER_TABLES.regions,
    { code: COUNTY, name: "大余县", level: "county", parentCode: null, isPoorVillage: false },
    COUNTY,
  );
  // A neighbouring county with one village, for a province key moving a household across counties.
  await insertRow(
    pool,
    LEDGER_TABLES.regions,
    { code: "360724", name: "邻县", level: "county", parentCode: null, isPoorVillage: false },
    "360724",
  );
  await insertRow(
    pool,
    LEDGER_TABLES.regions,
    { code: "360724100201", name: "邻县村", level: "village", parentCode: "360724100", isPoorVillage: false },
    "360724100201",
  );
  await insertRow(
    pool,
    LEDGER_TABLES.industries,
    { id: "ind-bee", code: "beekeeping", name: "养蜂", category: "beekeeping", outcomeUnit: "群" },
    COUNTY,
  );
  await insertRow(
    pool,
    LEDGER_TABLES.funds,
    {
      id: "fund-county",
      name: "县衔接资金",
      source: "county",
      year: 2024,
      regionCode: COUNTY,
      allocatedFen: 50_000_000_00,
    },
    COUNTY,
  );
  let person = 0;
  for (const [town, townCode, villageCode, count] of [
    ["A", TOWN_A, VILLAGE_A, HOUSEHOLDS_A],
    ["B", TOWN_B, VILLAGE_B, HOUSEHOLDS_B],
  ] as const) {
    await insertRow(
      pool,
      LEDGER_TABLES.regions,
      { code: townCode, name: `镇${town}`, level: "township", parentCode: COUNTY, isPoorVillage: false },
      townCode,
    );
    await insertRow(
      pool,
      LEDGER_TABLES.regions,
      { code: villageCode, name: `村${town}`, level: "village", parentCode: townCode, isPoorVillage: true },
      villageCode,
    );
    for (let n = 1; n <= count; n++) {
      const id = householdId(town, n);
      await insertRow(
        pool,
        LEDGER_TABLES.households,
        {
          id,
          householdNumber: `${villageCode}${String(n).padStart(4, "0")}`,
          villageCode,
          identificationStandard: "national",
          attribute: "ordinary",
          mainCause: "illness",
          otherCauses: [],
          povertyStatus: n % 2 === 0 ? "exited" : "in_poverty",
          registeredYear: 2016,
          exitYear: n % 2 === 0 ? 2019 : null,
          phone: "13812345678",
          bankAccount: "6217001234567890123",
        },
        villageCode,
      );
      for (const relation of ["head", "spouse"] as const) {
        person++;
        await insertRow(
          pool,
          LEDGER_TABLES.members,
          {
            id: `m-${town}-${person}`,
            householdId: id,
            name: relation === "head" ? `户主${town}${n}` : `配偶${town}${n}`,
            idNumber: idNumberOf(person),
            relation,
            ethnicity: "汉族",
            education: "junior",
            schoolStatus: "not_in_school",
            health: "healthy",
            labourAbility: "ordinary",
            migrantWorkMonths: 0,
          },
          villageCode,
        );
      }
    }
    const h1 = householdId(town, 1);
    await insertRow(
      pool,
      LEDGER_TABLES.incomes,
      {
        id: `inc-${town}`,
        householdId: h1,
        year: 2024,
        wageFen: 1_000_000,
        productionFen: 500_000,
        propertyFen: 0,
        transferFen: 100_000,
        productionCostFen: 200_000,
      },
      villageCode,
    );
    await insertRow(
      pool,
      LEDGER_TABLES.villageIndustries,
      {
        id: `vi-${town}`,
        villageCode,
        industryId: "ind-bee",
        year: 2024,
        trialStatus: "none",
        trialYear: null,
        scaledUp: true,
        scale: 100,
      },
      villageCode,
    );
    await insertRow(
      pool,
      LEDGER_TABLES.householdIndustries,
      {
        id: `hi-${town}`,
        householdId: h1,
        industryId: "ind-bee",
        year: 2024,
        unitsStarted: 10,
        unitsSurvived: 3,
        debtFen: 0,
      },
      villageCode,
    );
    await insertRow(
      pool,
      LEDGER_TABLES.entities,
      {
        id: `ent-${town}`,
        name: `合作社${town}`,
        kind: "cooperative",
        regionCode: townCode,
        creditCode: null,
        industryId: "ind-bee",
        establishedYear: 2018,
      },
      townCode,
    );
    await insertRow(
      pool,
      LEDGER_TABLES.entityActivities,
      {
        id: `act-${town}`,
        entityId: `ent-${town}`,
        year: 2023,
        date: "2023-05-01",
        kind: "sales",
        amountFen: 100_000,
        note: "",
      },
      townCode,
    );
    await insertRow(
      pool,
      LEDGER_TABLES.linkages,
      {
        id: `lk-${town}`,
        entityId: `ent-${town}`,
        householdId: h1,
        mode: "order_purchase",
        industryId: "ind-bee",
        startYear: 2023,
        endYear: null,
      },
      villageCode,
    );
    await insertRow(
      pool,
      LEDGER_TABLES.linkageYears,
      {
        id: `ly-${town}`,
        linkageId: `lk-${town}`,
        year: 2024,
        tookPart: true,
        receivedFen: 5_000,
        benefitKind: "cash",
      },
      villageCode,
    );
    await insertRow(
      pool,
      LEDGER_TABLES.funds,
      {
        id: `fund-${town}`,
        name: `镇${town}资金`,
        source: "county",
        year: 2024,
        regionCode: townCode,
        allocatedFen: 10_000_000,
      },
      townCode,
    );
    await insertRow(
      pool,
      LEDGER_TABLES.projects,
      {
        id: `prj-${town}`,
        name: `项目${town}`,
        year: 2024,
        regionCode: townCode,
        industryId: "ind-bee",
        entityId: `ent-${town}`,
        fundingFen: { county: 1_000_000 },
        beneficiaryHouseholdIds: [h1],
        linkageMode: "order_purchase",
        performanceTarget: "",
        stages: [{ stage: "application", date: "2024-01-10" }],
        currentStage: "application",
      },
      townCode,
    );
    await insertRow(
      pool,
      LEDGER_TABLES.fundUses,
      {
        id: `fu-${town}`,
        fundId: `fund-${town}`,
        year: 2024,
        category: "photovoltaic",
        amountFen: 2_000_000,
        projectId: `prj-${town}`,
        description: "",
      },
      townCode,
    );
    await insertRow(
      pool,
      LEDGER_TABLES.subsidies,
      {
        id: `sub-${town}`,
        householdId: h1,
        date: "2024-03-01",
        kind: "subsidy",
        amountFen: 20_000,
        industryId: "ind-bee",
        fundId: `fund-${town}`,
        purpose: "蜂箱",
      },
      villageCode,
    );
    await insertRow(
      pool,
      LEDGER_TABLES.services,
      {
        id: `svc-${town}`,
        kind: "visit",
        date: "2024-04-01",
        regionCode: villageCode,
        industryId: "ind-bee",
        householdIds: [h1],
        content: "养蜂技术",
      },
      villageCode,
    );
    await insertRow(
      pool,
      LEDGER_TABLES.responsibilities,
      {
        id: `resp-${town}`,
        kind: "household_helper",
        personName: `帮扶人${town}`,
        personPhone: "13900001111",
        townshipCode: townCode,
        householdId: h1,
        validFrom: "2020-01-01",
        validTo: null,
      },
      villageCode,
    );
    await insertRow(
      pool,
      LEDGER_TABLES.responsibilities,
      {
        id: `resp-v-${town}`,
        kind: "village_responsible_person",
        personName: `村负责人${town}`,
        personPhone: null,
        townshipCode: townCode,
        householdId: null,
        villageCode,
        validFrom: "2023-01-01",
        validTo: null,
      },
      villageCode,
    );
    await insertRow(
      pool,
      LEDGER_TABLES.rectifications,
      {
        id: `rect-${town}`,
        townshipCode: townCode,
        problem: "蜂群存活率低",
        source: "inspection",
        findingCode: "OUTCOME.LOW_SURVIVAL",
        subjectId: h1,
        foundDate: "2024-02-01",
        responsiblePerson: `负责人${town}`,
        deadline: "2024-03-01",
        status: "open",
        plan: null,
        closedDate: null,
      },
      townCode,
    );
    if (town === "B") {
      // A household of township A linked to township B's entity, and B's project naming A's household:
      // references across townships that scope must cut on every path.
      await insertRow(
        pool,
        LEDGER_TABLES.linkages,
        {
          id: "lk-cross",
          entityId: "ent-B",
          householdId: householdId("A", 2),
          mode: "employment",
          industryId: null,
          startYear: 2024,
          endYear: null,
        },
        VILLAGE_A,
      );
      await insertRow(
        pool,
        LEDGER_TABLES.subsidies,
        {
          id: "sub-cross",
          householdId: householdId("A", 2),
          date: "2024-06-01",
          kind: "award",
          amountFen: 30_000,
          industryId: null,
          fundId: "fund-B",
          purpose: "",
        },
        VILLAGE_A,
      );
      await pool.query(`UPDATE project SET beneficiary_household_ids = $1::jsonb WHERE id = 'prj-B'`, [
        JSON.stringify([householdId("B", 1), householdId("A", 3)]),
      ]);
    }
    await insertRow(
      pool,
      LEDGER_TABLES.monitorings,
      {
        id: `mon-${town}`,
        householdId: h1,
        category: "marginal",
        riskType: "illness",
        identifiedDate: "2024-01-05",
        removedDate: null,
      },
      villageCode,
    );
    await insertRow(
      pool,
      LEDGER_TABLES.credits,
      {
        id: `cr-${town}`,
        householdId: h1,
        kind: "microcredit",
        amountFen: 5_000_000,
        entityId: `ent-${town}`,
        industryId: "ind-bee",
        fundId: null,
        placedDate: "2023-04-01",
        dueDate: "2026-04-01",
        lender: "农商银行",
      },
      villageCode,
    );
    await insertRow(
      pool,
      LEDGER_TABLES.creditReturns,
      { id: `crr-${town}`, creditId: `cr-${town}`, date: "2024-04-01", kind: "dividend", amountFen: 300_000 },
      villageCode,
    );
    await insertRow(
      pool,
      LEDGER_TABLES.disbursements,
      {
        id: `dis-${town}`,
        fundId: `fund-${town}`,
        projectId: `prj-${town}`,
        date: "2024-02-01",
        amountFen: 1_000_000,
        payee: "",
      },
      townCode,
    );
  }
}
