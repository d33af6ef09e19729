import type { Ledger } from "../ledger/ledger.js";
import { createAssessmentContext } from "./context.js";
import { FINDING_CODES, type FindingCode } from "./finding-codes.js";
import { bundledFunds } from "./findings/bundled-funds.js";
import { householdNotCovered, villageNotCovered } from "./findings/coverage.js";
import { debtGrowth } from "./findings/debt-growth.js";
import type { FindingDetector } from "./findings/detector.js";
import { disbursedBeforeApproval } from "./findings/disbursed-before-approval.js";
import { emptyShellCooperative } from "./findings/empty-shell-cooperative.js";
import { entityShield } from "./findings/entity-shield.js";
import { failingWithoutService } from "./findings/failing-without-service.js";
import { fakeLinkage } from "./findings/fake-linkage.js";
import { findingWithoutItem } from "./findings/finding-without-item.js";
import { forcedLinkage } from "./findings/forced-linkage.js";
import { fundOverspent } from "./findings/fund-overspent.js";
import { householdWithoutHelper } from "./findings/household-without-helper.js";
import { industryHomogenisation } from "./findings/industry-homogenisation.js";
import { lowIndustryFundShare } from "./findings/low-industry-fund-share.js";
import { lowSurvival } from "./findings/low-survival.js";
import { milestoneSlipped } from "./findings/milestone-slipped.js";
import { noticeShort } from "./findings/notice-short.js";
import { overdueRectification } from "./findings/overdue-rectification.js";
import { panWelfareFund } from "./findings/pan-welfare-fund.js";
import { pepperSpraySubsidy } from "./findings/pepper-spray-subsidy.js";
import { projectNotAccepted } from "./findings/project-not-accepted.js";
import { projectStalled } from "./findings/project-stalled.js";
import { rectificationWithoutPlan } from "./findings/rectification-without-plan.js";
import { scaleUpWithoutTrial } from "./findings/scale-up-without-trial.js";
import { shallowLinkage } from "./findings/shallow-linkage.js";
import { townshipStandIn, villageStandIn } from "./findings/stand-in.js";
import { subsidiseAndForget } from "./findings/subsidise-and-forget.js";
import { townshipWithoutPerson } from "./findings/township-without-person.js";
import { villageWithoutPerson } from "./findings/village-without-person.js";
import { yearTwoExit } from "./findings/year-two-exit.js";
import type { AssessmentPolicy } from "./policy.js";
import { type Finding, type Severity, severityRank } from "./types.js";

/** Every detector, keyed by the finding code it produces. */
export const FINDING_DETECTORS: Readonly<Record<FindingCode, FindingDetector>> = {
  "RESPONSIBILITY.TOWNSHIP_WITHOUT_PERSON": townshipWithoutPerson,
  "RESPONSIBILITY.HOUSEHOLD_WITHOUT_HELPER": householdWithoutHelper,
  "RESPONSIBILITY.TOWNSHIP_STAND_IN": townshipStandIn,
  "SUBSIDY.PEPPER_SPRAY": pepperSpraySubsidy,
  "ENTITY.SHIELD": entityShield,
  "INDUSTRY.HOMOGENISATION": industryHomogenisation,
  "INDUSTRY.SCALE_UP_WITHOUT_TRIAL": scaleUpWithoutTrial,
  "SUPPORT.SUBSIDISE_AND_FORGET": subsidiseAndForget,
  "LINKAGE.FAKE": fakeLinkage,
  "LINKAGE.SHALLOW": shallowLinkage,
  "LINKAGE.FORCED": forcedLinkage,
  "LINKAGE.YEAR_TWO_EXIT": yearTwoExit,
  "LINKAGE.BUNDLED": bundledFunds,
  "ENTITY.EMPTY_SHELL": emptyShellCooperative,
  "OUTCOME.LOW_SURVIVAL": lowSurvival,
  "OUTCOME.DEBT_GROWTH": debtGrowth,
  "FUNDS.LOW_INDUSTRY_SHARE": lowIndustryFundShare,
  "FUNDS.PAN_WELFARE": panWelfareFund,
  "FUNDS.OVERSPENT": fundOverspent,
  "PROJECT.NOTICE_SHORT": noticeShort,
  "PROJECT.DISBURSED_BEFORE_APPROVAL": disbursedBeforeApproval,
  "RECTIFICATION.OVERDUE": overdueRectification,
  "RECTIFICATION.NO_PLAN": rectificationWithoutPlan,
  "PROJECT.STALLED": projectStalled,
  "PROJECT.NOT_ACCEPTED": projectNotAccepted,
  "RECTIFICATION.MILESTONE_SLIPPED": milestoneSlipped,
  "OUTCOME.FAILING_WITHOUT_SERVICE": failingWithoutService,
  "INDUSTRY.HOUSEHOLD_NOT_COVERED": householdNotCovered,
  "RESPONSIBILITY.VILLAGE_WITHOUT_PERSON": villageWithoutPerson,
  "RECTIFICATION.FINDING_WITHOUT_ITEM": findingWithoutItem,
  "INDUSTRY.VILLAGE_NOT_COVERED": villageNotCovered,
  "RESPONSIBILITY.VILLAGE_STAND_IN": villageStandIn,
};

