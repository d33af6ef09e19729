import type { BusinessEntity, EntityActivity } from "../../entities/business-entity.js";
import type { Fund, FundUse, FundUseCategory } from "../../funds/fund.js";
import type { Household } from "../../households/household.js";
import { idNumberCheckDigit } from "../../households/id-number.js";
import type { Income } from "../../households/income.js";
import type { Member } from "../../households/member.js";
import type { HouseholdIndustry, Industry, VillageIndustry } from "../../industries/industry.js";
import { createLedger, emptyLedgerData, type Ledger, type LedgerData } from "../../ledger/ledger.js";
import type { Linkage, LinkageYear } from "../../linkage/linkage.js";
import { PROJECT_STAGES, type Project, type ProjectStage } from "../../projects/project.js";
import type { Rectification } from "../../rectification/rectification.js";
import type { Region } from "../../regions/region.js";
import type { Responsibility } from "../../responsibility/responsibility.js";
import type { IsoDate } from "../../shared/dates.js";
import type { Subsidy } from "../../support/subsidy.js";
import type { TechnicalService } from "../../support/technical-service.js";
import { type AssessmentContext, createAssessmentContext } from "../context.js";
import { FINDING_DETECTORS } from "../detect-findings.js";
import type { FindingDetector } from "../findings/detector.js";
import type { AssessmentPolicy } from "../policy.js";
import type { Finding } from "../types.js";

// Small hand-built ledgers for the assessment's unit tests: one county, two towns, a few villages.

/** The instant the fixtures are assessed at: 2025-11-30 12:00 China time. */
export const FIXTURE_NOW = new Date("2025-11-30T04:00:00Z");
/** 大余县 */
export const COUNTY = "360723";
/** 南安镇 */
export const TOWN_A = "360723100";
/** 新城镇 */
export const TOWN_B = "360723101";
/** Villages of 南安镇. */
export const VILLAGES_A = ["360723100201", "360723100202", "360723100203", "360723100204"] as const;
/** Villages of 新城镇. */
export const VILLAGES_B = ["360723101201", "360723101202"] as const;

const VILLAGE_NAMES = ["新华村", "三江村", "杨梅村", "板鹅村", "新城村", "水南村"];

/** The fixture's regions: the county, two towns and their villages. */
export function fixtureRegions(): Region[] {
  const county: Region = {
    code: COUNTY,
    name: "大余县",
    level: "county",
    parentCode: "3607",
    isPoorVillage: false,
  };
  const towns: Region[] = [
    { code: TOWN_A, name: "南安镇", level: "township", parentCode: COUNTY, isPoorVillage: false },
    { code: TOWN_B, name: "新城镇", level: "township", parentCode: COUNTY, isPoorVillage: false },
  ];
  const villages: Region[] = [...VILLAGES_A, ...VILLAGES_B].map((code, i) => ({
    code,
    name: VILLAGE_NAMES[i]!,
    level: "village",
    parentCode: code.slice(0, 9),
    isPoorVillage: i % 2 === 0,
  }));
  return [county, ...towns, ...villages];
}

/** The fixture's industry catalogue: navel orange, beekeeping, vegetables. */
export const FIXTURE_INDUSTRIES: readonly Industry[] = [
  { id: "ind-orange", code: "navel_orange", name: "脐橙", category: "fruit", outcomeUnit: "亩" },
  { id: "ind-bee", code: "beekeeping", name: "养蜂", category: "beekeeping", outcomeUnit: "群" },
  { id: "ind-veg", code: "vegetables", name: "蔬菜", category: "vegetable", outcomeUnit: "亩" },
];

/** A registered household in a village, still in poverty, registered in 2016. */
export function household(id: string, villageCode: string, overrides: Partial<Household> = {}): Household {
  return {
    id,
    householdNumber: `${villageCode}${id.replace(/\W/g, "").slice(-4).padStart(4, "0")}`,
    villageCode,
    identificationStandard: "national",
    attribute: "ordinary",
    mainCause: "lack_of_funds",
    otherCauses: [],
    povertyStatus: "in_poverty",
    registeredYear: 2016,
    exitYear: null,
    phone: null,
    bankAccount: null,
    ...overrides,
  };
}

/** Households of a village, one per id (the same overrides for each). */
export function householdsIn(
  villageCode: string,
  ids: readonly string[],
  overrides: Partial<Household> = {},
): Household[] {
  return ids.map((id) => household(id, villageCode, overrides));
}

