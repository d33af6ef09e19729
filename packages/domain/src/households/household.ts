import { z } from "zod";
import { regionCodeSchema } from "../regions/region.js";
import { yearSchema } from "../shared/dates.js";
import { idSchema } from "../shared/ids.js";
import { parseInput, typedCodeSchema } from "../shared/input.js";
import type { DomainError, Result } from "../shared/result.js";

/** 贫困户属性: ordinary poor, minimum-living-allowance poor, or extremely poor supported household. */
export const HOUSEHOLD_ATTRIBUTES = ["ordinary", "subsistence_allowance", "extreme_poverty_support"] as const;
/** A household attribute code. */
export type HouseholdAttribute = (typeof HOUSEHOLD_ATTRIBUTES)[number];
/** Chinese labels of household attributes. */
export const HOUSEHOLD_ATTRIBUTE_LABELS: Readonly<Record<HouseholdAttribute, string>> = {
  ordinary: "一般贫困户",
  subsistence_allowance: "低保贫困户",
  extreme_poverty_support: "特困供养贫困户",
};

/** 致贫原因: the causes of poverty recorded for a household. */
export const POVERTY_CAUSES = [
  "illness",
  "disability",
  "schooling",
  "disaster",
  "lack_of_land",
  "lack_of_water",
  "lack_of_skills",
  "lack_of_labour",
  "lack_of_funds",
  "poor_transport",
  "lack_of_drive",
  "other",
] as const;
/** A poverty cause code. */
export type PovertyCause = (typeof POVERTY_CAUSES)[number];
/** Chinese labels of poverty causes. */
export const POVERTY_CAUSE_LABELS: Readonly<Record<PovertyCause, string>> = {
  illness: "因病",
  disability: "因残",
  schooling: "因学",
  disaster: "因灾",
  lack_of_land: "缺土地",
  lack_of_water: "缺水",
  lack_of_skills: "缺技术",
  lack_of_labour: "缺劳力",
  lack_of_funds: "缺资金",
  poor_transport: "交通条件落后",
  lack_of_drive: "自身发展动力不足",
  other: "其它",
};

/** 贫困状态: not yet out of poverty, out of poverty, or relapsed. */
export const POVERTY_STATUSES = ["in_poverty", "exited", "relapsed"] as const;
/** A poverty status code. */
export type PovertyStatus = (typeof POVERTY_STATUSES)[number];
/** Chinese labels of poverty statuses. */
export const POVERTY_STATUS_LABELS: Readonly<Record<PovertyStatus, string>> = {
  in_poverty: "未脱贫",
  exited: "已脱贫",
  relapsed: "返贫",
};

/** 识别标准: the standard a household was identified under. */
export const IDENTIFICATION_STANDARDS = ["national", "provincial"] as const;

/** Input of a registered household (建档立卡贫困户). Members are recorded separately. */
export const householdInputSchema = z
  .object({
    id: idSchema,
    householdNumber: typedCodeSchema(
      z.string().regex(/^[0-9A-Za-z-]{6,32}$/, { error: "must be 6–32 letters, digits or '-'" }),
      "must be the household number (户编号)",
    ),
    villageCode: regionCodeSchema.refine((c) => c.length === 12, {
      error: "must be a village code (12 digits)",
    }),
    identificationStandard: z.enum(IDENTIFICATION_STANDARDS).default("national"),
    attribute: z.enum(HOUSEHOLD_ATTRIBUTES),
    mainCause: z.enum(POVERTY_CAUSES),
    otherCauses: z.array(z.enum(POVERTY_CAUSES)).max(2, { error: "at most two other causes" }).default([]),
    povertyStatus: z.enum(POVERTY_STATUSES),
    registeredYear: yearSchema,
    exitYear: yearSchema.nullable().default(null),
    phone: typedCodeSchema(
      z.string().regex(/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, {
        error: "must be a mobile (11 digits) or landline number",
      }),
      "must be a phone number (text)",
    )
      .nullable()
      .default(null),
    bankAccount: typedCodeSchema(
      z.string().regex(/^\d{12,30}$/, { error: "must be 12–30 digits" }),
      "must be a bank account number (text)",
    )
      .nullable()
      .default(null),
  })
  .superRefine((h, ctx) => {
    if (h.povertyStatus === "in_poverty" && h.exitYear !== null) {
      ctx.addIssue({
        code: "custom",
        path: ["exitYear"],
        message: "a household still in poverty has no exit year",
      });
    }
    if (h.povertyStatus !== "in_poverty" && h.exitYear === null) {
      ctx.addIssue({
        code: "custom",
        path: ["exitYear"],
        message: "an exited or relapsed household needs its exit year",
      });
    }
    if (h.exitYear !== null && h.exitYear < h.registeredYear) {
      ctx.addIssue({
        code: "custom",
        path: ["exitYear"],
        message: "must not be before the registration year",
      });
    }
    if (h.otherCauses.includes(h.mainCause)) {
      ctx.addIssue({ code: "custom", path: ["otherCauses"], message: "must not repeat the main cause" });
    }
  });

/** A registered poor household (建档立卡贫困户). */
export type Household = Readonly<z.output<typeof householdInputSchema>>;

/** Validates household input. */
export function createHousehold(input: unknown): Result<Household, DomainError> {
  return parseInput(householdInputSchema, input, "HOUSEHOLD");
}
