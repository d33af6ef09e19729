import { describe, expect, it } from "vitest";
import { ledgerYears } from "../shared/ledger-years.js";
import { syntheticPeriod } from "./period.js";

describe("syntheticPeriod", () => {
  it.each([
    ["2026-11-28", { referenceYear: 2026, asOf: "2026-11-28" }],
    ["2026-03-01", { referenceYear: 2026, asOf: "2026-03-01" }],
    ["2026-02-28", { referenceYear: 2025, asOf: "2025-12-31" }],
    ["2026-01-01", { referenceYear: 2025, asOf: "2025-12-31" }],
  ])("on %s is %j", (today, expected) => {
    expect(syntheticPeriod(today)).toEqual(expected);
  });
});

describe("ledgerYears", () => {
  it("the current year is the as-of date's, the latest complete year the one before", () => {
    expect(ledgerYears("2026-12-02")).toEqual({ currentYear: 2026, latestCompleteYear: 2025 });
    expect(ledgerYears("2027-01-01")).toEqual({ currentYear: 2027, latestCompleteYear: 2026 });
  });
});