let memberSequence = 0;

/** A member with a valid ID number (sequence numbers make each unique within a test run). */
export function member(id: string, householdId: string, overrides: Partial<Member> = {}): Member {
  memberSequence += 1;
  const body = `36072319800101${String(memberSequence % 1000).padStart(3, "0")}`;
  return {
    id,
    householdId,
    name: "张三",
    idNumber: `${body}${idNumberCheckDigit(body)}`,
    relation: "head",
    ethnicity: "汉族",
    education: "junior",
    schoolStatus: "not_in_school",
    health: "healthy",
    labourAbility: "ordinary",
    migrantWorkMonths: 0,
    ...overrides,
  };
}

/** A business entity registered in a township or village, on navel oranges. */
export function entity(
  id: string,
  regionCode: string,
  overrides: Partial<BusinessEntity> = {},
): BusinessEntity {
  return {
    id,
    name: `${id}合作社`,
    kind: "cooperative",
    regionCode,
    creditCode: null,
    industryId: "ind-orange",
    establishedYear: 2018,
    ...overrides,
  };
}

/** A piece of activity evidence of an entity on a date. */
export function activity(id: string, entityId: string, date: IsoDate): EntityActivity {
  return { id, entityId, year: Number(date.slice(0, 4)), date, kind: "sales", amountFen: 100_000, note: "" };
}

/** A linkage of an entity and a household from a start year, open-ended unless overridden. */
export function linkage(
  id: string,
  entityId: string,
  householdId: string,
  startYear: number,
  overrides: Partial<Linkage> = {},
): Linkage {
  return {
    id,
    entityId,
    householdId,
    mode: "employment",
    industryId: null,
    startYear,
    endYear: null,
    signedDate: null,
    endDate: null,
    ...overrides,
  };
}

/** A linkage's year: took part, and received `receivedFen` (as wages); a negative amount means did not take part. */
export function linkageYear(linkageId: string, year: number, receivedFen: number): LinkageYear {
  return {
    id: `${linkageId}-${year}`,
    linkageId,
    year,
    tookPart: receivedFen >= 0,
    receivedFen: Math.max(receivedFen, 0),
    investedFen: null,
    monthsWorked: null,
    areaMu: null,
    paymentDates: [],
    benefitKind: receivedFen > 0 ? "wage" : null,
  };
}

/** Per year, a number per key (a household, a linkage): how the year tables of the records below are written. */
export type YearTable = Readonly<Record<number, Readonly<Record<string, number>>>>;

/** One record per year and key of a year table. */
function fromYearTable<T>(table: YearTable, make: (key: string, year: number, value: number) => T): T[] {
  return Object.entries(table).flatMap(([year, row]) =>
    Object.entries(row).map(([key, value]) => make(key, Number(year), value)),
  );
}

/** Linkage years from a table of what each linkage took per year (`linkageYear`'s amounts). */
export function linkageYearsFrom(table: YearTable): LinkageYear[] {
  return fromYearTable(table, linkageYear);
}

/** Incomes (`income`) from a table of each household's net income per year, ids `i-<household>-<year>`. */
export function incomesFrom(table: YearTable): Income[] {
  return fromYearTable(table, (householdId, year, fen) =>
    income(`i-${householdId}-${year}`, householdId, year, fen),
  );
}

/** What `entityScene` builds. */
export interface EntityScene {
  readonly households: Household[];
  readonly entities: BusinessEntity[];
  readonly linkages: Linkage[];
  readonly linkageYears: LinkageYear[];
}

/**
 * The usual set-up of a linkage test: households of a village (default the first of 南安镇), one entity
 * registered in 南安镇 (default `e1`), a linkage `l-<household>` from each household to it from
 * `startYear` (default 2024), and per year what each household took through it (`linkageYear`'s
 * amount: negative for "did not take part"; a household left out has no record that year).
 */
export function entityScene(options: {
  readonly households: readonly string[];
  readonly village?: string;
  readonly entityId?: string;
  readonly entity?: Partial<BusinessEntity>;
  readonly startYear?: number;
  readonly linkage?: Partial<Linkage>;
  readonly years?: YearTable;
}): EntityScene {
  const entityId = options.entityId ?? "e1";
  const start = options.startYear ?? 2024;
  return {
    households: householdsIn(options.village ?? VILLAGES_A[0], options.households),
    entities: [entity(entityId, TOWN_A, options.entity)],
    linkages: options.households.map((h) => linkage(`l-${h}`, entityId, h, start, options.linkage)),
    linkageYears: fromYearTable(options.years ?? {}, (h, year, fen) => linkageYear(`l-${h}`, year, fen)),
  };
}

