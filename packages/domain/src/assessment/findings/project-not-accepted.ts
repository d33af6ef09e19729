import { daysBetween } from "../../shared/dates.js";
import { labels } from "../context.js";
import { projectOversight, projectsUpToYear } from "./queries.js";

/**
 * 完工未验收 ("对产业扶贫项目实行全过程监管，确保产业扶贫资金安全"): a project whose implementation
 * began more than `acceptanceDueDays` days before the assessment date and that had not been accepted
 * (验收) by then — its money is spent, its assets not handed over, its results never checked. Found
 * each year it stays so. Severity high.
 */
export const projectNotAccepted = projectOversight("PROJECT.NOT_ACCEPTED", projectsUpToYear, (ctx, p) => {
  const started = p.stages.find((s) => s.stage === "implementation");
  if (!started || started.date > ctx.asOf) return null;
  const accepted = p.stages.some(
    (s) => (s.stage === "acceptance" || s.stage === "handover") && s.date <= ctx.asOf,
  );
  const days = daysBetween(started.date, ctx.asOf);
  if (accepted || days <= ctx.policy.acceptanceDueDays) return null;
  return {
    zh: `${labels.village(ctx, p.regionCode)}${p.year}年项目「${p.name}」${started.date}开始实施，已${days}天仍未验收（应在${ctx.policy.acceptanceDueDays}天内验收）`,
    en: `Project "${p.name}" (${p.id}, ${p.year}) began implementation on ${started.date} and was not accepted ${days} days later (due within ${ctx.policy.acceptanceDueDays})`,
  };
});
