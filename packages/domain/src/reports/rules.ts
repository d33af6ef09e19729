import { CAMPAIGN_FIGURES, type CampaignFigure, MONTHLY_CUMULATIVE_PAIRS } from "./campaign-report.js";
import type { ConsistencyRule, RuleContext, RuleViolation } from "./consistency.js";
import { evaluateRules } from "./consistency.js";
import { MEASURES } from "./measures.js";

const FIGURE_LABELS: Record<CampaignFigure, string> = {
  registeredHouseholds: "建档立卡户数",
  registeredPersons: "建档立卡人数",
  coveredHouseholds: "产业覆盖户数",
  linkedHouseholds: "利益联结户数",
  linkageBenefitFen: "利益联结收益（分）",
  poorVillages: "贫困村数",
  poorVillagesCovered: "产业覆盖贫困村数",
  newLinkagesMonth: "本月新增利益联结",
  newLinkagesCum: "累计新增利益联结",
  subsidyHouseholdsMonth: "本月奖补户数",
  subsidyHouseholdsCum: "累计奖补户数",
  subsidyFenMonth: "本月奖补金额（分）",
  subsidyFenCum: "累计奖补金额（分）",
  visitsMonth: "本月技术服务次数",
  visitsCum: "累计技术服务次数",
  trainingsMonth: "本月培训次数",
  trainingsCum: "累计培训次数",
  disbursedFenMonth: "本月项目资金拨付（分）",
  disbursedFenCum: "累计项目资金拨付（分）",
  rectificationsFoundMonth: "本月发现问题数",
  rectificationsFoundCum: "累计发现问题数",
  rectificationsClosedMonth: "本月整改完成数",
  rectificationsClosedCum: "累计整改完成数",
  rectificationsOverdue: "逾期未整改数",
  rectificationsFoundTotal: "发现问题总数",
  rectificationsClosedTotal: "整改完成总数",
};

/** Chinese labels of the figures of report 3. */
export const CAMPAIGN_FIGURE_LABELS: Readonly<Record<CampaignFigure, string>> = FIGURE_LABELS;

const side = (label: string, ...measures: string[]) => ({ label, measures });
const equal = "equal_to" as const;
const atMost = "less_than_or_equal_to" as const;
const atLeast = "greater_than_or_equal_to" as const;

