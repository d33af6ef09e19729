import { z } from "zod";
import { isoDateSchema } from "../shared/dates.js";
import { idSchema } from "../shared/ids.js";
import { addFieldIssue, parseInput } from "../shared/input.js";
import { fenSchema } from "../shared/money.js";
import type { DomainError, Result } from "../shared/result.js";

/** Kinds of household money that can be placed with an entity: a poverty microloan, or a household-level fund. */
export const CREDIT_KINDS = ["microcredit", "household_fund"] as const;
/** A kind of household credit. */
export type CreditKind = (typeof CREDIT_KINDS)[number];
/** Chinese labels of the kinds of household credit. */
export const CREDIT_KIND_LABELS: Readonly<Record<CreditKind, string>> = {
  microcredit: "扶贫小额信贷",
  household_fund: "到户产业资金",
};

/**
 * Input of a household's microcredit (扶贫小额信贷) or household-level fund (到户资金), and where it
 * went: placed with a business entity (户贷企用, 到户资金入股, bundled: 资金捆绑) or used by the household
 * itself (entity null). Dated from the day it was lent or placed to the day the principal is due back.
 */
export const householdCreditInputSchema = z
  .object({
    id: idSchema,
    householdId: idSchema,
    kind: z.enum(CREDIT_KINDS),
    amountFen: fenSchema.refine((f) => f > 0, { error: "must be more than zero" }),
    /** The entity the money was placed with; null: the household used it itself. */
    entityId: idSchema.nullable().default(null),
    industryId: idSchema.nullable().default(null),
    /** The fund a household-level fund came from, where known. */
    fundId: idSchema.nullable().default(null),
    /** The day the loan was made or the money placed. */
    placedDate: isoDateSchema,
    /** The day the principal is due back (a loan's term), where set. */
    dueDate: isoDateSchema.nullable().default(null),
    /** The lender of a microloan (a bank), where recorded. */
    lender: z.string().trim().max(100).default(""),
  })
  .superRefine((c, ctx) => {
    if (c.dueDate !== null && c.dueDate < c.placedDate)
      addFieldIssue(ctx, "dueDate", "must not be before the day the money was placed");
  });

/** A household's microcredit or household-level fund and where it was placed. */
export type HouseholdCredit = Readonly<z.output<typeof householdCreditInputSchema>>;

/** Validates household credit input. */
export function createHouseholdCredit(input: unknown): Result<HouseholdCredit, DomainError> {
  return parseInput(householdCreditInputSchema, input, "HOUSEHOLD_CREDIT");
}

/** What can come back to a household from its placed money: a dividend (分红) or principal repaid (还本). */
export const CREDIT_RETURN_KINDS = ["dividend", "repayment"] as const;
/** Chinese labels of what comes back. */
export const CREDIT_RETURN_KIND_LABELS: Readonly<Record<(typeof CREDIT_RETURN_KINDS)[number], string>> = {
  dividend: "分红",
  repayment: "还本",
};

/** Input of what came back to a household from its credit, on one day. */
export const creditReturnInputSchema = z.object({
  id: idSchema,
  creditId: idSchema,
  date: isoDateSchema,
  kind: z.enum(CREDIT_RETURN_KINDS),
  amountFen: fenSchema.refine((f) => f > 0, { error: "must be more than zero" }),
});

/** A dividend paid or principal repaid to a household from its microcredit or household fund. */
export type CreditReturn = Readonly<z.output<typeof creditReturnInputSchema>>;

/** Validates credit return input. */
export function createCreditReturn(input: unknown): Result<CreditReturn, DomainError> {
  return parseInput(creditReturnInputSchema, input, "CREDIT_RETURN");
}
