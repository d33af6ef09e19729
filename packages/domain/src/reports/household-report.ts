import type { HouseholdAttribute, PovertyCause, PovertyStatus } from "../households/household.js";
import { netIncomeFen, perCapitaNetIncomeFen } from "../households/income.js";
import type { Member } from "../households/member.js";
import type { LedgerData } from "../ledger/ledger.js";
import { type LinkageMode, linkageCoversYear } from "../linkage/linkage.js";
import { isResponsibilityCurrent } from "../responsibility/responsibility.js";
import type { IsoDate } from "../shared/dates.js";
import type { Fen } from "../shared/money.js";
import { isInRegion, type ReportOptions, reportAsOf } from "./as-of.js";
import type { ReportHeader, ReportPeriod } from "./period.js";

/** One subsidy of the year on a household row of report 1 (产业帮扶). */
export interface SubsidyLine {
  readonly subsidyId: string;
  readonly date: IsoDate;
  readonly amountFen: Fen;
  readonly industryId: string | null;
  readonly fundId: string | null;
}

/** One linkage of the year on a household row of report 1 (利益联结). */
export interface LinkageLine {
  readonly linkageId: string;
  readonly linkageYearId: string | null;
  readonly entityId: string;
  readonly entityName: string;
  readonly creditCode: string | null;
  readonly mode: LinkageMode;
  readonly tookPart: boolean;
  readonly receivedFen: Fen;
  readonly benefitKind: string | null;
}

/** A household's income components for the year, in fen. */
export interface IncomeLine {
  readonly incomeId: string;
  readonly wageFen: Fen;
  readonly productionFen: Fen;
  readonly propertyFen: Fen;
  readonly transferFen: Fen;
  readonly productionCostFen: Fen;
  readonly netFen: Fen;
  readonly perCapitaNetFen: Fen;
}

/** A household row of report 1 (省扶贫系统): the roster's household fields plus the year's support. */
export interface HouseholdReportRow {
  readonly householdId: string;
  readonly householdNumber: string;
  readonly townshipCode: string;
  readonly villageCode: string;
  readonly headName: string | null;
  readonly size: number;
  readonly attribute: HouseholdAttribute;
  readonly mainCause: PovertyCause;
  readonly povertyStatus: PovertyStatus;
  readonly registeredYear: number;
  readonly exitYear: number | null;
  readonly phone: string | null;
  readonly monitoringCategory: string | null;
  readonly riskIdentifiedDate: IsoDate | null;
  readonly riskRemovedDate: IsoDate | null;
  readonly helper: { readonly name: string; readonly phone: string | null } | null;
  readonly subsidies: readonly SubsidyLine[];
  readonly linkages: readonly LinkageLine[];
  readonly projectIds: readonly string[];
  readonly income: IncomeLine | null;
}

/** A person row of report 1 (人口名单): one per member, with the household's number. */
export interface PersonReportRow {
  readonly memberId: string;
  readonly householdId: string;
  readonly householdNumber: string;
  readonly townshipCode: string;
  readonly villageCode: string;
  readonly member: Member;
}

/** Report 1 (省扶贫系统): household and person level for a region, a period, as of a date. */
export interface HouseholdReport extends ReportHeader<"province-households"> {
  readonly households: readonly HouseholdReportRow[];
  readonly persons: readonly PersonReportRow[];
}

type Index = ReturnType<typeof indexForHouseholds>;

function indexForHouseholds(data: LedgerData, year: number, asOf: IsoDate) {
  const group = <T, K>(items: readonly T[], key: (t: T) => K) => {
    const map = new Map<K, T[]>();
    for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), item]);
    return map;
  };
  const linkageYears = new Map(data.linkageYears.filter((y) => y.year === year).map((y) => [y.linkageId, y]));
  const projectsByHousehold = new Map<string, string[]>();
  for (const p of data.projects) {
    if (p.year > year || p.stages[0]!.date > asOf) continue;
    for (const h of p.beneficiaryHouseholdIds)
      projectsByHousehold.set(h, [...(projectsByHousehold.get(h) ?? []), p.id]);
  }
  return {
    members: group(data.members, (m) => m.householdId),
    subsidies: group(
      data.subsidies.filter((s) => Number(s.date.slice(0, 4)) === year && s.date <= asOf),
      (s) => s.householdId,
    ),
    linkages: group(
      data.linkages.filter((l) => linkageCoversYear(l, year)),
      (l) => l.householdId,
    ),
    linkageYears,
    entities: new Map(data.entities.map((e) => [e.id, e])),
    incomes: new Map(data.incomes.filter((i) => i.year === year).map((i) => [i.householdId, i])),
    helpers: new Map(
      data.responsibilities
        .filter((r) => r.kind === "household_helper" && isResponsibilityCurrent(r, asOf))
        .map((r) => [r.householdId, r]),
    ),
    monitorings: group(
      data.monitorings.filter((m) => m.identifiedDate <= asOf),
      (m) => m.householdId,
    ),
    projectsByHousehold,
  };
}

