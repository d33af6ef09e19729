import { chinaDateOf, type Ledger, ledgerYears } from "@fupin/domain";
import type { ArgBuilder } from "@pothos/core";
import { GraphQLError } from "graphql";
import { z } from "zod";
import type { GatewayContext } from "../context.js";
import { futureYearMessage } from "./argument-guard.js";
import type { Types } from "./builder.js";
import { requireRegion } from "./scope.js";

/** Validation of an assessed year. */
export const yearArgSchema = z.number().int().min(2000, { error: "must be 2000 or later" }).max(2100, {
  error: "must be 2100 or earlier",
});

/**
 * The arguments of an assessment query: the region (`Region <verb> (<regions>).`) and the year,
 * the latest complete year when absent.
 */
export function assessmentArgs(t: ArgBuilder<Types>, verb: string, regions: string) {
  return {
    regionCode: t.string({ required: true, description: `Region ${verb} (${regions}).` }),
    year: t.int({
      description: `Year ${verb}; default the latest complete year (the year before the ledger's as-of date).`,
      validate: yearArgSchema.nullish(),
    }),
  };
}

/** The region (inside the caller's scope) and the year (not after the ledger's as-of date) an assessment query asks about. */
export function assessedRegionYear(
  ctx: GatewayContext,
  args: { readonly regionCode: string; readonly year?: number | null },
): { regionCode: string; year: number } {
  const regionCode = requireRegion(ctx, args.regionCode);
  const year = assessedYear(ctx, args.year);
  checkAssessedYear(ctx, year);
  return { regionCode, year };
}

/** The year an assessment is about: the given one, or the latest complete year as of the request's date. */
export function assessedYear(ctx: GatewayContext, year: number | null | undefined): number {
  return year ?? ledgerYears(chinaDateOf(ctx.now())).latestCompleteYear;
}

/** Refuses an assessed year after the ledger's as-of date (the request's today in China) with BAD_USER_INPUT naming `year`. */
export function checkAssessedYear(ctx: GatewayContext, year: number, field = "year"): void {
  const message = futureYearMessage(year, chinaDateOf(ctx.now()), field);
  if (message === null) return;
  throw new GraphQLError(`invalid input: ${field}: ${message}`, {
    extensions: { code: "BAD_USER_INPUT", field, issues: [{ path: field, message }] },
  });
}

const ISO_DATE = /^(\d{4})-\d{2}-\d{2}/;

/** Whether any record of the ledger is dated in or before `year` (a `year` field or an ISO date); stops at the first. */
export function hasRecordInOrBefore(ledger: Ledger, year: number): boolean {
  for (const records of Object.values(ledger)) {
    if (!Array.isArray(records)) continue;
    for (const record of records as readonly Record<string, unknown>[]) {
      for (const [key, value] of Object.entries(record)) {
        if (key === "year" && typeof value === "number" && value <= year) return true;
        if (typeof value === "string") {
          const m = ISO_DATE.exec(value);
          if (m && Number(m[1]) <= year) return true;
        }
      }
    }
  }
  return false;
}
