import { z } from "zod";
import { isoDateSchema } from "../shared/dates.js";
import { idSchema } from "../shared/ids.js";
import { parseInput } from "../shared/input.js";
import { fenSchema } from "../shared/money.js";
import type { DomainError, Result } from "../shared/result.js";

/**
 * Input of a disbursement (拨付) of a fund: money actually paid out on a day, to a project where it
 * is one's (its source is the fund's). A project's planned funding by source is on the project; what
 * was disbursed, and when, is here.
 */
export const fundDisbursementInputSchema = z.object({
  id: idSchema,
  fundId: idSchema,
  projectId: idSchema.nullable().default(null),
  date: isoDateSchema,
  amountFen: fenSchema.refine((f) => f > 0, { error: "must be more than zero" }),
  /** Who was paid (the implementing entity, a contractor), where recorded. */
  payee: z.string().trim().max(100).default(""),
});

/** A dated disbursement of a fund, to a project or not. */
export type FundDisbursement = Readonly<z.output<typeof fundDisbursementInputSchema>>;

/** Validates fund disbursement input. */
export function createFundDisbursement(input: unknown): Result<FundDisbursement, DomainError> {
  return parseInput(fundDisbursementInputSchema, input, "FUND_DISBURSEMENT");
}
