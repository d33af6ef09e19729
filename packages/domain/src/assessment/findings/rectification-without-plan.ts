import { daysBetween, yearOf } from "../../shared/dates.js";
import { labels } from "../context.js";
import type { Finding } from "../types.js";
import { type FindingDetector, makeFinding } from "./detector.js";

/** 整改无时间表、路线图: a rectification found in or before the year, still without a plan longer than the grace period. Severity medium. */
export const rectificationWithoutPlan: FindingDetector = {
  code: "RECTIFICATION.NO_PLAN",
  severity: "medium",
  subjectType: "rectification",
  detect(ctx) {
    const findings: Finding[] = [];
    for (const r of ctx.index.rectifications) {
      if (r.status !== "open" || yearOf(r.foundDate) > ctx.year) continue;
      const days = daysBetween(r.foundDate, ctx.asOf);
      if (days <= ctx.policy.rectificationPlanGraceDays) continue;
      findings.push(
        makeFinding(this, ctx, {
          regionCode: r.townshipCode,
          subjectId: r.id,
          evidence: [r.id],
          zh: `${labels.township(ctx, r.townshipCode)}整改事项「${r.problem}」发现已${days}天，仍未制定时间表和路线图`,
          en: `Rectification ${r.id} in township ${r.townshipCode} ("${r.problem}") was found ${days} day(s) ago and still has no plan (timetable and roadmap)`,
        }),
      );
    }
    return findings;
  },
};
