import { z } from "zod";
import { isoDateSchema } from "../shared/dates.js";
import { idSchema } from "../shared/ids.js";
import { parseInput } from "../shared/input.js";
import { fenSchema } from "../shared/money.js";
import type { DomainError, Result } from "../shared/result.js";

/** Subsidy (补贴) or award (奖补). */
export const SUBSIDY_KINDS = ["subsidy", "award"] as const;

/** Input of a subsidy or award paid to a household, dated, in fen, for an industry and from a fund where known. */
export const subsidyInputSchema = z.object({
  id: idSchema,
  householdId: idSchema,
  date: isoDateSchema,
  kind: z.enum(SUBSIDY_KINDS),
  amountFen: fenSchema.refine((f) => f > 0, { error: "must be more than zero" }),
  industryId: idSchema.nullable().default(null),
  fundId: idSchema.nullable().default(null),
  purpose: z.string().trim().max(200).default(""),
});

/** A subsidy or award (奖补) paid to a household. */
export type Subsidy = Readonly<z.output<typeof subsidyInputSchema>>;

/** Validates subsidy input. */
export function createSubsidy(input: unknown): Result<Subsidy, DomainError> {
  return parseInput(subsidyInputSchema, input, "SUBSIDY");
}
