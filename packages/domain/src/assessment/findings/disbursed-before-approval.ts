import type { FundDisbursement } from "../../funds/fund-disbursement.js";
import { yearOf } from "../../shared/dates.js";
import { formatFenAsYuan } from "../../shared/money.js";
import { labels, push } from "../context.js";
import type { Finding } from "../types.js";
import { type FindingDetector, makeFinding } from "./detector.js";

/**
 * 先拨后批 ("对产业扶贫项目实行全过程监管，确保产业扶贫资金安全"): money of a fund disbursed to a project,
 * in the assessed year, before the county approved it (审定/批复) — before the approval's date, or
 * with no approval recorded by the assessment date. Disbursed on the day of approval is in order.
 * One finding per project and year, naming every such disbursement. Severity high: the money left
 * before anyone approved what it was for.
 */
export const disbursedBeforeApproval: FindingDetector = {
  code: "PROJECT.DISBURSED_BEFORE_APPROVAL",
  severity: "high",
  subjectType: "project",
  detect(ctx) {
    const byProject = new Map<string, FundDisbursement[]>();
    for (const d of ctx.ledger.disbursements) {
      if (d.projectId !== null && yearOf(d.date) === ctx.year && d.date <= ctx.asOf)
        push(byProject, d.projectId, d);
    }
    const findings: Finding[] = [];
    for (const p of ctx.ledger.projects) {
      const paid = byProject.get(p.id);
      if (!paid) continue;
      const approval = p.stages.find((s) => s.stage === "approval" && s.date <= ctx.asOf)?.date ?? null;
      const early = paid.filter((d) => approval === null || d.date < approval);
      if (early.length === 0) continue;
      const fen = early.reduce((sum, d) => sum + d.amountFen, 0);
      const first = early.map((d) => d.date).sort()[0]!;
      const when =
        approval === null
          ? { zh: "至今未经审定", en: "has no approval yet" }
          : { zh: `${approval}才审定`, en: `was approved only on ${approval}` };
      findings.push(
        makeFinding(this, ctx, {
          regionCode: p.regionCode.slice(0, 9),
          subjectId: p.id,
          evidence: [p.id, ...early.map((d) => d.id)],
          zh: `${labels.village(ctx, p.regionCode)}项目「${p.name}」自${first}起拨付资金${formatFenAsYuan(fen)}元，但项目${when.zh}（先拨后批）`,
          en: `Project "${p.name}" (${p.id}) was paid ${formatFenAsYuan(fen)} yuan from ${first} but ${when.en} (disbursed before approval)`,
        }),
      );
    }
    return findings;
  },
};
