import { describe, expect, it } from "vitest";
import {
  assessmentDate,
  createAssessmentContext,
  indexLedger,
  ledgerIndexFor,
  yearsRead,
} from "./context.js";
import { DEFAULT_POLICY } from "./policy.js";
import {
  buildLedger,
  entity,
  FIXTURE_NOW,
  household,
  income,
  linkage,
  linkageYear,
  TOWN_A,
  VILLAGES_A,
} from "./testing/fixtures.js";

describe("assessment context", () => {
  it.each([
    { year: 2025, now: "2025-11-30T04:00:00Z", expected: "2025-11-30" },
    { year: 2025, now: "2025-11-30T16:30:00Z", expected: "2025-12-01" }, // already 1 December in China
    { year: 2024, now: "2025-11-30T04:00:00Z", expected: "2024-12-31" },
    { year: 2026, now: "2025-11-30T04:00:00Z", expected: "2025-11-30" },
  ])("assesses $year as of $expected when now is $now", ({ year, now, expected }) => {
    expect(assessmentDate(year, new Date(now))).toBe(expected);
  });

  it("reads the year, the year before and the income window", () => {
    expect([...yearsRead(2025, DEFAULT_POLICY)].sort()).toEqual([2024, 2025]);
    expect([...yearsRead(2025, { ...DEFAULT_POLICY, incomeStableYears: 4 })].sort()).toEqual([
      2022, 2023, 2024, 2025,
    ]);
  });

  const ledger = buildLedger({
    households: [household("h1", VILLAGES_A[0])],
    entities: [entity("e1", TOWN_A)],
    linkages: [linkage("l1", "e1", "h1", 2020)],
    linkageYears: [2020, 2024, 2025].map((y) => linkageYear("l1", y, 1_000)),
    incomes: [income("i1", "h1", 2020, 1), income("i2", "h1", 2025, 1)],
  });

  it("indexes only the years asked for", () => {
    const index = indexLedger(ledger, new Set([2024, 2025]));
    expect([...index.linkageYears.keys()].sort()).toEqual([2024, 2025]);
    expect([...index.incomes.keys()]).toEqual([2025]);
    expect([...indexLedger(ledger).linkageYears.keys()].sort()).toEqual([2020, 2024, 2025]);
  });

  it("builds one index per ledger object and set of years, shared by the calls on it", () => {
    const a = createAssessmentContext(ledger, { year: 2025, now: FIXTURE_NOW });
    const b = createAssessmentContext(ledger, {
      year: 2025,
      now: FIXTURE_NOW,
      policy: { smallSubsidyFen: 1 },
    });
    expect(b.index).toBe(a.index);
    expect(ledgerIndexFor(ledger, new Set([2025, 2024]))).toBe(a.index);
    expect(createAssessmentContext(ledger, { year: 2024, now: FIXTURE_NOW }).index).not.toBe(a.index);
    expect(createAssessmentContext({ ...ledger }, { year: 2025, now: FIXTURE_NOW }).index).not.toBe(a.index);
  });
});
