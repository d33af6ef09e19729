import { PROJECT_STAGE_LABELS, PROJECT_STAGES } from "../../projects/project.js";
import { daysBetween, yearOf } from "../../shared/dates.js";
import { labels } from "../context.js";
import { projectOversight, projectsUpToYear } from "./queries.js";

const IMPLEMENTATION = PROJECT_STAGES.indexOf("implementation");

/**
 * 项目停滞 ("对产业扶贫项目实行全过程监管，确保产业扶贫资金安全"; "促进产业项目落地生根"): a
 * project of the year or before that, on the assessment date, has stood in one stage before
 * implementation (申报 … 公示) for more than `projectStallDays` days — the money is allocated and
 * nothing is built. Found each year it stays stalled. Severity high: funds held, households waiting.
 */
export const projectStalled = projectOversight("PROJECT.STALLED", projectsUpToYear, (ctx, p) => {
  const reached = p.stages.filter((s) => s.date <= ctx.asOf);
  const last = reached.at(-1);
  if (!last || PROJECT_STAGES.indexOf(last.stage) >= IMPLEMENTATION || yearOf(last.date) > ctx.year)
    return null;
  const days = daysBetween(last.date, ctx.asOf);
  if (days <= ctx.policy.projectStallDays) return null;
  return {
    zh: `${labels.village(ctx, p.regionCode)}${p.year}年项目「${p.name}」自${last.date}停留在${PROJECT_STAGE_LABELS[last.stage]}阶段已${days}天，未进入实施（超过${ctx.policy.projectStallDays}天，项目停滞）`,
    en: `Project "${p.name}" (${p.id}, ${p.year}) has stood at ${last.stage} since ${last.date}, ${days} days by ${ctx.asOf}, without implementation (more than ${ctx.policy.projectStallDays}: stalled)`,
  };
});
