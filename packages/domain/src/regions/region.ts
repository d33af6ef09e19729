import { z } from "zod";
import { parseInput } from "../shared/input.js";
import type { DomainError, Result } from "../shared/result.js";
import { parseRegionCode, type RegionLevel } from "./region-code.js";

/** Schema of a region code: 2, 4, 6, 9 or 12 digits, normalised to its short form. */
export const regionCodeSchema = z
  .string({ error: "must be a region code (text of digits)" })
  .transform((text, ctx) => {
    const parsed = parseRegionCode(text);
    if (!parsed.ok) {
      ctx.addIssue({ code: "custom", message: parsed.error.message });
      return z.NEVER;
    }
    return parsed.value.code;
  });

/** Input of a region (行政区划): code, name and, for villages, whether it is a poor village (贫困村). */
export const regionInputSchema = z.object({
  code: regionCodeSchema,
  name: z.string().trim().min(1, { error: "must not be empty" }).max(100),
  isPoorVillage: z.boolean().default(false),
});

/** A region of the hierarchy province → city → county → township → village. */
export interface Region {
  readonly code: string;
  readonly name: string;
  readonly level: RegionLevel;
  readonly parentCode: string | null;
  readonly isPoorVillage: boolean;
}

/** Creates a region from input; a poor-village flag on anything but a village is refused. */
export function createRegion(input: unknown): Result<Region, DomainError> {
  const parsed = parseInput(regionInputSchema, input, "REGION");
  if (!parsed.ok) return parsed;
  const info = parseRegionCode(parsed.value.code);
  if (!info.ok) throw new Error("region code passed the schema but not the parser");
  const { level, ancestors } = info.value;
  if (parsed.value.isPoorVillage && level !== "village") {
    return {
      ok: false,
      error: {
        code: "REGION.INVALID_INPUT",
        message: "isPoorVillage: only a village can be a poor village",
        issues: [{ path: "isPoorVillage", message: "only a village can be a poor village" }],
      },
    };
  }
  return {
    ok: true,
    value: {
      code: parsed.value.code,
      name: parsed.value.name,
      level,
      parentCode: ancestors.at(-1) ?? null,
      isPoorVillage: parsed.value.isPoorVillage,
    },
  };
}

/** Whether a region is a poor village (贫困村). */
export function isPoorVillage(region: Region): boolean {
  return region.level === "village" && region.isPoorVillage;
}
