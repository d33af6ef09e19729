import { describe, expect, it } from "vitest";
import { detectFindings } from "../assessment/detect-findings.js";
import { generateSyntheticCounty } from "./index.js";

// The county holds the healthy look-alikes of 一捆了之 beside the planted cases, and none is found.
describe("household credit in the synthetic county", () => {
  const { ledger, planted, asOf } = generateSyntheticCounty({ referenceYear: 2025 });
  const now = new Date(`${asOf}T12:00:00Z`);
  const planted2025 = new Set(
    planted.filter((p) => p.code === "LINKAGE.BUNDLED" && p.year === 2025).map((p) => p.subjectId),
  );
  const found = new Set(
    detectFindings(ledger, { year: 2025, now, codes: ["LINKAGE.BUNDLED"] }).map((f) => f.subjectId),
  );
  const returnsOf = (id: string) => ledger.creditReturns.filter((r) => r.creditId === id);
  const able = new Set(
    ledger.members
      .filter((m) => m.labourAbility === "ordinary" || m.labourAbility === "skilled")
      .map((m) => m.householdId),
  );
  const healthy = ledger.credits.filter((c) => !planted.some((p) => p.subjectId === c.id));

  it("finds exactly the planted credits of the reference year", () => {
    expect(planted2025.size).toBeGreaterThan(5);
    expect([...found].sort()).toEqual([...planted2025].sort());
  });

  it.each([
    [
      "placed with an entity, taking part and paid",
      (id: string) => returnsOf(id).some((r) => r.kind === "dividend"),
    ],
    ["repaid in full", (id: string) => returnsOf(id).some((r) => r.kind === "repayment")],
  ])("holds silent look-alikes: %s", (_name, shows) => {
    const alike = healthy.filter((c) => c.entityId !== null && shows(c.id));
    expect(alike.length).toBeGreaterThan(3);
    expect(alike.filter((c) => found.has(c.id))).toEqual([]);
  });

  it("holds loans the households use themselves with nothing back, never found", () => {
    const own = healthy.filter((c) => c.entityId === null && returnsOf(c.id).length === 0);
    expect(own.length).toBeGreaterThan(10);
  });

  it("holds households with no one able to work paid exactly 5% without taking part, never found", () => {
    const assetIncome = healthy.filter(
      (c) =>
        c.entityId !== null &&
        !able.has(c.householdId) &&
        returnsOf(c.id).every((r) => r.amountFen * 20 === c.amountFen),
    );
    expect(assetIncome.length).toBeGreaterThan(0);
    expect(assetIncome.filter((c) => found.has(c.id))).toEqual([]);
  });
});
