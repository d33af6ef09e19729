import { describe, expect, it } from "vitest";
import { generateSyntheticCounty } from "../synthetic/index.js";
import type { RuleViolation } from "./consistency.js";
import { buildReportSet, reportRuleContext } from "./report-set.js";
import { checkReportConsistency } from "./rules.js";

const key = (v: RuleViolation) => `${v.code} ${v.scopeKey}`;

describe("a planted inconsistency in the synthetic county", () => {
  it("is found and explained: wages recorded below the employment pay the household received", () => {
    const { ledger } = generateSyntheticCounty({ referenceYear: 2025, households: 400 });
    const period = { kind: "year", year: 2025 } as const;
    const before = checkReportConsistency(
      reportRuleContext(ledger, buildReportSet(ledger, "360723", period)),
    );
    const paid = ledger.linkageYears.find(
      (y) =>
        y.year === 2025 &&
        y.benefitKind === "wage" &&
        y.receivedFen > 0 &&
        ledger.incomes.some(
          (i) =>
            i.year === 2025 &&
            i.householdId === ledger.linkages.find((l) => l.id === y.linkageId)?.householdId,
        ),
    )!;
    const householdId = ledger.linkages.find((l) => l.id === paid.linkageId)!.householdId;
    const incomes = ledger.incomes.map((i) =>
      i.year === 2025 && i.householdId === householdId ? { ...i, wageFen: paid.receivedFen - 1 } : i,
    );
    const planted = { ...ledger, incomes };
    const after = checkReportConsistency(
      reportRuleContext(planted, buildReportSet(planted, "360723", period)),
    );
    const known = new Set(before.map(key));
    const fresh = after.filter((v) => !known.has(key(v)));
    expect(fresh).toHaveLength(1);
    const v = fresh[0]!;
    const household = ledger.households.find((h) => h.id === householdId)!;
    expect(v).toMatchObject({
      code: "R5.WAGES_COVER_EMPLOYMENT_PAY",
      importance: "error",
      scopeKey: household.householdNumber,
    });
    expect(v.left.value).toBeLessThan(v.right.value!);
    expect(v.right.refs.flatMap((r) => r.recordIds)).toContain(paid.id);
    expect(v.message).toContain("工资性收入");
    expect(v.message).toContain(household.householdNumber);
  });
});
