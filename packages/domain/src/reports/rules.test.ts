import { describe, expect, it } from "vitest";
import {
  buildLedger,
  fund,
  income,
  linkage,
  linkageYear,
  TOWN_A,
  TOWN_B,
} from "../assessment/testing/fixtures.js";
import type { LedgerData } from "../ledger/ledger.js";
import type { RuleContext, RuleViolation } from "./consistency.js";
import type { ReportPeriod } from "./period.js";
import { buildReportSet, type ReportSet, reportRuleContext } from "./report-set.js";
import { blocksReport, CONSISTENCY_RULES, checkReportConsistency, ruleReports } from "./rules.js";
import { cleanRecords } from "./testing/clean-county.js";

const YEAR: ReportPeriod = { kind: "year", year: 2025 };
const MARCH: ReportPeriod = { kind: "month", year: 2025, month: 3 };

function check(
  records: Partial<LedgerData>,
  period: ReportPeriod,
  edit?: (s: ReportSet) => void,
  extra: Partial<RuleContext> = {},
) {
  const ledger = buildLedger(records);
  const set = structuredClone(buildReportSet(ledger, "360723", period));
  edit?.(set);
  return checkReportConsistency(reportRuleContext(ledger, set, extra));
}

const codes = (vs: readonly RuleViolation[]) => [...new Set(vs.map((v) => v.code))].sort();
// biome-ignore lint/suspicious/noExplicitAny: tests edit frozen report rows to plant one inconsistency
const mutable = (x: unknown) => x as any;

