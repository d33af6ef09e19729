import { z } from "zod";
import { isoDateSchema, yearOf, yearSchema } from "../shared/dates.js";
import { idSchema } from "../shared/ids.js";
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
    /** The day the agreement was signed (签订), where recorded; in the start year. */
    signedDate: isoDateSchema.nullable().default(null),
    /** The day it ended, where recorded; in the end year. */
    endDate: isoDateSchema.nullable().default(null),
  })
  .superRefine((l, ctx) => {
    if (l.endYear !== null && l.endYear < l.startYear)
      ctx.addIssue({ code: "custom", path: ["endYear"], message: "must not be before the start year" });
    if (l.signedDate && yearOf(l.signedDate) !== l.startYear)
      ctx.addIssue({ code: "custom", path: ["signedDate"], message: "must fall in the start year" });
    if (l.endDate && (l.endYear === null || yearOf(l.endDate) !== l.endYear))
      ctx.addIssue({ code: "custom", path: ["endDate"], message: "must fall in the end year" });
    if (l.endDate && l.signedDate && l.endDate < l.signedDate)
      ctx.addIssue({ code: "custom", path: ["endDate"], message: "must not be before the signing date" });
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
    /** The mode's basis: the sum invested (入股), where recorded. */
    investedFen: fenSchema.nullable().default(null),
    /** The mode's basis: months worked (务工), where recorded. */
    monthsWorked: z.number().min(0).max(12).nullable().default(null),
    /** The mode's basis: land leased, in mu (亩), where recorded. */
    areaMu: z.number().min(0).max(100_000).nullable().default(null),
    /** The days the benefit was paid, where recorded; each in the record's year. */
    paymentDates: z.array(isoDateSchema).max(366).default([]),
  })
  .superRefine((y, ctx) => {
    y.paymentDates.forEach((d, i) => {
      if (yearOf(d) !== y.year)
        ctx.addIssue({
          code: "custom",
          path: ["paymentDates", i],
          message: "must fall in the record's year",
        });
    });
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
