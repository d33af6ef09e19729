import { formatFenAsYuan } from "../../shared/money.js";
import type { Subsidy } from "../../support/subsidy.js";
import { labels, NONE, push, townshipRegionOf } from "../context.js";
import type { Finding } from "../types.js";
import { type FindingDetector, makeFinding } from "./detector.js";
import { servedIn, tookPartInLinkage } from "./queries.js";

/**
 * 撒胡椒面 ("对分散的农户简单种养'撒胡椒面式'的补贴"): per township, the share of the year's subsidy
 * money that went in small sums to scattered households — no linkage they took part in, no technical
 * service listing them — at or above the policy share; the households are listed. A subsidy to a
 * linked or served household is support, not pepper. Severity medium: money spent without effect.
 */
export const pepperSpraySubsidy: FindingDetector = {
  code: "SUBSIDY.PEPPER_SPRAY",
  severity: "medium",
  subjectType: "township",
  detect(ctx) {
    const all = new Map<string, number>();
    const scattered = new Map<string, Subsidy[]>();
    for (const s of ctx.index.subsidiesByYear.get(ctx.year) ?? NONE) {
      const h = ctx.index.households.get(s.householdId);
      if (!h) continue;
      const township = townshipRegionOf(h.villageCode);
      all.set(township, (all.get(township) ?? 0) + s.amountFen);
      if (s.amountFen >= ctx.policy.smallSubsidyFen || servedIn(ctx, h.id, ctx.year)) continue;
      if (tookPartInLinkage(ctx, h.id, ctx.year)) continue;
      push(scattered, township, s);
    }
    const findings: Finding[] = [];
    for (const [township, subsidies] of scattered) {
      const fen = subsidies.reduce((sum, s) => sum + s.amountFen, 0);
      const share = fen / all.get(township)!;
      if (share < ctx.policy.pepperSprayShare) continue;
      const households = [...new Set(subsidies.map((s) => s.householdId))].sort();
      const pct = (share * 100).toFixed(1);
      findings.push(
        makeFinding(this, ctx, {
          regionCode: township,
          subjectId: township,
          evidence: [...households, ...subsidies.map((s) => s.id)],
          zh: `${labels.township(ctx, township)}${ctx.year}年补贴资金的${pct}%（${formatFenAsYuan(fen)}元）以小额分散发给${households.length}户，既无利益联结也无技术服务（撒胡椒面式补贴）`,
          en: `Township ${township}: ${pct}% of its ${ctx.year} subsidy money (${formatFenAsYuan(fen)} yuan) went in small sums to ${households.length} household(s) with no linkage and no technical service (pepper-spray subsidies)`,
        }),
      );
    }
    return findings;
  },
};
