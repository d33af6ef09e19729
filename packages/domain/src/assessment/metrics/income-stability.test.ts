import { describe, expect, it } from "vitest";
import { household, income, member, VILLAGES_A } from "../testing/fixtures.js";
import { countsOf } from "../testing/metrics.js";
import { incomeStableHouseholds } from "./income-stability.js";

const [A1] = VILLAGES_A;

describe("INCOME_STABLE_HOUSEHOLDS", () => {
  it("needs net income per head above the line every year of the window, and members", () => {
    const records = {
      households: [household("h1", A1), household("h2", A1), household("h3", A1)],
      members: [member("m1", "h1"), member("m2", "h2")],
      incomes: [
        income("i1a", "h1", 2024, 2_000_000),
        income("i1b", "h1", 2025, 2_000_000),
        income("i2b", "h2", 2025, 2_000_000),
        income("i3a", "h3", 2024, 2_000_000),
        income("i3b", "h3", 2025, 2_000_000),
      ],
    };
    const policy = { incomeStableYears: 2, incomeLineFen: 1_000_000 };
    expect(countsOf(incomeStableHouseholds, records, 2025, { policy })).toEqual([1, 3]);
    expect(
      countsOf(incomeStableHouseholds, records, 2025, { policy: { ...policy, incomeLineFen: 3_000_000 } }),
    ).toEqual([0, 3]);
  });
});