/** A subsidy to a household on a date. */
export function subsidy(id: string, householdId: string, date: IsoDate, amountFen: number): Subsidy {
  return { id, householdId, date, kind: "subsidy", amountFen, industryId: null, fundId: null, purpose: "" };
}

/** A technical service visit on a date in a region, listing households. */
export function service(
  id: string,
  date: IsoDate,
  regionCode: string,
  householdIds: readonly string[],
): TechnicalService {
  return {
    id,
    kind: "visit",
    date,
    regionCode,
    industryId: null,
    householdIds: [...householdIds],
    content: "技术指导",
  };
}

/** A household's industry outcome in a year. */
export function householdIndustry(
  id: string,
  householdId: string,
  industryId: string,
  year: number,
  overrides: Partial<HouseholdIndustry> = {},
): HouseholdIndustry {
  return { id, householdId, industryId, year, unitsStarted: 10, unitsSurvived: 10, debtFen: 0, ...overrides };
}

/** A village's industry in a year, trialled and scaled up unless overridden. */
export function villageIndustry(
  id: string,
  villageCode: string,
  industryId: string,
  year: number,
  overrides: Partial<VillageIndustry> = {},
): VillageIndustry {
  return {
    id,
    villageCode,
    industryId,
    year,
    trialStatus: "trialled",
    trialYear: year - 1,
    scaledUp: true,
    scale: 100,
    ...overrides,
  };
}

/** A county fund of a year. */
export function fund(id: string, year: number, allocatedFen: number, overrides: Partial<Fund> = {}): Fund {
  return {
    id,
    name: `${year}年衔接资金${id}`,
    source: "central",
    year,
    regionCode: COUNTY,
    allocatedFen,
    ...overrides,
  };
}

/** A use of a fund. */
export function fundUse(
  id: string,
  fundId: string,
  year: number,
  category: FundUseCategory,
  amountFen: number,
  overrides: Partial<FundUse> = {},
): FundUse {
  return { id, fundId, year, category, amountFen, projectId: null, description: "", ...overrides };
}

/** A responsibility of a kind in a township from a date (open-ended unless `validTo`), for a person. */
function responsibility(
  id: string,
  kind: Responsibility["kind"],
  townshipCode: string,
  validity: { validFrom: IsoDate; validTo: IsoDate | null },
  subject: Partial<Pick<Responsibility, "householdId" | "villageCode" | "personName">> = {},
): Responsibility {
  return {
    id,
    kind,
    personName: "李四",
    personPhone: null,
    townshipCode,
    householdId: null,
    villageCode: null,
    ...validity,
    ...subject,
  };
}

/** A township's fixed responsible person from a date. */
export function townshipPerson(
  id: string,
  townshipCode: string,
  validFrom: IsoDate,
  validTo: IsoDate | null = null,
  personName = "李四",
): Responsibility {
  return responsibility(id, "township_fixed_person", townshipCode, { validFrom, validTo }, { personName });
}

/** A village's responsible person (村级主体责任) from a date. */
export function villagePerson(
  id: string,
  villageCode: string,
  validFrom: IsoDate,
  validTo: IsoDate | null = null,
  personName = "陈七",
): Responsibility {
  return responsibility(
    id,
    "village_responsible_person",
    villageCode.slice(0, 9),
    { validFrom, validTo },
    { villageCode, personName },
  );
}

/** A household's helper from a date. */
export function helper(
  id: string,
  householdId: string,
  townshipCode: string,
  validFrom: IsoDate,
  validTo: IsoDate | null = null,
): Responsibility {
  return responsibility(
    id,
    "household_helper",
    townshipCode,
    { validFrom, validTo },
    { householdId, personName: "王五" },
  );
}

/** A rectification found on a date with a deadline, open (no plan) unless overridden. */
export function rectification(
  id: string,
  townshipCode: string,
  foundDate: IsoDate,
  deadline: IsoDate,
  overrides: Partial<Rectification> = {},
): Rectification {
  return {
    id,
    townshipCode,
    problem: "产业扶贫台账不全",
    source: "inspection",
    findingCode: null,
    subjectId: null,
    foundDate,
    responsiblePerson: "赵六",
    deadline,
    status: "open",
    plan: null,
    closedDate: null,
    ...overrides,
  };
}

