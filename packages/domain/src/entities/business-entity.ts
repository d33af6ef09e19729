import { z } from "zod";
import { regionCodeSchema } from "../regions/region.js";
import { isoDateSchema, yearSchema } from "../shared/dates.js";
import { idSchema } from "../shared/ids.js";
import { parseInput, typedCodeSchema } from "../shared/input.js";
import { fenSchema } from "../shared/money.js";
import type { DomainError, Result } from "../shared/result.js";

/** Kinds of business entity (经营主体). */
export const ENTITY_KINDS = ["leading_enterprise", "cooperative", "family_farm", "large_grower"] as const;
/** An entity kind code. */
export type EntityKind = (typeof ENTITY_KINDS)[number];
/** Chinese labels of entity kinds. */
export const ENTITY_KIND_LABELS: Readonly<Record<EntityKind, string>> = {
  leading_enterprise: "龙头企业",
  cooperative: "合作社",
  family_farm: "家庭农场",
  large_grower: "种养大户",
};

/** Input of a business entity: name, kind, the township or village where it is registered, and its credit code. */
export const businessEntityInputSchema = z.object({
  id: idSchema,
  name: z.string().trim().min(1).max(100),
  kind: z.enum(ENTITY_KINDS),
  regionCode: regionCodeSchema.refine((c) => c.length >= 9, { error: "must be a township or village code" }),
  creditCode: typedCodeSchema(
    z
      .string()
      .toUpperCase()
      .regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/, { error: "must be an 18-character unified social credit code" }),
    "must be the unified social credit code (text)",
  )
    .nullable()
    .default(null),
  industryId: idSchema.nullable().default(null),
  establishedYear: yearSchema,
});

/** A business entity (经营主体) that links poor households to an industry. */
export type BusinessEntity = Readonly<z.output<typeof businessEntityInputSchema>>;

/** Validates business entity input. */
export function createBusinessEntity(input: unknown): Result<BusinessEntity, DomainError> {
  return parseInput(businessEntityInputSchema, input, "ENTITY");
}

/** Kinds of activity evidence an entity can show: sales, purchases, payments, members' meetings. */
export const ACTIVITY_KINDS = ["sales", "purchase", "payment", "meeting"] as const;

/** Input of one piece of an entity's activity evidence, dated, with an amount where it has one. */
export const entityActivityInputSchema = z
  .object({
    id: idSchema,
    entityId: idSchema,
    year: yearSchema,
    date: isoDateSchema,
    kind: z.enum(ACTIVITY_KINDS),
    amountFen: fenSchema.nullable().default(null),
    note: z.string().trim().max(500).default(""),
  })
  .refine((a) => Number(a.date.slice(0, 4)) === a.year, {
    path: ["date"],
    error: "must fall in the record's year",
  });

/** Evidence that an entity was active in a year (经营活动). */
export type EntityActivity = Readonly<z.output<typeof entityActivityInputSchema>>;

/** Validates entity activity input. */
export function createEntityActivity(input: unknown): Result<EntityActivity, DomainError> {
  return parseInput(entityActivityInputSchema, input, "ENTITY_ACTIVITY");
}
