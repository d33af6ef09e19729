import { linkageCoversYear } from "../../linkage/linkage.js";
import { labels, NONE } from "../context.js";
import type { Finding } from "../types.js";
import { type FindingDetector, makeFinding } from "./detector.js";
import { linkagesByTownship, townshipName } from "./queries.js";

/**
 * 空壳合作社 ("有的合作社纯粹是个空壳，只用于应付检查，没有发挥任何作用"): a cooperative with linkages in
 * force in the year and no business that year — no sales, purchases or payments to members; meetings
 * and paperwork do not count. Reported in each township whose households it links that year, with
 * those households (`linkagesByTownship`): each township answers for its own households put on a
 * shell's books, and its ledger finds the same as the county's. Severity high.
 */
export const emptyShellCooperative: FindingDetector = {
  code: "ENTITY.EMPTY_SHELL",
  severity: "high",
  subjectType: "entity",
  detect(ctx) {
    const findings: Finding[] = [];
    for (const entity of ctx.ledger.entities) {
      if (entity.kind !== "cooperative") continue;
      const linkages = (ctx.index.linkagesByEntity.get(entity.id) ?? NONE).filter((l) =>
        linkageCoversYear(l, ctx.year),
      );
      if (linkages.length === 0) continue;
      const active = (ctx.index.activitiesByEntity.get(entity.id) ?? NONE).some(
        (a) => a.year === ctx.year && a.kind !== "meeting",
      );
      if (active) continue;
      for (const [township, current] of linkagesByTownship(ctx, linkages)) {
        const name = townshipName(ctx, township);
        findings.push(
          makeFinding(this, ctx, {
            regionCode: township,
            subjectId: entity.id,
            evidence: [entity.id, ...current.map((l) => l.id)],
            zh: `${labels.entity(ctx, entity.id)}${ctx.year}年联结${name}${current.length}户${labels.statuses(
              ctx,
              current.map((l) => l.householdId),
            )}，却没有任何经营活动（销售、收购、向成员支付），会议不算经营（空壳合作社）`,
            en: `${labels.entityEn(ctx, entity.id)} has ${current.length} linkage(s) with households of ${name} in ${ctx.year} but no business that year: no sales, purchases or payments (meetings do not count; empty-shell cooperative)`,
          }),
        );
      }
    }
    return findings;
  },
};
