import { formatFenAsYuan } from "../../shared/money.js";
import type { Subsidy } from "../../support/subsidy.js";
import { householdIndustriesOf, labels, NONE, push, townshipRegionOf } from "../context.js";
import type { Finding } from "../types.js";
import { type FindingDetector, makeFinding } from "./detector.js";
import { hasLinkageCovering } from "./queries.js";

/** 撒胡椒面式补贴: a small subsidy in the year to a household with no linkage, no service visit and no industry record that year. Severity low. */
export const pepperSpraySubsidy: FindingDetector = {
  code: "SUBSIDY.PEPPER_SPRAY",
  severity: "low",
  subjectType: "household",
  detect(ctx) {
    const small = new Map<string, Subsidy[]>();
    for (const s of ctx.index.subsidiesByYear.get(ctx.year) ?? NONE) {
      if (s.amountFen >= ctx.policy.smallSubsidyFen) continue;
      push(small, s.householdId, s);
    }
    const served = ctx.index.servedHouseholdsByYear.get(ctx.year);
    const findings: Finding[] = [];
    for (const [householdId, subsidies] of small) {
      const h = ctx.index.households.get(householdId);
      if (!h) continue;
      if (hasLinkageCovering(ctx, householdId, ctx.year)) continue;
      if (served?.has(householdId)) continue;
      if (householdIndustriesOf(ctx.index, householdId, ctx.year).length > 0) continue;
      const total = subsidies.reduce((sum, s) => sum + s.amountFen, 0);
      findings.push(
        makeFinding(this, ctx, {
          regionCode: townshipRegionOf(h.villageCode),
          subjectId: householdId,
          evidence: subsidies.map((s) => s.id),
          zh: `${labels.household(ctx, householdId)}${ctx.year}年获得${subsidies.length}笔小额补贴共${formatFenAsYuan(total)}元，但无利益联结、无技术服务、无产业跟踪记录（撒胡椒面式补贴）`,
          en: `${labels.householdEn(ctx, householdId)} got ${subsidies.length} small subsidy(ies) totalling ${formatFenAsYuan(total)} yuan in ${ctx.year} with no linkage, no technical service and no industry record (pepper-spray subsidy)`,
        }),
      );
    }
    return findings;
  },
};
