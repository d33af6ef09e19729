import { describe, expect, it } from "vitest";
import { generateSyntheticCounty } from "../synthetic/index.js";
import { buildReportSet, reportRuleContext } from "./report-set.js";
import { checkReportConsistency } from "./rules.js";

// Bug guarded: the clean synthetic county broke R2 and R5 1,143 times a year (project beneficiaries
// without the project's linkage, property income below the dividends and rent received).
describe("the synthetic county's clean data keeps the report rules", () => {
  const { ledger } = generateSyntheticCounty({ referenceYear: 2025, asOf: "2025-11-30" });

  it.each([2023, 2024, 2025])(
    "%i: no R5 violation; an R2 one only where the household's linkage had ended",
    (year) => {
      const violations = checkReportConsistency(
        reportRuleContext(ledger, buildReportSet(ledger, ledger.countyCode, { kind: "year", year })),
      );
      expect(violations.filter((v) => v.code.startsWith("R5"))).toEqual([]);
      const r2 = violations.filter((v) => v.code === "R2.BENEFICIARY_LINKAGE");
      expect(r2.length).toBeLessThan(10);
      for (const v of r2) {
        const [projectId, householdNumber] = v.scopeKey.split("|");
        const project = ledger.projects.find((p) => p.id === projectId)!;
        const household = ledger.households.find((h) => h.householdNumber === householdNumber)!;
        const ended = ledger.linkages.filter(
          (l) =>
            l.householdId === household.id &&
            l.entityId === project.entityId &&
            l.mode === project.linkageMode &&
            l.endYear !== null &&
            l.endYear < year,
        );
        expect(ended.length, v.scopeKey).toBeGreaterThan(0);
      }
    },
  );
});
