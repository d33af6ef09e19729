import { z } from "zod";
import { regionCodeSchema } from "../regions/region.js";
import { isoDateSchema } from "../shared/dates.js";
import { idSchema } from "../shared/ids.js";
import { parseInput } from "../shared/input.js";
import type { DomainError, Result } from "../shared/result.js";

/** A visit to households or a training session. */
export const SERVICE_KINDS = ["visit", "training"] as const;

/** Input of a technical service team (技术服务小分队) visit or training: where, when, on which industry, for which households. */
export const technicalServiceInputSchema = z.object({
  id: idSchema,
  kind: z.enum(SERVICE_KINDS),
  date: isoDateSchema,
  regionCode: regionCodeSchema.refine((c) => c.length >= 9, { error: "must be a township or village code" }),
  industryId: idSchema.nullable().default(null),
  householdIds: z.array(idSchema).max(500).default([]),
  content: z.string().trim().min(1).max(500),
});

/** A technical service visit or training. */
export type TechnicalService = Readonly<z.output<typeof technicalServiceInputSchema>>;

/** Validates technical service input. */
export function createTechnicalService(input: unknown): Result<TechnicalService, DomainError> {
  return parseInput(technicalServiceInputSchema, input, "SERVICE");
}
