import { linkageCoversYear } from "../../linkage/linkage.js";
import type { AssessmentContext } from "../context.js";
import { householdIndustriesOf, labels, NONE, townshipRegionOf } from "../context.js";
import type { Finding } from "../types.js";
import { type FindingDetector, makeFinding } from "./detector.js";

/**
 * The households each project of the year or earlier names as beneficiaries, once the project has
 * entered the library (applied for) by the assessment date: an industry project covers its
 * beneficiaries from then on, as report 3 counts them.
 */
function projectBeneficiaries(ctx: AssessmentContext): Set<string> {
  const covered = new Set<string>();
  for (const p of ctx.ledger.projects) {
    if (p.year > ctx.year || !p.stages.some((s) => s.date <= ctx.asOf)) continue;
    for (const id of p.beneficiaryHouseholdIds) covered.add(id);
  }
  return covered;
}

/**
 * 覆盖底数 ("要进一步摸清全县贫困村和建档立卡贫困户产业扶贫项目覆盖底数…帮助贫困户确定产业项目或利益
 * 联结机制"): a registered household that, in the year, keeps no industry of its own (no household
 * industry record), has no linkage covering the year and is no beneficiary of an industry project —
 * no industry project and no linkage. Its healthy look-alikes are covered: a household whose only
 * worker earns wages at a leading enterprise (its employment linkage), a household with no one able
 * to work that receives asset income or dividends (its linkage). Severity medium: the household was
 * never reached, which is the campaign's first task, but nothing was spent wrongly.
 */
export const householdNotCovered: FindingDetector = {
  code: "INDUSTRY.HOUSEHOLD_NOT_COVERED",
  severity: "medium",
  subjectType: "household",
  detect(ctx) {
    const beneficiaries = projectBeneficiaries(ctx);
    const findings: Finding[] = [];
    for (const h of ctx.ledger.households) {
      if (h.registeredYear > ctx.year || beneficiaries.has(h.id)) continue;
      if (householdIndustriesOf(ctx.index, h.id, ctx.year).length > 0) continue;
      const linkages = ctx.index.linkagesByHousehold.get(h.id) ?? NONE;
      if (linkages.some((l) => linkageCoversYear(l, ctx.year))) continue;
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
