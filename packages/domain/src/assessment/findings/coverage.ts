import { coveredHouseholds, type PoorVillageCoverage, poorVillageCoverage } from "../../coverage/coverage.js";
import type { Household } from "../../households/household.js";
import type { AssessmentContext } from "../context.js";
import { labels, NONE, townshipRegionOf } from "../context.js";
import { type FindingDetector, makeFinding } from "./detector.js";

/** The households registered by the assessed year and not covered in it, as of the assessment date (`coveredHouseholds`). */
function uncoveredHouseholds(ctx: AssessmentContext): Household[] {
  const covered = coveredHouseholds(ctx.ledger, ctx.year, ctx.asOf);
  return ctx.ledger.households.filter((h) => h.registeredYear <= ctx.year && !covered.has(h.id));
}

/** The poor villages with registered households that industry support did not cover in the assessed year (`poorVillageCoverage`). */
function uncoveredPoorVillages(ctx: AssessmentContext): PoorVillageCoverage[] {
  const covered = coveredHouseholds(ctx.ledger, ctx.year, ctx.asOf);
  const min = ctx.policy.poorVillageCoveredShareMin;
  return poorVillageCoverage(ctx.ledger, ctx.year, ctx.asOf, covered, min).filter(
    (v) => !v.covered && v.registeredIds.length > 0,
  );
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
    return uncoveredHouseholds(ctx).map((h) =>
      makeFinding(this, ctx, {
        regionCode: townshipRegionOf(h.villageCode),
        subjectId: h.id,
        evidence: [h.id, ...(ctx.index.linkagesByHousehold.get(h.id) ?? NONE).map((l) => l.id)],
        zh: `${labels.household(ctx, h.id)}${ctx.year}年既无自身产业，也无利益联结，不是任何产业项目的受益户（产业覆盖底数未覆盖）`,
        en: `${labels.householdEn(ctx, h.id)} in ${ctx.year} keeps no industry, has no linkage and benefits from no industry project (not covered)`,
      }),
    );
  },
};

/**
 * 贫困村覆盖底数 ("要进一步摸清全县贫困村和建档立卡贫困户产业扶贫项目覆盖底数，建立数据台账，做到心中有数。
 * 指导贫困村选准发展路子"): a poor village (贫困村) with registered households that industry support did
 * not cover in the year (`poorVillageCoverage`, the definition report 3 counts): no industry project
 * sited in it, and fewer than `poorVillageCoveredShareMin` of its registered households covered.
 * Healthy look-alikes: a poor village whose households are covered by linkages to an entity in
 * another village (they are reached), and any village that is not poor with no project (not judged).
 * Evidence: the village, then its uncovered households. Severity high: a whole poor village left
 * without a development path harms every household in it, more than one household unreached.
 */
export const villageNotCovered: FindingDetector = {
  code: "INDUSTRY.VILLAGE_NOT_COVERED",
  severity: "high",
  subjectType: "village",
  detect(ctx) {
    const pct = Math.round(ctx.policy.poorVillageCoveredShareMin * 100);
    return uncoveredPoorVillages(ctx).map(({ village, registeredIds, coveredIds }) =>
      makeFinding(this, ctx, {
        regionCode: townshipRegionOf(village.code),
        subjectId: village.code,
        evidence: [village.code, ...registeredIds.filter((id) => !coveredIds.includes(id))],
        zh: `${labels.village(ctx, village.code)}（贫困村）${ctx.year}年无产业项目落地，${registeredIds.length}户${labels.statuses(ctx, registeredIds)}中仅${coveredIds.length}户有产业或利益联结覆盖，不足${pct}%（贫困村产业覆盖底数未覆盖）`,
        en: `Poor village ${village.name} (${village.code}) in ${ctx.year} has no industry project and only ${coveredIds.length} of its ${registeredIds.length} registered households covered by an industry or a linkage, below ${pct}% (not covered)`,
      }),
    );
  },
};