const CROSS_REPORT_RULES: readonly ConsistencyRule[] = [
  {
    code: "R1.HOUSEHOLDS",
    group: "R1",
    name: "报表一与报表三乡镇户数一致",
    description: "households per township agree in reports 1 and 3",
    importance: "error",
    scope: "township",
    left: side("报表一户数", "r1.households"),
    operator: equal,
    right: side("报表三建档立卡户数", "r3.registeredHouseholds@asOf"),
    missingValueStrategy: "NEVER_SKIP",
  },
  {
    code: "R1.PERSONS",
    group: "R1",
    name: "报表一与报表三乡镇人数一致",
    description: "persons per township agree in reports 1 and 3",
    importance: "error",
    scope: "township",
    left: side("报表一人数", "r1.persons"),
    operator: equal,
    right: side("报表三建档立卡人数", "r3.registeredPersons@asOf"),
    missingValueStrategy: "NEVER_SKIP",
  },
  {
    code: "R2.BENEFICIARY_IN_REPORT_1",
    group: "R2",
    name: "项目受益户在报表一中且显示该项目",
    description:
      "every beneficiary household of report 2 is in report 1 under the same household number and shows the project",
    importance: "error",
    scope: "project-household",
    left: side("报表二受益户", "r2.beneficiary"),
    operator: atMost,
    right: side("报表一显示该项目", "r1.showsProject"),
    missingValueStrategy: "NEVER_SKIP",
  },
  {
    code: "R2.BENEFICIARY_LINKAGE",
    group: "R2",
    name: "项目受益户有项目的利益联结",
    description: "a beneficiary of a project with an entity and a mode has that linkage",
    importance: "error",
    scope: "project-household",
    left: side("项目要求的利益联结", "r2.expectsLinkage"),
    operator: atMost,
    right: side("报表一中的利益联结", "r1.hasProjectLinkage"),
    missingValueStrategy: "NEVER_SKIP",
  },
  {
    code: "R3.DISBURSED_WITHIN_PLAN",
    group: "R3",
    name: "项目分来源拨付不超过计划",
    description: "a project's disbursements by source do not exceed its planned funding from that source",
    importance: "error",
    scope: "project-source",
    left: side("已拨付", "r2.disbursed"),
    operator: atMost,
    right: side("计划资金", "r2.planned"),
    missingValueStrategy: "SKIP_IF_ALL_VALUES_MISSING",
  },
  {
    code: "R3.SOURCES_MATCH_FUND_USES",
    group: "R3",
    name: "项目分来源资金与资金使用一致",
    description: "a project's planned amount by source equals its fund uses from funds of that source",
    importance: "warning",
    scope: "project-source",
    left: side("计划资金", "r2.planned"),
    operator: equal,
    right: side("资金使用", "ledger.fundUsesBySource"),
    missingValueStrategy: "SKIP_IF_ALL_VALUES_MISSING",
  },
  {
    code: "R3.FUND_ALLOCATION",
    group: "R3",
    name: "项目与奖补合计不超过资金下达额",
    description: "project uses plus subsidies never exceed a fund's allocation",
    importance: "error",
    scope: "fund",
    left: side("项目使用+到户奖补", "ledger.fundProjectUses", "ledger.fundSubsidies"),
    operator: atMost,
    right: side("资金下达额", "ledger.fundAllocated"),
    missingValueStrategy: "SKIP_IF_ANY_VALUE_MISSING",
  },
  {
    code: "R3.DISBURSED_AGREES",
    group: "R3",
    name: "报表三拨付与报表二一致",
    description: "funds disbursed in report 3 equal report 2's disbursements to month end",
    importance: "error",
    scope: "township-month",
    left: side("报表三累计拨付", "r3.disbursedFenCum"),
    operator: equal,
    right: side("报表二截至月末拨付", "r2.disbursedToMonthEnd"),
    missingValueStrategy: "NEVER_SKIP",
  },
  {
    code: "R4.SUBSIDY_HOUSEHOLDS",
    group: "R4",
    name: "报表三累计奖补户数与报表一一致",
    description: "subsidy households in report 3 to month end equal report 1's",
    importance: "error",
    scope: "township-month",
    left: side("报表三累计奖补户数", "r3.subsidyHouseholdsCum"),
    operator: equal,
    right: side("报表一截至月末奖补户数", "r1.subsidyHouseholdsToMonthEnd"),
    missingValueStrategy: "NEVER_SKIP",
  },
  {
    code: "R4.SUBSIDY_AMOUNT",
    group: "R4",
    name: "报表三累计奖补金额与报表一一致",
    description: "subsidy amounts in report 3 to month end equal report 1's",
    importance: "error",
    scope: "township-month",
    left: side("报表三累计奖补金额", "r3.subsidyFenCum"),
    operator: equal,
    right: side("报表一截至月末奖补金额", "r1.subsidyFenToMonthEnd"),
    missingValueStrategy: "NEVER_SKIP",
  },
  {
    code: "R5.LINKED_HOUSEHOLDS",
    group: "R5",
    name: "报表三利益联结户数与报表一一致",
    description: "linked households in report 3 equal report 1's linkage records",
    importance: "error",
    scope: "township",
    left: side("报表三利益联结户数", "r3.linkedHouseholds@asOf"),
    operator: equal,
    right: side("报表一利益联结户数", "r1.linkedHouseholds"),
    missingValueStrategy: "NEVER_SKIP",
  },
  {
    code: "R5.LINKAGE_BENEFITS",
    group: "R5",
    name: "报表三利益联结收益与报表一一致",
    description: "linkage benefits in report 3 equal report 1's",
    importance: "error",
    scope: "township",
    left: side("报表三利益联结收益", "r3.linkageBenefitFen@asOf"),
    operator: equal,
    right: side("报表一利益联结收益", "r1.linkageBenefitFen"),
    missingValueStrategy: "NEVER_SKIP",
  },
  {
    code: "R5.WAGES_COVER_EMPLOYMENT_PAY",
    group: "R5",
    name: "工资性收入不低于务工就业收益",
    description: "wage income is at least the employment pay received through linkages",
    importance: "error",
    scope: "household",
    left: side("工资性收入", "r1.wageIncome"),
    operator: atLeast,
    right: side("务工就业收益", "r1.employmentPay"),
    missingValueStrategy: "SKIP_IF_ANY_VALUE_MISSING",
  },
  {
    code: "R5.PROPERTY_COVERS_DIVIDENDS_AND_RENT",
    group: "R5",
    name: "财产性收入不低于分红与土地流转收益",
    description: "property income is at least the dividends and rent received through linkages",
    importance: "error",
    scope: "household",
    left: side("财产性收入", "r1.propertyIncome"),
    operator: atLeast,
    right: side("分红+土地流转收益", "r1.dividends", "r1.rent"),
    missingValueStrategy: "SKIP_IF_ALL_VALUES_MISSING",
  },
];

