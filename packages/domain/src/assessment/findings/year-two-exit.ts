import { labels, linkageYearOf, push } from "../context.js";
import type { Finding } from "../types.js";
import { type FindingDetector, makeFinding } from "./detector.js";
import { linkagesByTownship, townshipName } from "./queries.js";

/**
 * 没有持续性 ("有的经营主体第一年带动了几户贫困户，但第二年贫困户就全部退出了，没有持续性"): of an
 * entity's households of one township that took part last year (at least the policy minimum), too few
 * also took part this year. Judged per township of the households (`linkagesByTownship`): the speech
 * counts the households an entity 带动, and each township answers for its own — a leading enterprise
 * that keeps its households in one township and loses them all in another has left that township's
 * households, and the township's ledger, holding only them, finds the same as the county's. Severity
 * high.
 */
export const yearTwoExit: FindingDetector = {
  code: "LINKAGE.YEAR_TWO_EXIT",
  severity: "high",
  subjectType: "entity",
  detect(ctx) {
    const last = ctx.year - 1;
    const findings: Finding[] = [];
    for (const [entityId, all] of ctx.index.linkagesByEntity) {
      if (!ctx.index.entities.has(entityId)) continue;
      for (const [township, linkages] of linkagesByTownship(ctx, all)) {
        const before = new Map<string, string[]>(); // household → its linkages and their records of last year
        const stayed = new Set<string>();
        for (const l of linkages) {
          const y0 = linkageYearOf(ctx.index, l.id, last);
          if (y0?.tookPart) {
            push(before, l.householdId, l.id);
            push(before, l.householdId, y0.id);
          }
          if (linkageYearOf(ctx.index, l.id, ctx.year)?.tookPart) stayed.add(l.householdId);
        }
        if (before.size < ctx.policy.retentionMinHouseholds) continue;
        const retained = [...before.keys()].filter((h) => stayed.has(h)).length;
        if (retained / before.size >= ctx.policy.retentionAlertRate) continue;
        const left = [...before].filter(([h]) => !stayed.has(h)).flatMap(([, ids]) => ids);
        const name = townshipName(ctx, township);
        findings.push(
          makeFinding(this, ctx, {
            regionCode: township,
            subjectId: entityId,
            evidence: left,
            zh: `${labels.entity(ctx, entityId)}${last}年带动${name}${before.size}户${labels.statuses(ctx, before.keys())}，${ctx.year}年仅剩${retained}户继续参与，带动不可持续`,
            en: `${labels.entityEn(ctx, entityId)} had ${before.size} participating household(s) of ${name} in ${last}; only ${retained} still took part in ${ctx.year} (year-two exit)`,
          }),
        );
      }
    }
    return findings;
  },
};
