import { z } from "zod";
import { yearSchema } from "../shared/dates.js";
import { idSchema } from "../shared/ids.js";
import { parseInput } from "../shared/input.js";
import { type Fen, fenSchema } from "../shared/money.js";
import type { DomainError, Result } from "../shared/result.js";

/** Input of a household's income for one year (家庭年收入), all in fen. */
export const incomeInputSchema = z.object({
  id: idSchema,
  householdId: idSchema,
  year: yearSchema,
  wageFen: fenSchema,
  productionFen: fenSchema,
  propertyFen: fenSchema,
  transferFen: fenSchema,
  productionCostFen: fenSchema,
});

/** A household's income for one year: wage, production, property and transfer income, and production costs. */
export type Income = Readonly<z.output<typeof incomeInputSchema>>;

/** Validates income input. */
export function createIncome(input: unknown): Result<Income, DomainError> {
  return parseInput(incomeInputSchema, input, "INCOME");
}

/** Net income (纯收入) in fen: all income less production costs; may be negative. */
export function netIncomeFen(income: Income): Fen {
  return (
    income.wageFen + income.productionFen + income.propertyFen + income.transferFen - income.productionCostFen
  );
}

/** Per-capita net income (人均纯收入) in fen, rounded down; 0 for an empty household. */
export function perCapitaNetIncomeFen(income: Income, memberCount: number): Fen {
  return memberCount > 0 ? Math.floor(netIncomeFen(income) / memberCount) : 0;
}