function linkageLines(index: Index, householdId: string): LinkageLine[] {
  return (index.linkages.get(householdId) ?? []).map((l) => {
    const y = index.linkageYears.get(l.id);
    const entity = index.entities.get(l.entityId);
    return {
      linkageId: l.id,
      linkageYearId: y?.id ?? null,
      entityId: l.entityId,
      entityName: entity?.name ?? "",
      creditCode: entity?.creditCode ?? null,
      mode: l.mode,
      tookPart: y?.tookPart ?? false,
      receivedFen: y?.receivedFen ?? 0,
      benefitKind: y?.benefitKind ?? null,
    };
  });
}

function householdRow(index: Index, h: LedgerData["households"][number], asOf: IsoDate) {
  const members = index.members.get(h.id) ?? [];
  const income = index.incomes.get(h.id);
  const monitoring = (index.monitorings.get(h.id) ?? [])
    .sort((a, b) => a.identifiedDate.localeCompare(b.identifiedDate))
    .at(-1);
  const helper = index.helpers.get(h.id);
  const removed = monitoring?.removedDate ?? null;
  return {
    householdId: h.id,
    householdNumber: h.householdNumber,
    townshipCode: h.villageCode.slice(0, 9),
    villageCode: h.villageCode,
    headName: members.find((m) => m.relation === "head")?.name ?? null,
    size: members.length,
    attribute: h.attribute,
    mainCause: h.mainCause,
    povertyStatus: h.povertyStatus,
    registeredYear: h.registeredYear,
    exitYear: h.exitYear,
    phone: h.phone,
    monitoringCategory: monitoring?.category ?? null,
    riskIdentifiedDate: monitoring?.identifiedDate ?? null,
    riskRemovedDate: removed !== null && removed <= asOf ? removed : null,
    helper: helper ? { name: helper.personName, phone: helper.personPhone } : null,
    subsidies: (index.subsidies.get(h.id) ?? []).map((s) => ({
      subsidyId: s.id,
      date: s.date,
      amountFen: s.amountFen,
      industryId: s.industryId,
      fundId: s.fundId,
    })),
    linkages: linkageLines(index, h.id),
    projectIds: index.projectsByHousehold.get(h.id) ?? [],
    income: income
      ? {
          incomeId: income.id,
          wageFen: income.wageFen,
          productionFen: income.productionFen,
          propertyFen: income.propertyFen,
          transferFen: income.transferFen,
          productionCostFen: income.productionCostFen,
          netFen: netIncomeFen(income),
          perCapitaNetFen: perCapitaNetIncomeFen(income, Math.max(members.length, 1)),
        }
      : null,
  } satisfies HouseholdReportRow;
}

/**
 * Report 1 (省扶贫系统) for a region and period: every household registered by the period's year
 * with its members, the year's subsidies dated up to the as-of date, its linkages covering the year
 * (with what was received), the projects it benefits from, and its income components.
 */
export function buildHouseholdReport(
  data: LedgerData,
  regionCode: string,
  period: ReportPeriod,
  options: ReportOptions = {},
): HouseholdReport {
  const asOf = reportAsOf(period, options.asOf);
  const index = indexForHouseholds(data, period.year, asOf);
  const households = data.households
    .filter((h) => isInRegion(h.villageCode, regionCode) && h.registeredYear <= period.year)
    .sort((a, b) => a.householdNumber.localeCompare(b.householdNumber));
  const rows = households.map((h) => householdRow(index, h, asOf));
  const persons = households.flatMap((h) =>
    (index.members.get(h.id) ?? []).map((m) => ({
      memberId: m.id,
      householdId: h.id,
      householdNumber: h.householdNumber,
      townshipCode: h.villageCode.slice(0, 9),
      villageCode: h.villageCode,
      member: m,
    })),
  );
  return { profile: "province-households", regionCode, period, asOf, households: rows, persons };
}
