import { describe, expect, it } from "vitest";
import { syntheticPeriod } from "./seed-database.js";

describe("syntheticPeriod", () => {
  it.each([
    ["2026-11-28", undefined, { referenceYear: 2026, asOf: "2026-11-28" }],
    ["2026-03-01", undefined, { referenceYear: 2026, asOf: "2026-03-01" }],
    ["2026-02-28", undefined, { referenceYear: 2025, asOf: "2025-12-31" }],
    ["2026-01-01", undefined, { referenceYear: 2025, asOf: "2025-12-31" }],
    ["2026-11-28", 2024, { referenceYear: 2024 }],
  ])("on %s with reference year %s gives %j", (today, year, expected) => {
    expect(syntheticPeriod(today, year)).toEqual(expected);
  });
});
