import type { Household } from "../../households/household.js";
import { formatFenAsYuan } from "../../shared/money.js";
import type { Subsidy } from "../../support/subsidy.js";
import {
  type AssessmentContext,
  householdIndustriesOf,
  labels,
  NONE,
  push,
  townshipRegionOf,
} from "../context.js";
import type { Finding } from "../types.js";
import { type FindingDetector, makeFinding } from "./detector.js";
import { receivedThroughLinkage } from "./queries.js";

/**
 * Whether a technical service dated from `since` to the assessment date, in the year before or the
 * assessed year, listed the household or visited its village on one of `industries`.
 */
function servedSince(
  ctx: AssessmentContext,
  h: Household,
  industries: ReadonlySet<string>,
  since: string,
): boolean {
  for (const year of [ctx.year - 1, ctx.year]) {
    for (const s of ctx.index.servicesByYear.get(year) ?? NONE) {
      if (s.date < since || s.date > ctx.asOf) continue;
      if (s.householdIds.includes(h.id)) return true;
      if (s.regionCode === h.villageCode && s.industryId !== null && industries.has(s.industryId))
        return true;
    }
  }
  return false;
}

/** The subsidies dated in `year`, by household. */
function subsidiesByHousehold(ctx: AssessmentContext, year: number): Map<string, Subsidy[]> {
  const byHousehold = new Map<string, Subsidy[]>();
  for (const s of ctx.index.subsidiesByYear.get(year) ?? NONE) push(byHousehold, s.householdId, s);
  return byHousehold;
}

/** Whether the household has a record this year of an industry it was subsidised for (of any, when a subsidy named none). */
function keptIndustry(ctx: AssessmentContext, householdId: string, subsidies: readonly Subsidy[]): boolean {
  const records = householdIndustriesOf(ctx.index, householdId, ctx.year);
  if (subsidies.some((s) => s.industryId === null)) return records.length > 0;
  return records.some((r) => subsidies.some((s) => s.industryId === r.industryId));
}

/**
 * 一补了之 ("利益联结不完善，'一补了之'、'一捆了之'、假链接、浅链接、拉郎配等问题突出"; and against it
 * "帮技术、帮资金、帮协调，一帮到底"): a household subsidised for an industry in the year before that
 * got nothing after the money — no technical service listing it (or visiting its village on that
 * industry) from the subsidy's date to the assessment date, nothing through a linkage this year, and
 * no record of the subsidised industry this year (the industry is gone). A household subsidised and
 * then served, or linked to an entity that pays it, or still keeping the industry, is the healthy
 * look-alike. Severity medium: the money is spent, the household is where it was.
 */
export const subsidiseAndForget: FindingDetector = {
  code: "SUPPORT.SUBSIDISE_AND_FORGET",
  severity: "medium",
  subjectType: "household",
  detect(ctx) {
    const findings: Finding[] = [];
    for (const [householdId, subsidies] of subsidiesByHousehold(ctx, ctx.year - 1)) {
      const h = ctx.index.households.get(householdId);
      if (!h || receivedThroughLinkage(ctx, householdId, ctx.year)) continue;
      if (keptIndustry(ctx, householdId, subsidies)) continue;
      const industries = new Set(subsidies.flatMap((s) => (s.industryId === null ? [] : [s.industryId])));
      const first = subsidies.map((s) => s.date).sort()[0]!;
      if (servedSince(ctx, h, industries, first)) continue;
      const total = subsidies.reduce((sum, s) => sum + s.amountFen, 0);
      const names = [...industries].map((i) => labels.industry(ctx, i)).join("、") || "产业";
      const last = ctx.year - 1;
      findings.push(
        makeFinding(this, ctx, {
          regionCode: townshipRegionOf(h.villageCode),
          subjectId: householdId,
          evidence: subsidies.map((s) => s.id),
          zh: `${labels.household(ctx, householdId)}${last}年获${names}补贴${formatFenAsYuan(total)}元，此后没有技术服务，${ctx.year}年既无利益联结收益也无该产业记录（一补了之）`,
          en: `${labels.householdEn(ctx, householdId)} was subsidised ${formatFenAsYuan(total)} yuan in ${last}; after it no technical service, and in ${ctx.year} nothing through a linkage and no record of the subsidised industry (subsidise and forget)`,
        }),
      );
    }
    return findings;
  },
};
