import type {
  BusinessEntity,
  EntityActivity,
  Fund,
  FundUse,
  Household,
  HouseholdIndustry,
  Income,
  Industry,
  Linkage,
  LinkageYear,
  Member,
  Monitoring,
  Project,
  ProjectStage,
  Rectification,
  Region,
  Responsibility,
  Subsidy,
  TechnicalService,
  VillageIndustry,
} from "@fupin/domain";

/** How a table is scoped: by the row's region (most tables) or county-wide (the industry catalogue). */
export type TableScope = "region" | "county";

/** A ledger table read as plain rows shaped like a domain record: each field selected from its column. */
export interface TableSpec<T> {
  readonly table: string;
  /** The domain entity type name used in audit entries and error messages. */
  readonly entityType: string;
  readonly key: keyof T & string;
  readonly scope: TableScope;
  readonly columns: { readonly [K in keyof T & string]: string };
  /** `column AS "field", …` of every column, computed once. */
  readonly select: string;
  /** GraphQL fields that are not columns, with the row fields they read (relations, computed values). */
  readonly derived: Readonly<Record<string, readonly string[]>>;
  /** The select list of some row fields (memoised). */
  selectOf(fields: readonly string[] | null): string;
}

function snake(field: string): string {
  return field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

function selectList(fields: readonly string[]): string {
  return fields.map((f) => (snake(f) === f ? f : `${snake(f)} AS "${f}"`)).join(", ");
}

function defineTable<T>(
  table: string,
  entityType: string,
  fields: readonly (keyof T & string)[],
  options: {
    key?: keyof T & string;
    scope?: TableScope;
    derived?: Readonly<Record<string, readonly (keyof T & string)[]>>;
  } = {},
): TableSpec<T> {
  const columns = Object.fromEntries(fields.map((f) => [f, snake(f)])) as {
    readonly [K in keyof T & string]: string;
  };
  const select = selectList(fields);
  const memo = new Map<string, string>();
  return {
    table,
    entityType,
    key: options.key ?? ("id" as keyof T & string),
    scope: options.scope ?? "region",
    columns,
    select,
    derived: options.derived ?? {},
    selectOf(wanted) {
      if (wanted === null) return select;
      const ordered = fields.filter((f) => wanted.includes(f));
      const key = ordered.join(",");
      let text = memo.get(key);
      if (text === undefined) {
        text = selectList(ordered);
        memo.set(key, text);
      }
      return text;
    },
  };
}

/** A region row (行政区划). */
export type RegionRow = Region;

/** Project row: the domain project plus its current stage column. */
export type ProjectRow = Project & { readonly currentStage: ProjectStage };

/** Every ledger table the gateway reads. */
export const TABLES = {
  region: defineTable<RegionRow>(
    "region",
    "region",
    ["code", "name", "level", "parentCode", "isPoorVillage"],
    { key: "code", derived: { parent: ["parentCode"] } },
  ),
  household: defineTable<Household>(
    "household",
    "household",
    [
      "id",
      "householdNumber",
      "villageCode",
      "identificationStandard",
      "attribute",
      "mainCause",
      "otherCauses",
      "povertyStatus",
      "registeredYear",
      "exitYear",
      "phone",
      "bankAccount",
    ],
    {
      derived: {
        village: ["villageCode"],
        members: [],
        incomes: [],
        industries: [],
        linkages: [],
        subsidies: [],
        monitorings: [],
        helpers: [],
      },
    },
  ),
  member: defineTable<Member>(
    "member",
    "member",
    [
      "id",
      "householdId",
      "name",
      "idNumber",
      "relation",
      "ethnicity",
      "education",
      "schoolStatus",
      "health",
      "labourAbility",
      "migrantWorkMonths",
    ],
    { derived: { household: ["householdId"] } },
  ),
  income: defineTable<Income>(
    "income",
    "income",
    [
      "id",
      "householdId",
      "year",
      "wageFen",
      "productionFen",
      "propertyFen",
      "transferFen",
      "productionCostFen",
    ],
    {
      derived: {
        household: ["householdId"],
        netFen: ["wageFen", "productionFen", "propertyFen", "transferFen", "productionCostFen"],
      },
    },
  ),
  industry: defineTable<Industry>("industry", "industry", ["id", "code", "name", "category", "outcomeUnit"], {
    scope: "county",
  }),
  villageIndustry: defineTable<VillageIndustry>(
    "village_industry",
    "village_industry",
    ["id", "villageCode", "industryId", "year", "trialStatus", "trialYear", "scaledUp", "scale"],
    { derived: { village: ["villageCode"], industry: ["industryId"] } },
  ),
  householdIndustry: defineTable<HouseholdIndustry>(
    "household_industry",
    "household_industry",
    ["id", "householdId", "industryId", "year", "unitsStarted", "unitsSurvived", "debtFen"],
    { derived: { household: ["householdId"], industry: ["industryId"] } },
  ),
  entity: defineTable<BusinessEntity>(
    "business_entity",
    "business_entity",
    ["id", "name", "kind", "regionCode", "creditCode", "industryId", "establishedYear"],
    { derived: { region: ["regionCode"], industry: ["industryId"], activities: [], linkages: [] } },
  ),
  entityActivity: defineTable<EntityActivity>(
    "entity_activity",
    "entity_activity",
    ["id", "entityId", "year", "date", "kind", "amountFen", "note"],
    { derived: { entity: ["entityId"] } },
  ),
  linkage: defineTable<Linkage>(
    "linkage",
    "linkage",
    ["id", "entityId", "householdId", "mode", "industryId", "startYear", "endYear"],
    { derived: { entity: ["entityId"], household: ["householdId"], industry: ["industryId"], years: [] } },
  ),
  linkageYear: defineTable<LinkageYear>(
    "linkage_year",
    "linkage_year",
    ["id", "linkageId", "year", "tookPart", "receivedFen", "benefitKind"],
    { derived: { linkage: ["linkageId"] } },
  ),
  subsidy: defineTable<Subsidy>(
    "subsidy",
    "subsidy",
    ["id", "householdId", "date", "kind", "amountFen", "industryId", "fundId", "purpose"],
    { derived: { household: ["householdId"], industry: ["industryId"], fund: ["fundId"] } },
  ),
  technicalService: defineTable<TechnicalService>(
    "technical_service",
    "technical_service",
    ["id", "kind", "date", "regionCode", "industryId", "householdIds", "content"],
    { derived: { region: ["regionCode"], industry: ["industryId"], households: ["householdIds"] } },
  ),
  fund: defineTable<Fund>("fund", "fund", ["id", "name", "source", "year", "regionCode", "allocatedFen"], {
    derived: { uses: [] },
  }),
  fundUse: defineTable<FundUse>(
    "fund_use",
    "fund_use",
    ["id", "fundId", "year", "category", "amountFen", "projectId", "description"],
    { derived: { fund: ["fundId"], project: ["projectId"] } },
  ),
  project: defineTable<ProjectRow>(
    "project",
    "project",
    [
      "id",
      "name",
      "year",
      "regionCode",
      "industryId",
      "entityId",
      "fundingFen",
      "beneficiaryHouseholdIds",
      "linkageMode",
      "performanceTarget",
      "stages",
      "currentStage",
    ],
    {
      derived: {
        region: ["regionCode"],
        industry: ["industryId"],
        entity: ["entityId"],
        funding: ["fundingFen"],
        totalFundingFen: ["fundingFen"],
        beneficiaryHouseholds: ["beneficiaryHouseholdIds"],
        fundUses: [],
      },
    },
  ),
  responsibility: defineTable<Responsibility>(
    "responsibility",
    "responsibility",
    ["id", "kind", "personName", "personPhone", "townshipCode", "householdId", "validFrom", "validTo"],
    { derived: { township: ["townshipCode"], household: ["householdId"] } },
  ),
  rectification: defineTable<Rectification>(
    "rectification",
    "rectification",
    [
      "id",
      "townshipCode",
      "problem",
      "source",
      "findingCode",
      "subjectId",
      "foundDate",
      "responsiblePerson",
      "deadline",
      "status",
      "plan",
      "closedDate",
    ],
    { derived: { township: ["townshipCode"] } },
  ),
  monitoring: defineTable<Monitoring>(
    "monitoring",
    "monitoring",
    ["id", "householdId", "category", "riskType", "identifiedDate", "removedDate"],
    { derived: { household: ["householdId"] } },
  ),
} as const;
