import { z } from "zod";
import { idSchema, yearSchema } from "../shared/dates.js";
import { addFieldIssue, parseInput } from "../shared/input.js";
import { fenSchema } from "../shared/money.js";
import type { DomainError, Result } from "../shared/result.js";

/** Modes of benefit linkage (利益联结方式). */
export const LINKAGE_MODES = [
  "order_purchase",
  "land_lease",
  "employment",
  "equity_dividend",
  "entrusted_raising",
  "asset_income",
] as const;
/** A linkage mode code. */
export type LinkageMode = (typeof LINKAGE_MODES)[number];
/** Chinese labels of linkage modes. */
export const LINKAGE_MODE_LABELS: Readonly<Record<LinkageMode, string>> = {
  order_purchase: "订单收购",
  land_lease: "土地流转",
  employment: "务工就业",
  equity_dividend: "入股分红",
  entrusted_raising: "托管代养",
  asset_income: "资产收益",
};

/** Input of a benefit-linkage mechanism (利益联结机制) between an entity and a household, from its start year to its end year (null: still running). */
export const linkageInputSchema = z
  .object({
    id: idSchema,
    entityId: idSchema,
    householdId: idSchema,
    mode: z.enum(LINKAGE_MODES),
    industryId: idSchema.nullable().default(null),
    startYear: yearSchema,
    endYear: yearSchema.nullable().default(null),
  })
  .refine((l) => l.endYear === null || l.endYear >= l.startYear, {
    path: ["endYear"],
    error: "must not be before the start year",
  });

/** A benefit-linkage mechanism between a business entity and a household. */
export type Linkage = Readonly<z.output<typeof linkageInputSchema>>;

/** Validates linkage input. */
export function createLinkage(input: unknown): Result<Linkage, DomainError> {
  return parseInput(linkageInputSchema, input, "LINKAGE");
}

/** Kinds of benefit a household can receive through a linkage. */
export const BENEFIT_KINDS = ["cash", "in_kind", "wage", "rent", "dividend", "purchase_payment"] as const;

/** Input of a linkage's record for one year: whether the household took part and what it actually received. */
export const linkageYearInputSchema = z
  .object({
    id: idSchema,
    linkageId: idSchema,
    year: yearSchema,
    tookPart: z.boolean(),
    receivedFen: fenSchema,
    benefitKind: z.enum(BENEFIT_KINDS).nullable().default(null),
  })
  .superRefine((y, ctx) => {
    if (!y.tookPart && y.receivedFen > 0) {
      addFieldIssue(ctx, "receivedFen", "a household that did not take part received nothing");
    }
    if (y.receivedFen > 0 && y.benefitKind === null) {
      addFieldIssue(ctx, "benefitKind", "say what kind of benefit was received");
    }
  });

/** One year of a linkage: participation and benefit received (in fen). */
export type LinkageYear = Readonly<z.output<typeof linkageYearInputSchema>>;

/** Validates linkage year input. */
export function createLinkageYear(input: unknown): Result<LinkageYear, DomainError> {
  return parseInput(linkageYearInputSchema, input, "LINKAGE_YEAR");
}

/** Whether a linkage existed in `year`. */
export function linkageCoversYear(linkage: Linkage, year: number): boolean {
  return year >= linkage.startYear && (linkage.endYear === null || year <= linkage.endYear);
}