/**
 * The severity of each finding code; for a code whose findings take the severity of the finding they
 * name (`severityOfNamed`: RECTIFICATION.FINDING_WITHOUT_ITEM), the least of them under the default policy.
 */
export const FINDING_SEVERITIES: Readonly<Record<FindingCode, Severity>> = Object.fromEntries(
  FINDING_CODES.map((code) => [code, FINDING_DETECTORS[code].severity]),
) as Record<FindingCode, Severity>;

/** Options of `detectFindings`. */
export interface DetectFindingsOptions {
  /** The year assessed. */
  readonly year: number;
  /** The instant of the assessment; the assessment date is its China date, or 31 December of `year` if earlier. */
  readonly now: Date;
  /** Overrides of the default thresholds. */
  readonly policy?: Partial<AssessmentPolicy>;
  /** Only these codes (default: all). */
  readonly codes?: readonly FindingCode[];
  /** Only findings in this region (a township, village or the county and above); county-level findings only for the county or above. */
  readonly regionCode?: string;
}

/** Orders findings most severe first, then by code, region and subject, so results are stable. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    severityRank(b.severity) - severityRank(a.severity) ||
    FINDING_CODES.indexOf(a.code) - FINDING_CODES.indexOf(b.code) ||
    (a.regionCode < b.regionCode ? -1 : a.regionCode > b.regionCode ? 1 : 0) ||
    (a.subjectId < b.subjectId ? -1 : a.subjectId > b.subjectId ? 1 : 0)
  );
}

/**
 * Runs the detectors of the speech's problems over a county ledger for one year; most severe first.
 * The rules over the ledger run first; a rule over their findings (`judgesFindings`) runs after them,
 * on all of them (whatever `codes` and `regionCode` keep), so its result does not depend on the filter.
 */
export function detectFindings(ledger: Ledger, options: DetectFindingsOptions): Finding[] {
  const ctx = createAssessmentContext(ledger, options);
  const codes = new Set(options.codes ?? FINDING_CODES);
  for (const code of codes) if (!FINDING_DETECTORS[code]) throw new Error(`unknown finding code ${code}`);
  const judges = [...codes].filter((code) => FINDING_DETECTORS[code].judgesFindings);
  const ledgerCodes = FINDING_CODES.filter(
    (code) => !FINDING_DETECTORS[code].judgesFindings && (codes.has(code) || judges.length > 0),
  );
  const found = ledgerCodes.flatMap((code) => FINDING_DETECTORS[code].detect(ctx, []));
  const all = [...found, ...judges.flatMap((code) => FINDING_DETECTORS[code].detect(ctx, found))];
  const region = options.regionCode;
  return all
    .filter((f) => codes.has(f.code) && (region === undefined || f.regionCode.startsWith(region)))
    .sort(compareFindings);
}