const PART_WHOLE: readonly [CampaignFigure, CampaignFigure, string][] = [
  ["linkedHouseholds", "coveredHouseholds", "LINKED_WITHIN_COVERED"],
  ["coveredHouseholds", "registeredHouseholds", "COVERED_WITHIN_REGISTERED"],
  ["poorVillagesCovered", "poorVillages", "COVERED_VILLAGES_WITHIN_POOR_VILLAGES"],
  ["rectificationsClosedTotal", "rectificationsFoundTotal", "CLOSED_WITHIN_FOUND"],
  ["registeredHouseholds", "registeredPersons", "HOUSEHOLDS_WITHIN_PERSONS"],
  ["subsidyHouseholdsCum", "registeredHouseholds", "SUBSIDISED_WITHIN_REGISTERED"],
];

const PART_WHOLE_RULES: readonly ConsistencyRule[] = [
  ...PART_WHOLE.map(
    ([part, whole, name]): ConsistencyRule => ({
      code: `R6.${name}`,
      group: "R6",
      name: `${FIGURE_LABELS[part]}不超过${FIGURE_LABELS[whole]}`,
      description: `${part} never exceeds ${whole}`,
      importance: "error",
      scope: "township-month",
      left: side(FIGURE_LABELS[part], `r3.${part}`),
      operator: atMost,
      right: side(FIGURE_LABELS[whole], `r3.${whole}`),
      missingValueStrategy: "SKIP_IF_ANY_VALUE_MISSING",
    }),
  ),
  {
    code: "R6.SOURCES_SUM_TO_TOTAL",
    group: "R6",
    name: "分来源资金之和等于资金规模",
    description: "a project's sources sum to its total",
    importance: "error",
    scope: "project",
    left: side("资金规模", "r2.plannedTotal"),
    operator: equal,
    right: side("分来源之和", "r2.plannedSourcesSum"),
    missingValueStrategy: "NEVER_SKIP",
  },
  ...(Object.keys(CAMPAIGN_FIGURES) as CampaignFigure[]).map(
    (f): ConsistencyRule => ({
      code: `R6.TOWNSHIPS_ADD_UP.${f}`,
      group: "R6",
      name: `各乡镇${FIGURE_LABELS[f]}之和等于全县`,
      description: `townships add up to the region for ${f}`,
      importance: "error",
      scope: "region-month",
      left: side(`各乡镇${FIGURE_LABELS[f]}之和`, `r3.sum.${f}`),
      operator: equal,
      right: side(`全县${FIGURE_LABELS[f]}`, `r3.total.${f}`),
      missingValueStrategy: "NEVER_SKIP",
    }),
  ),
];

const CONTINUITY_RULES: readonly ConsistencyRule[] = [
  ...MONTHLY_CUMULATIVE_PAIRS.flatMap(([month, cum]): ConsistencyRule[] => [
    {
      code: `R7.CARRY.${cum}`,
      group: "R7",
      name: `${FIGURE_LABELS[cum]}等于上月累计加本月`,
      description: `${cum}(M) = ${cum}(M−1) + ${month}(M) within the report`,
      importance: "error",
      scope: "township-month",
      left: side(FIGURE_LABELS[cum], `r3.${cum}`),
      operator: equal,
      right: side("上月累计+本月", `r3.priorMonth.${cum}`, `r3.${month}`),
      missingValueStrategy: "SKIP_IF_ANY_VALUE_MISSING",
    },
    {
      code: `R7.CONTINUES_SUBMITTED.${cum}`,
      group: "R7",
      name: `${FIGURE_LABELS[cum]}接续上期已报数`,
      description: `${cum}(M) = submitted ${cum}(M−1) + ${month}(M)`,
      importance: "error",
      scope: "township-month",
      left: side(FIGURE_LABELS[cum], `r3.${cum}`),
      operator: equal,
      right: side("上期已报累计+本月", `prev.r3.next.${cum}`, `r3.${month}`),
      missingValueStrategy: "SKIP_IF_ANY_VALUE_MISSING",
    },
    {
      code: `R7.NOT_FALLING.${cum}`,
      group: "R7",
      name: `${FIGURE_LABELS[cum]}不低于上期已报数`,
      description: `${cum} of a month never falls below what was submitted for it`,
      importance: "error",
      scope: "township-month",
      left: side(FIGURE_LABELS[cum], `r3.${cum}`),
      operator: atLeast,
      right: side("上期已报", `prev.r3.${cum}`),
      missingValueStrategy: "SKIP_IF_ANY_VALUE_MISSING",
    },
  ]),
  {
    code: "R7.HOUSEHOLD_DISAPPEARED",
    group: "R7",
    name: "上期在册户本期消失须说明原因",
    description: "a household of the previous submission that is gone needs a reason",
    importance: "error",
    scope: "household",
    left: side("上期在册", "prev.r1.present"),
    operator: atMost,
    right: side("本期在册或已说明", "r1.presentOrExplained"),
    missingValueStrategy: "NEVER_SKIP",
  },
  {
    code: "R7.PROJECT_DISAPPEARED",
    group: "R7",
    name: "上期项目本期消失须说明原因",
    description: "a project of the previous submission that is gone needs a reason",
    importance: "error",
    scope: "project",
    left: side("上期项目", "prev.r2.present"),
    operator: atMost,
    right: side("本期项目或已说明", "r2.presentOrExplained"),
    missingValueStrategy: "NEVER_SKIP",
  },
  {
    code: "R7.STAGE_NOT_BACKWARDS",
    group: "R7",
    name: "项目阶段不得倒退",
    description: "a project's stage never goes back from the previous submission",
    importance: "error",
    scope: "project",
    left: side("本期阶段", "r2.stageIndex"),
    operator: atLeast,
    right: side("上期阶段", "prev.r2.stageIndex"),
    missingValueStrategy: "SKIP_IF_ANY_VALUE_MISSING",
  },
];