/** A timetable with one milestone, done on `doneDate` (or not yet). */
export function plan(dueDate: IsoDate, doneDate: IsoDate | null): NonNullable<Rectification["plan"]> {
  return {
    milestones: [{ id: "m1", title: "完成整改", due: dueDate, doneDate }],
    roadmap: "逐户核实，补齐台账",
  };
}

/** A rectification closed on `closed`, its plan's one milestone due `planDue` and done on `done`. */
export function closedRectification(
  id: string,
  townshipCode: string,
  dates: {
    readonly found: IsoDate;
    readonly deadline: IsoDate;
    readonly planDue: IsoDate;
    readonly done: IsoDate;
    readonly closed: IsoDate;
  },
): Rectification {
  return rectification(id, townshipCode, dates.found, dates.deadline, {
    status: "closed",
    plan: plan(dates.planDue, dates.done),
    closedDate: dates.closed,
  });
}

/** A project's dated stages from the day it reached each, in library order (`PROJECT_STAGES`). */
export function stagesOn(dates: Readonly<Partial<Record<ProjectStage, IsoDate>>>): Project["stages"] {
  return PROJECT_STAGES.flatMap((stage) => {
    const date = dates[stage];
    return date ? [{ stage, date }] : [];
  });
}

/** A project of a year in a region, at its application stage. */
export function project(
  id: string,
  year: number,
  regionCode: string,
  overrides: Partial<Project> = {},
): Project {
  return {
    id,
    name: `${year}年产业项目${id}`,
    year,
    regionCode,
    industryId: "ind-orange",
    entityId: null,
    fundingFen: {},
    beneficiaryHouseholdIds: [],
    linkageMode: null,
    performanceTarget: "",
    stages: [{ stage: "application", date: `${year}-03-01` }],
    ...overrides,
  };
}

/** An income record of a household for a year (all as wages, no costs). */
export function income(id: string, householdId: string, year: number, netFen: number): Income {
  return {
    id,
    householdId,
    year,
    wageFen: netFen,
    productionFen: 0,
    propertyFen: 0,
    transferFen: 0,
    productionCostFen: 0,
  };
}

/** Builds a fixture ledger from some records (the regions and industry catalogue are added); throws when invalid. */
export function buildLedger(records: Partial<LedgerData> = {}): Ledger {
  const data: LedgerData = {
    ...emptyLedgerData(COUNTY),
    regions: fixtureRegions(),
    industries: FIXTURE_INDUSTRIES,
    ...records,
  };
  const ledger = createLedger(data);
  if (!ledger.ok) throw new Error(ledger.error.message);
  return ledger.value;
}

/** The assessment context of a fixture ledger for a year, as of `FIXTURE_NOW` unless given. */
export function contextFor(
  ledger: Ledger,
  year: number,
  options: { now?: Date; policy?: Partial<AssessmentPolicy> } = {},
): AssessmentContext {
  return createAssessmentContext(ledger, {
    year,
    now: options.now ?? FIXTURE_NOW,
    ...(options.policy ? { policy: options.policy } : {}),
  });
}

/** Runs one detector over a fixture ledger and returns its findings; a judge of findings gets those of every rule over the ledger. */
export function runDetector(
  detector: FindingDetector,
  records: Partial<LedgerData>,
  year: number,
  options: { now?: Date; policy?: Partial<AssessmentPolicy> } = {},
): Finding[] {
  const ctx = contextFor(buildLedger(records), year, options);
  if (!detector.judgesFindings) return detector.detect(ctx, []);
  const found = Object.values(FINDING_DETECTORS)
    .filter((d) => !d.judgesFindings)
    .flatMap((d) => d.detect(ctx, []));
  return detector.detect(ctx, found);
}

/** The sorted subject ids of a detector's findings on a fixture ledger. */
export function subjectsFound(
  detector: FindingDetector,
  records: Partial<LedgerData>,
  year: number,
  options: { now?: Date; policy?: Partial<AssessmentPolicy> } = {},
): string[] {
  return runDetector(detector, records, year, options)
    .map((f) => f.subjectId)
    .sort();
}
