import { z } from "zod";
import { regionCodeSchema } from "../regions/region.js";
import { type IsoDate, isoDateSchema } from "../shared/dates.js";
import { idSchema } from "../shared/ids.js";
import { parseInput, typedCodeSchema } from "../shared/input.js";
import type { DomainError, Result } from "../shared/result.js";

/**
 * Kinds of responsibility: a township's fixed responsible person (乡镇固定人员), a household's helper
 * (帮扶责任人), or a village's responsible person (村级主体责任: "督促乡、村两级扛起产业扶贫的主体责任").
 */
export const RESPONSIBILITY_KINDS = [
  "township_fixed_person",
  "household_helper",
  "village_responsible_person",
] as const;

/** Input of a responsibility assignment, valid from a date until another (null: open-ended). */
export const responsibilityInputSchema = z
  .object({
    id: idSchema,
    kind: z.enum(RESPONSIBILITY_KINDS),
    personName: z.string().trim().min(1).max(50),
    personPhone: typedCodeSchema(
      z.string().regex(/^1\d{10}$/, { error: "must be an 11-digit mobile number" }),
      "must be a mobile number (text)",
    )
      .nullable()
      .default(null),
    townshipCode: regionCodeSchema.refine((c) => c.length === 9, {
      error: "must be a township code (9 digits)",
    }),
    householdId: idSchema.nullable().default(null),
    /** The village (12 digits, in the township) a village's responsible person answers for. */
    villageCode: regionCodeSchema
      .refine((c) => c.length === 12, { error: "must be a village code (12 digits)" })
      .nullable()
      .default(null),
    validFrom: isoDateSchema,
    validTo: isoDateSchema.nullable().default(null),
  })
  .superRefine((r, ctx) => {
    if (r.kind === "household_helper" && r.householdId === null) {
      ctx.addIssue({ code: "custom", path: ["householdId"], message: "a helper is assigned to a household" });
    }
    if (r.kind === "township_fixed_person" && r.householdId !== null) {
      ctx.addIssue({
        code: "custom",
        path: ["householdId"],
        message: "a township's responsible person is not tied to a household",
      });
    }
    if (r.kind === "village_responsible_person" && r.householdId !== null) {
      ctx.addIssue({
        code: "custom",
        path: ["householdId"],
        message: "a village's responsible person is not tied to a household",
      });
    }
    if (r.kind === "village_responsible_person" && r.villageCode === null) {
      ctx.addIssue({
        code: "custom",
        path: ["villageCode"],
        message: "a village's responsible person names the village",
      });
    }
    if (r.kind !== "village_responsible_person" && r.villageCode !== null) {
      ctx.addIssue({
        code: "custom",
        path: ["villageCode"],
        message: "only a village's responsible person names a village",
      });
    }
    if (r.villageCode !== null && !r.villageCode.startsWith(r.townshipCode)) {
      ctx.addIssue({ code: "custom", path: ["villageCode"], message: "must be a village of the township" });
    }
    if (r.validTo !== null && r.validTo < r.validFrom) {
      ctx.addIssue({ code: "custom", path: ["validTo"], message: "must not be before validFrom" });
    }
  });

/** A responsibility assignment for a township, a village or a household. */
export type Responsibility = Readonly<z.output<typeof responsibilityInputSchema>>;

/** Validates responsibility input. */
export function createResponsibility(input: unknown): Result<Responsibility, DomainError> {
  return parseInput(responsibilityInputSchema, input, "RESPONSIBILITY");
}

/** Whether an assignment is in force on `date`. */
export function isResponsibilityCurrent(r: Responsibility, date: IsoDate): boolean {
  return r.validFrom <= date && (r.validTo === null || date <= r.validTo);
}
