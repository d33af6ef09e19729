import { describe, expect, it } from "vitest";
import { household, incomesFrom, member, VILLAGES_A } from "../testing/fixtures.js";
import { countsOf } from "../testing/metrics.js";
import { incomeStableHouseholds } from "./income-stability.js";

const [A1] = VILLAGES_A;

describe("INCOME_STABLE_HOUSEHOLDS", () => {
  it("needs net income per head above the line every year of the window, and members", () => {
    const records = {
      households: [household("h1", A1), household("h2", A1), household("h3", A1)],
      members: [member("m1", "h1"), member("m2", "h2")],
      incomes: incomesFrom({
        2024: { h1: 2_000_000, h3: 2_000_000 },
        2025: { h1: 2_000_000, h2: 2_000_000, h3: 2_000_000 },
      }),
    };
    const policy = { incomeStableYears: 2, incomeLineFen: 1_000_000 };
    expect(countsOf(incomeStableHouseholds, records, 2025, { policy })).toEqual([1, 3]);
    expect(
      countsOf(incomeStableHouseholds, records, 2025, { policy: { ...policy, incomeLineFen: 3_000_000 } }),
    ).toEqual([0, 3]);
  });
});