describe("consistency rules R1–R8", () => {
  it("a clean county breaks no rule, for a year and for a month", () => {
    expect(check(cleanRecords(), YEAR)).toEqual([]);
    expect(check(cleanRecords(), MARCH)).toEqual([]);
  });

  it("declares every rule of DOMAIN.md with a unique code", () => {
    const groups = new Set(CONSISTENCY_RULES.map((r) => r.group));
    expect([...groups].sort()).toEqual(["R1", "R2", "R3", "R4", "R5", "R6", "R7", "R8"]);
    expect(new Set(CONSISTENCY_RULES.map((r) => r.code)).size).toBe(CONSISTENCY_RULES.length);
  });

  it("R1: a household missing from report 1 breaks the township's count, naming both rows", () => {
    const found = check(cleanRecords(), YEAR, (s) => {
      mutable(s.households).households = s.households.households.filter((h) => h.householdId !== "h2");
    });
    const v = found.find((x) => x.code === "R1.HOUSEHOLDS")!;
    expect(v).toMatchObject({ scopeKey: TOWN_A, left: { value: 1 }, right: { value: 2 } });
    expect(v.left.refs.map((r) => r.recordIds[0])).toEqual(["h1"]);
    expect(v.right.refs).toEqual([{ source: "city-campaign", row: `${TOWN_A}|12`, recordIds: [] }]);
    expect(codes(found)).toContain("R1.PERSONS");
  });

  it("R2: a beneficiary without the project's linkage, and one whose row does not show the project", () => {
    const records = cleanRecords();
    const found = check({ ...records, linkages: [], linkageYears: [] }, YEAR);
    const v = found.find((x) => x.code === "R2.BENEFICIARY_LINKAGE")!;
    expect(v.scopeKey).toBe(`p1|${records.households![0]!.householdNumber}`);
    expect(v.right).toMatchObject({ value: 0, refs: [{ source: "province-households", recordIds: ["h1"] }] });
    const hidden = check(cleanRecords(), YEAR, (s) => {
      mutable(s.households.households[0]).projectIds = [];
    });
    expect(codes(hidden)).toEqual(["R2.BENEFICIARY_IN_REPORT_1"]);
  });

  // Bug guarded: a township's report set counted a beneficiary employed from the next township as
  // missing from its report 1 (the household's row is in its own township's report 1).
  it("R2: a township's report set judges only its own beneficiaries; the county's judges every one", () => {
    const records = cleanRecords();
    const h3 = records.households![2]!;
    const employed: Partial<LedgerData> = {
      ...records,
      linkages: [...records.linkages!, linkage("l3", "e1", "h3", 2024)],
      linkageYears: [...records.linkageYears!, { ...linkageYear("ly3", 2025, 300_000), linkageId: "l3" }],
      incomes: [...records.incomes!, income("i3", "h3", 2025, 1_000_000)],
      projects: records.projects!.map((p) => ({ ...p, beneficiaryHouseholdIds: ["h1", "h3"] })),
    };
    const inTown = (data: Partial<LedgerData>, region: string) => {
      const ledger = buildLedger(data);
      return checkReportConsistency(reportRuleContext(ledger, buildReportSet(ledger, region, YEAR)));
    };
    expect(inTown(employed, TOWN_A).filter((v) => v.code.startsWith("R2"))).toEqual([]);
    expect(check(employed, YEAR).filter((v) => v.code.startsWith("R2"))).toEqual([]);
    // without the linkage, the county's set sees it; the township's set still does not own the row
    const unlinked = { ...employed, linkages: records.linkages!, linkageYears: records.linkageYears! };
    const county = check(unlinked, YEAR).filter((v) => v.code === "R2.BENEFICIARY_LINKAGE");
    expect(county.map((v) => v.scopeKey)).toEqual([`p1|${h3.householdNumber}`]);
    expect(inTown(unlinked, TOWN_A).filter((v) => v.code.startsWith("R2"))).toEqual([]);
  });

  it("R3: disbursed beyond plan, a fund's allocation exceeded, report 3 disagreeing with report 2", () => {
    const records = cleanRecords();
    const over = check({ ...records, funds: [fund("f1", 2025, 2_040_000)] }, YEAR);
    const v = over.find((x) => x.code === "R3.FUND_ALLOCATION")!;
    expect(v).toMatchObject({ scopeKey: "f1", left: { value: 2_050_000 }, right: { value: 2_040_000 } });
    expect(v.left.refs.flatMap((r) => r.recordIds).sort()).toEqual(["s1", "u1"]);
    const beyond = check(
      { ...records, projects: [{ ...records.projects![0]!, fundingFen: { central: 1_000_000 } }] },
      YEAR,
    );
    expect(codes(beyond)).toEqual(["R3.DISBURSED_WITHIN_PLAN", "R3.SOURCES_MATCH_FUND_USES"]);
    const disagree = check(records, YEAR, (s) => {
      const row = s.campaign.rows.find((r) => r.regionCode === TOWN_A && r.month === 12)!;
      mutable(row.figures).disbursedFenCum = 1;
    });
    expect(codes(disagree)).toContain("R3.DISBURSED_AGREES");
  });

  it("R4: report 3's subsidies to month end against report 1's dated subsidies", () => {
    const found = check(cleanRecords(), MARCH, (s) => {
      mutable(s.households.households.find((h) => h.householdId === "h3")).subsidies = [];
    });
    const keys = found
      .filter((v) => v.code === "R4.SUBSIDY_AMOUNT")
      .map((v) => [v.scopeKey, v.left.value, v.right.value]);
    expect(keys).toEqual([[`${TOWN_B}|03`, 80_000, 0]]);
    expect(codes(found)).toEqual(["R4.SUBSIDY_AMOUNT", "R4.SUBSIDY_HOUSEHOLDS"]);
  });

  it("R5: wages below the employment pay received, property income below dividends and rent", () => {
    const records = cleanRecords();
    const low = { ...records, incomes: [{ ...income("i1", "h1", 2025, 100_000) }] };
    const v = check(low, YEAR).find((x) => x.code === "R5.WAGES_COVER_EMPLOYMENT_PAY")!;
    expect(v).toMatchObject({ left: { value: 100_000 }, right: { value: 300_000 } });
    expect(v.left.refs[0]!.recordIds).toEqual(["i1"]);
    expect(v.right.refs[0]!.recordIds).toEqual(["l1", "ly1"]);
    const dividend = {
      ...records,
      linkages: [linkage("l1", "e1", "h1", 2024, { mode: "equity_dividend" })],
      linkageYears: [{ ...linkageYear("l1", 2025, 300_000), id: "ly1", benefitKind: null }],
    };
    expect(codes(check(dividend, YEAR))).toEqual([
      "R2.BENEFICIARY_LINKAGE",
      "R5.PROPERTY_COVERS_DIVIDENDS_AND_RENT",
    ]);
    const counted = check(records, YEAR, (s) => {
      mutable(
        s.campaign.rows.find((r) => r.regionCode === TOWN_A && r.month === 12)!.figures,
      ).linkedHouseholds = 2;
    });
    expect(codes(counted)).toEqual(
      expect.arrayContaining(["R5.LINKED_HOUSEHOLDS", "R6.LINKED_WITHIN_COVERED"]),
    );
  });

  it("R6: townships that do not add up to the county, and closed beyond found", () => {
    const found = check(cleanRecords(), YEAR, (s) => {
      mutable(s.campaign.totals[2]!.figures).registeredHouseholds = 4;
      mutable(
        s.campaign.rows.find((r) => r.regionCode === TOWN_B && r.month === 5)!.figures,
      ).rectificationsClosedTotal = 2;
    });
    const sum = found.find((v) => v.code === "R6.TOWNSHIPS_ADD_UP.registeredHouseholds")!;
    expect(sum).toMatchObject({ scopeKey: "360723|03", left: { value: 3 }, right: { value: 4 } });
    expect(sum.left.refs.map((r) => r.row)).toEqual([`${TOWN_A}|03`, `${TOWN_B}|03`]);
    expect(codes(found)).toContain("R6.CLOSED_WITHIN_FOUND");
  });

  it("R7: cumulative figures carry on from the submitted month, never fall, and what leaves needs a reason", () => {
    const records = cleanRecords();
    const ledger = buildLedger(records);
    const previous = structuredClone(
      buildReportSet(ledger, "360723", { kind: "month", year: 2025, month: 2 }),
    );
    mutable(
      previous.campaign.rows.find((r) => r.regionCode === TOWN_A && r.month === 2)!.figures,
    ).subsidyFenCum = 60_000;
    mutable(previous.households).households = [
      ...previous.households.households,
      { ...previous.households.households[0]!, householdId: "gone", householdNumber: "360723100201GONE" },
    ];
    mutable(previous.projects.projects[0]).stage = "acceptance";
    const found = checkReportConsistency(
      reportRuleContext(ledger, buildReportSet(ledger, "360723", MARCH), { previous }),
    );
    expect(codes(found)).toEqual([
      "R7.CONTINUES_SUBMITTED.subsidyFenCum",
      "R7.HOUSEHOLD_DISAPPEARED",
      "R7.NOT_FALLING.subsidyFenCum",
      "R7.STAGE_NOT_BACKWARDS",
    ]);
    const carry = found.find((v) => v.code === "R7.CONTINUES_SUBMITTED.subsidyFenCum")!;
    expect(carry).toMatchObject({
      scopeKey: `${TOWN_A}|03`,
      left: { value: 50_000 },
      right: { value: 60_000 },
    });
    expect(carry.right.refs[0]).toMatchObject({ source: "previous:city-campaign", row: `${TOWN_A}|02` });
    const explained = checkReportConsistency(
      reportRuleContext(ledger, buildReportSet(ledger, "360723", MARCH), {
        previous: { households: previous.households },
        reasons: { "360723100201GONE": "户籍迁出" },
      }),
    );
    expect(explained).toEqual([]);
  });

  it("R7: within a report, a cumulative figure is last month's plus this month's", () => {
    const found = check(cleanRecords(), MARCH, (s) => {
      mutable(s.campaign.rows.find((r) => r.regionCode === TOWN_B && r.month === 3)!.figures).visitsMonth = 1;
    });
    expect(codes(found)).toEqual(["R6.TOWNSHIPS_ADD_UP.visitsMonth", "R7.CARRY.visitsCum"]);
  });

  it("R8: a submission without its reviewer or preparer is refused; a preview without one is not checked", () => {
    const submission = { period: "2025-03", asOf: "2025-03-31", preparer: "刘专员", reviewer: " " };
    const found = check(cleanRecords(), MARCH, undefined, { submission });
    expect(found.map((v) => [v.code, v.left.value, v.right.value])).toEqual([["R8.REVIEWER", 0, 1]]);
    expect(found[0]!.message).toContain("审核人");
  });
});

