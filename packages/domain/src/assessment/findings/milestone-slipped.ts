import { isRectificationOpenOn } from "../../rectification/rectification.js";
import { labels } from "../context.js";
import type { Finding } from "../types.js";
import { type FindingDetector, makeFinding } from "./detector.js";

/**
 * 节点滞后 ("制定问题整改方案，明确'时间表'和'路线图'"): a rectification open on the assessment date
 * (found, not yet closed by its recorded closing date) and not yet past its deadline (that is
 * RECTIFICATION.OVERDUE) with a milestone of its timetable due before the assessment date and not
 * done by then — the timetable is slipping before the deadline does. A past year is judged as the
 * item stood then. Severity medium: a warning while there is still time.
 */
export const milestoneSlipped: FindingDetector = {
  code: "RECTIFICATION.MILESTONE_SLIPPED",
  severity: "medium",
  subjectType: "rectification",
  detect(ctx) {
    const findings: Finding[] = [];
    for (const r of ctx.index.rectifications) {
      if (!r.plan || !isRectificationOpenOn(r, ctx.asOf) || r.deadline < ctx.asOf) continue;
      const slipped = r.plan.milestones.filter(
        (m) => m.due < ctx.asOf && (m.doneDate === null || m.doneDate > ctx.asOf),
      );
      if (slipped.length === 0) continue;
      const first = slipped[0]!;
      findings.push(
        makeFinding(this, ctx, {
          regionCode: r.townshipCode,
          subjectId: r.id,
          evidence: [r.id, ...slipped.map((m) => m.id)],
          zh: `${labels.township(ctx, r.townshipCode)}整改事项「${r.problem}」（责任人${r.responsiblePerson}）时间表节点「${first.title}」应于${first.due}完成，至${ctx.asOf}未完成${slipped.length > 1 ? `（共${slipped.length}个节点滞后）` : ""}`,
          en: `Rectification ${r.id} in township ${r.townshipCode}: milestone "${first.title}" was due ${first.due} and is not done by ${ctx.asOf} (${slipped.length} slipped)`,
        }),
      );
    }
    return findings;
  },
};
