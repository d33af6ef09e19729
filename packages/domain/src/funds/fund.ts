import { z } from "zod";
import { regionCodeSchema } from "../regions/region.js";
import { yearSchema } from "../shared/dates.js";
import { idSchema } from "../shared/ids.js";
import { parseInput } from "../shared/input.js";
import { fenSchema } from "../shared/money.js";
import type { DomainError, Result } from "../shared/result.js";

/** Sources of funds (资金来源). */
export const FUND_SOURCES = ["central", "provincial", "municipal", "county", "self_raised"] as const;
/** A fund source code. */
export type FundSource = (typeof FUND_SOURCES)[number];
/** Chinese labels of fund sources. */
export const FUND_SOURCE_LABELS: Readonly<Record<FundSource, string>> = {
  central: "中央",
  provincial: "省级",
  municipal: "市级",
  county: "县级",
  self_raised: "自筹",
};

/** Input of a fund allocated to the county (or a township) in a year. */
export const fundInputSchema = z.object({
  id: idSchema,
  name: z.string().trim().min(1).max(100),
  source: z.enum(FUND_SOURCES),
  year: yearSchema,
  regionCode: regionCodeSchema.refine((c) => c.length >= 6, { error: "must be a county or lower code" }),
  allocatedFen: fenSchema,
});

/** A fund (资金): its source, year and allocation in fen. */
export type Fund = Readonly<z.output<typeof fundInputSchema>>;

/** Validates fund input. */
export function createFund(input: unknown): Result<Fund, DomainError> {
  return parseInput(fundInputSchema, input, "FUND");
}

/** Use categories: industry, or non-industry uses such as equity into unrelated enterprises (入股企业) and photovoltaics (光伏). */
export const FUND_USE_CATEGORIES = [
  "industry",
  "equity_in_enterprise",
  "photovoltaic",
  "infrastructure",
  "welfare",
  "other",
] as const;
/** A fund use category code. */
export type FundUseCategory = (typeof FUND_USE_CATEGORIES)[number];
/** Chinese labels of fund use categories. */
export const FUND_USE_CATEGORY_LABELS: Readonly<Record<FundUseCategory, string>> = {
  industry: "产业发展",
  equity_in_enterprise: "入股企业",
  photovoltaic: "光伏",
  infrastructure: "基础设施",
  welfare: "福利性支出",
  other: "其它",
};

/** Input of one use of a fund: how much went to which category, for which project. */
export const fundUseInputSchema = z.object({
  id: idSchema,
  fundId: idSchema,
  year: yearSchema,
  category: z.enum(FUND_USE_CATEGORIES),
  amountFen: fenSchema.refine((f) => f > 0, { error: "must be more than zero" }),
  projectId: idSchema.nullable().default(null),
  description: z.string().trim().max(200).default(""),
});

/** A use of a fund (资金使用) by category. */
export type FundUse = Readonly<z.output<typeof fundUseInputSchema>>;

/** Validates fund use input. */
export function createFundUse(input: unknown): Result<FundUse, DomainError> {
  return parseInput(fundUseInputSchema, input, "FUND_USE");
}