describe("which reports a rule blocks", () => {
  const rule = (code: string) => CONSISTENCY_RULES.find((r) => r.code === code)!;
  it.each([
    ["R1.HOUSEHOLDS", ["households", "campaign"]],
    ["R2.BENEFICIARY_IN_REPORT_1", ["households", "projects"]],
    ["R3.FUND_ALLOCATION", ["households", "projects"]],
    ["R6.SOURCES_SUM_TO_TOTAL", ["projects"]],
    ["R7.HOUSEHOLD_DISAPPEARED", ["households"]],
    ["R8.PREPARER", ["households", "projects", "campaign"]],
  ])("%s involves %j", (code, reports) => {
    expect(ruleReports(rule(code))).toEqual(reports);
  });

  it("every rule involves at least one report", () => {
    for (const r of CONSISTENCY_RULES) expect(ruleReports(r).length, r.code).toBeGreaterThan(0);
  });

  it("an error of a project-only rule blocks report 2, not reports 1 and 3; a warning blocks nothing", () => {
    const violation = { code: "R6.SOURCES_SUM_TO_TOTAL", importance: "error" } as RuleViolation;
    expect(blocksReport(violation, "projects")).toBe(true);
    expect(blocksReport(violation, "households")).toBe(false);
    expect(blocksReport(violation, "campaign")).toBe(false);
    expect(blocksReport({ ...violation, importance: "warning" }, "projects")).toBe(false);
  });
});
