import { z } from "zod";
import { isoDateSchema } from "../shared/dates.js";
import { idSchema } from "../shared/ids.js";
import { parseInput } from "../shared/input.js";
import type { DomainError, Result } from "../shared/result.js";

/** 监测对象类别: unstable exited household, marginal household at risk, household in sudden severe hardship. */
export const MONITORING_CATEGORIES = ["unstable_exited", "marginal", "sudden_hardship"] as const;
/** Chinese labels of monitoring categories. */
export const MONITORING_CATEGORY_LABELS: Readonly<Record<(typeof MONITORING_CATEGORIES)[number], string>> = {
  unstable_exited: "脱贫不稳定户",
  marginal: "边缘易致贫户",
  sudden_hardship: "突发严重困难户",
};
/** Risk types of relapse monitoring. */
export const RISK_TYPES = [
  "illness",
  "disability",
  "schooling",
  "disaster",
  "accident",
  "unemployment",
  "industry_failure",
  "other",
] as const;

/** Input of a relapse-monitoring record (防返贫监测) for a household. */
export const monitoringInputSchema = z
  .object({
    id: idSchema,
    householdId: idSchema,
    category: z.enum(MONITORING_CATEGORIES),
    riskType: z.enum(RISK_TYPES),
    identifiedDate: isoDateSchema,
    removedDate: isoDateSchema.nullable().default(null),
  })
  .refine((m) => m.removedDate === null || m.removedDate >= m.identifiedDate, {
    path: ["removedDate"],
    error: "must not be before the identification date",
  });

/** A relapse-monitoring record: category, risk type, when the risk was identified and removed. */
export type Monitoring = Readonly<z.output<typeof monitoringInputSchema>>;

/** Validates monitoring input. */
export function createMonitoring(input: unknown): Result<Monitoring, DomainError> {
  return parseInput(monitoringInputSchema, input, "MONITORING");
}
