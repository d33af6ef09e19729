import { LINKAGE_MODE_LABELS, linkageCoversYear } from "../../linkage/linkage.js";
import { yearOf } from "../../shared/dates.js";
import { labels, linkageYearOf } from "../context.js";
import type { Finding } from "../types.js";
import { type FindingDetector, makeFinding } from "./detector.js";

/**
 * 假链接 ("假链接、浅链接、拉郎配等问题突出"): a linkage in force in the year with no record of that
 * year, or one where the household did not take part or received nothing — a linkage on paper only.
 * A token payment is LINKAGE.SHALLOW. Severity high.
 */
export const fakeLinkage: FindingDetector = {
  code: "LINKAGE.FAKE",
  severity: "high",
  subjectType: "linkage",
  detect(ctx) {
    const findings: Finding[] = [];
    if (ctx.year > yearOf(ctx.asOf)) return findings;
    for (const l of ctx.ledger.linkages) {
      if (!linkageCoversYear(l, ctx.year)) continue;
      const y = linkageYearOf(ctx.index, l.id, ctx.year);
      if (y?.tookPart && y.receivedFen > 0) continue;
      const h = ctx.index.households.get(l.householdId);
      if (!h) continue;
      const who = labels.status(ctx, l.householdId);
      const why = !y ? "无当年联结记录" : !y.tookPart ? `${who}未实际参与` : `${who}未获得任何收益`;
      const whyEn = !y
        ? "has no record for the year"
        : !y.tookPart
          ? "the household did not take part"
          : "paid nothing";
      findings.push(
        makeFinding(this, ctx, {
          regionCode: h.villageCode.slice(0, 9),
          subjectId: l.id,
          evidence: y ? [l.id, y.id] : [l.id],
          zh: `${labels.entity(ctx, l.entityId)}与${labels.household(ctx, l.householdId)}的${LINKAGE_MODE_LABELS[l.mode]}利益联结${ctx.year}年${why}（假链接）`,
          en: `Linkage ${l.id} (${l.mode}) of ${labels.entityEn(ctx, l.entityId)} with ${labels.householdEn(ctx, l.householdId)} ${whyEn} in ${ctx.year} (fake linkage)`,
        }),
      );
    }
    return findings;
  },
};
