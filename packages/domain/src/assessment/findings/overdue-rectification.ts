import { isRectificationOverdue } from "../../rectification/rectification.js";
import { daysBetween } from "../../shared/dates.js";
import { labels } from "../context.js";
import type { Finding } from "../types.js";
import { type FindingDetector, makeFinding } from "./detector.js";

/**
 * 整改逾期 ("一条一条、一件一件抓落实…制定问题整改方案，明确'时间表'和'路线图'"): a rectification not
 * closed on the assessment date whose deadline is before it. A past year is judged as the item stood
 * then (its recorded closing date), so closing it late does not clear the years it was overdue. A
 * milestone slipping before the deadline is RECTIFICATION.MILESTONE_SLIPPED. Severity high.
 */
export const overdueRectification: FindingDetector = {
  code: "RECTIFICATION.OVERDUE",
  severity: "high",
  subjectType: "rectification",
  detect(ctx) {
    const findings: Finding[] = [];
    for (const r of ctx.index.rectifications) {
      if (!isRectificationOverdue(r, ctx.asOf)) continue;
      const days = daysBetween(r.deadline, ctx.asOf);
      findings.push(
        makeFinding(this, ctx, {
          regionCode: r.townshipCode,
          subjectId: r.id,
          evidence: [r.id],
          zh: `${labels.township(ctx, r.townshipCode)}整改事项「${r.problem}」（责任人${r.responsiblePerson}）整改期限${r.deadline}已过${days}天仍未完成`,
          en: `Rectification ${r.id} in township ${r.townshipCode} ("${r.problem}", responsible: ${r.responsiblePerson}) is ${days} day(s) past its deadline ${r.deadline} and not closed`,
        }),
      );
    }
    return findings;
  },
};
