import { chinaDateOf, type Ledger, ledgerYears } from "@fupin/domain";
import { GraphQLError } from "graphql";
import type { GatewayContext } from "../context.js";
import { futureYearMessage } from "./argument-guard.js";

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
