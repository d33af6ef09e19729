import type { Rectification } from "../../rectification/rectification.js";
import { addDays, daysBetween } from "../../shared/dates.js";
import { type AssessmentContext, push } from "../context.js";
import { type Finding, severityRank } from "../types.js";
import { type FindingDetector, makeFinding } from "./detector.js";

/**
 * Whether a rectification item answers a finding of the year: its code, its subject (or none), filed
 * by the finding's township (any, for a county-level finding), found by today and not closed before
 * the year began. An item filed by another township does not answer: each township rectifies its own
 * findings, and its ledger, which holds only its own items, judges the same as the county's.
 */
function answers(ctx: AssessmentContext, r: Rectification, f: Finding): boolean {
  if (r.foundDate > ctx.today || (r.closedDate !== null && r.closedDate < `${ctx.year}-01-01`)) return false;
  if (f.regionCode.length >= 9 && r.townshipCode !== f.regionCode) return false;
  return r.subjectId === null || r.subjectId === f.subjectId;
}

/**
 * 问题整改不到位 ("针对当前工作中的问题…一条一条、一件一件抓落实…制定问题整改方案，明确'时间表'和
 * '路线图'"): an error-level finding of the year — severity `rectificationRequiredSeverity` (high) or
 * worse — that has no rectification item (整改事项 of its township naming its code, and its subject or none) more
 * than `rectificationItemGraceDays` (60) days after the year ended. It judges the findings of the same
 * run, computed before it by the rules over the ledger: never its own, so it cannot recurse; a medium
 * finding needs no item. Severity that of the finding it names (`severityOfNamed`): a problem left with
 * nobody to fix it does the harm of the problem — a township without a person, left so, is critical;
 * a fake linkage high. Under the default policy that is high or critical.
 */
export const findingWithoutItem: FindingDetector = {
  code: "RECTIFICATION.FINDING_WITHOUT_ITEM",
  severity: "high",
  severityOfNamed: true,
  subjectType: "finding",
  judgesFindings: true,
  detect(ctx, findings) {
    const due = addDays(`${ctx.year}-12-31`, ctx.policy.rectificationItemGraceDays);
    if (ctx.today <= due) return [];
    const items = new Map<string, Rectification[]>();
    for (const r of ctx.index.rectifications) if (r.findingCode !== null) push(items, r.findingCode, r);
    const least = severityRank(ctx.policy.rectificationRequiredSeverity);
    const out: Finding[] = [];
    for (const f of findings) {
      if (f.code === this.code || severityRank(f.severity) < least) continue;
      if ((items.get(f.code) ?? []).some((r) => answers(ctx, r, f))) continue;
      const days = daysBetween(`${ctx.year}-12-31`, ctx.today);
      out.push(
        makeFinding(this, ctx, {
          regionCode: f.regionCode,
          subjectId: `${f.code}|${f.subjectId}`,
          evidence: [...new Set([f.subjectId, ...f.evidence])],
          severity: f.severity,
          zh: `${f.message.zh}——该问题（${f.code}）在${ctx.year}年结束${days}天后仍无整改事项（应在${ctx.policy.rectificationItemGraceDays}天内建立）`,
          en: `${f.message.en} — this ${f.code} finding has no rectification item ${days} days after ${ctx.year} ended (due within ${ctx.policy.rectificationItemGraceDays})`,
        }),
      );
    }
    return out;
  },
};
