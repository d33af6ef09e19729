import { PROJECT_STAGE_LABELS, PROJECT_STAGES } from "../../projects/project.js";
import { daysBetween, yearOf } from "../../shared/dates.js";
import { labels } from "../context.js";
import { projectOversight } from "./queries.js";

const NOTICE = PROJECT_STAGES.indexOf("public_notice");

/**
 * 公示不足 ("对产业扶贫项目实行全过程监管，确保产业扶贫资金安全"): a project whose public notice (公示)
 * lasted fewer days than the policy requires, or was skipped, judged in the year the project moved
 * past it. Severity high: the notice is how villagers see where the money goes.
 */
export const noticeShort = projectOversight(
  "PROJECT.NOTICE_SHORT",
  (ctx) => ctx.ledger.projects,
  (ctx, p) => {
    const i = p.stages.findIndex((s) => PROJECT_STAGES.indexOf(s.stage) > NOTICE);
    if (i <= 0) return null;
    const after = p.stages[i]!;
    if (yearOf(after.date) !== ctx.year || after.date > ctx.asOf) return null;
    const notice = p.stages[i - 1]!;
    const skipped = notice.stage !== "public_notice";
    const days = skipped ? 0 : daysBetween(notice.date, after.date);
    const min = ctx.policy.publicNoticeMinDays;
    if (!skipped && days >= min) return null;
    return {
      zh: `${labels.village(ctx, p.regionCode)}项目「${p.name}」${skipped ? "未经公示" : `公示仅${days}天`}即进入${PROJECT_STAGE_LABELS[after.stage]}（应公示至少${min}天）`,
      en: `Project "${p.name}" (${p.id}) moved to ${after.stage} on ${after.date} ${skipped ? "without a public notice" : `after a public notice of ${days} days`} (at least ${min} required)`,
    };
  },
);