const SUBMISSION_RULES: readonly ConsistencyRule[] = (
  [
    ["PERIOD", "报送期别", "submission.hasPeriod"],
    ["AS_OF", "数据截止日期", "submission.hasAsOf"],
    ["PREPARER", "填报人（专人）", "submission.hasPreparer"],
    ["REVIEWER", "审核人", "submission.hasReviewer"],
  ] as const
).map(([code, label, m]) => ({
  code: `R8.${code}`,
  group: "R8",
  name: `报送须记录${label}`,
  description: `a submission records its ${code.toLowerCase().replace("_", "-")}`,
  importance: "error",
  scope: "submission",
  left: side(label, m),
  operator: equal,
  right: { label: "已填", constant: 1 },
  missingValueStrategy: "SKIP_IF_ANY_VALUE_MISSING",
}));

/** The consistency rules R1–R8 of the three report sets, declared as data. */
export const CONSISTENCY_RULES: readonly ConsistencyRule[] = [
  ...CROSS_REPORT_RULES,
  ...PART_WHOLE_RULES,
  ...CONTINUITY_RULES,
  ...SUBMISSION_RULES,
];

/** A report set's dataset: report 1 (households), 2 (projects) or 3 (campaign). */
export type ReportSetKey = "households" | "projects" | "campaign";

const ALL_REPORTS: readonly ReportSetKey[] = ["households", "projects", "campaign"];
const REPORT_OF_PREFIX: Readonly<Record<string, ReportSetKey>> = {
  r1: "households",
  r2: "projects",
  r3: "campaign",
};

/**
 * The datasets a measure reads, from its name: `r1.…`/`prev.r1.…` report 1 and so on; a fund's
 * subsidies are report 1's, its other ledger measures (allocations, project uses) report 2's; a
 * submission's metadata belongs to every report.
 */
function measureReports(name: string): readonly ReportSetKey[] {
  const report = /^(?:prev\.)?(r[123])\./.exec(name)?.[1];
  if (report) return [REPORT_OF_PREFIX[report]!];
  if (name.startsWith("submission.")) return ALL_REPORTS;
  if (name === "ledger.fundSubsidies") return ["households"];
  if (name.startsWith("ledger.")) return ["projects"];
  throw new Error(`measure ${name} names no report`);
}

/** The datasets a rule involves (the union of its measures'): only an error of such a rule blocks submitting that report. */
export function ruleReports(rule: ConsistencyRule): readonly ReportSetKey[] {
  const sides = [rule.left, rule.right].flatMap((s) => ("measures" in s ? s.measures : []));
  const reports = new Set(sides.flatMap(measureReports));
  return ALL_REPORTS.filter((r) => reports.has(r));
}

const RULE_BY_CODE = new Map(CONSISTENCY_RULES.map((r) => [r.code, r]));

/** Whether a violation blocks submitting a report: an error of a rule that involves that report's dataset. */
export function blocksReport(violation: RuleViolation, report: ReportSetKey): boolean {
  const rule = RULE_BY_CODE.get(violation.code);
  return violation.importance === "error" && (rule === undefined || ruleReports(rule).includes(report));
}

/** Checks the three datasets of a period (and the previous submissions, when given) against every rule. */
export function checkReportConsistency(
  ctx: RuleContext,
  rules: readonly ConsistencyRule[] = CONSISTENCY_RULES,
): RuleViolation[] {
  return evaluateRules(rules, MEASURES, ctx);
}
