import { coveredHouseholds } from "../../coverage/coverage.js";
import type { AssessmentContext } from "../context.js";
import { labels, NONE, townshipRegionOf } from "../context.js";
import type { Finding } from "../types.js";
import { type FindingDetector, makeFinding } from "./detector.js";

/** The registered households covered in the assessed year, as of the assessment date (`coveredHouseholds`). */
function coveredInYear(ctx: AssessmentContext): Set<string> {
  return coveredHouseholds(ctx.ledger, ctx.year, ctx.asOf);
}

/**
 * 覆盖底数 ("要进一步摸清全县贫困村和建档立卡贫困户产业扶贫项目覆盖底数…帮助贫困户确定产业项目或利益
 * 联结机制"): a registered household not covered in the year (`coveredHouseholds`, the definition
 * report 3 counts): no industry of its own, no linkage covering the year and no industry project.
 * Its healthy look-alikes are covered: a household whose only worker earns wages at a leading
 * enterprise (its employment linkage), a household with no one able to work that receives asset
 * income or dividends (its linkage). Severity medium: the household was never reached, which is the
 * campaign's first task, but nothing was spent wrongly.
 */
export const householdNotCovered: FindingDetector = {
  code: "INDUSTRY.HOUSEHOLD_NOT_COVERED",
  severity: "medium",
  subjectType: "household",
  detect(ctx) {
    const covered = coveredInYear(ctx);
    const findings: Finding[] = [];
    for (const h of ctx.ledger.households) {
      if (h.registeredYear > ctx.year || covered.has(h.id)) continue;
      const linkages = ctx.index.linkagesByHousehold.get(h.id) ?? NONE;
      findings.push(
        makeFinding(this, ctx, {
          regionCode: townshipRegionOf(h.villageCode),
          subjectId: h.id,
          evidence: [h.id, ...linkages.map((l) => l.id)],
          zh: `${labels.household(ctx, h.id)}${ctx.year}年既无自身产业，也无利益联结，不是任何产业项目的受益户（产业覆盖底数未覆盖）`,
          en: `${labels.householdEn(ctx, h.id)} in ${ctx.year} keeps no industry, has no linkage and benefits from no industry project (not covered)`,
        }),
      );
    }
    return findings;
  },
};
