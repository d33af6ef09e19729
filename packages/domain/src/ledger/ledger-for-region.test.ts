import { describe, expect, it } from "vitest";
import { generateSyntheticCounty } from "../synthetic/index.js";
import { createRegionLedger, ledgerForRegion, sliceLedgerData, validateLedger } from "./ledger.js";
import { T1, T2, validData } from "./testing/ledger-fixture.js";

describe("ledgerForRegion on the synthetic county", () => {
  const { ledger } = generateSyntheticCounty({ referenceYear: 2025, households: 1500, seed: 3 });
  const townships = ledger.regions.filter((r) => r.level === "township").map((r) => r.code);
  const villages = ledger.regions.filter((r) => r.level === "village").map((r) => r.code);

  it.each([...townships, ...villages.filter((_, i) => i % 10 === 0)])(
    "the cut for %s is itself a valid ledger holding exactly its own households",
    (code) => {
      const cut = ledgerForRegion(ledger, code);
      expect(validateLedger(cut)).toEqual([]);
      const expected = ledger.households.filter((h) => h.villageCode.startsWith(code)).map((h) => h.id);
      expect(cut.households.map((h) => h.id)).toEqual(expected);
      for (const s of cut.services) {
        expect(s.householdIds.every((id) => cut.households.some((h) => h.id === id))).toBe(true);
      }
    },
  );

  it("townships partition the county's households, members and linkages", () => {
    const cuts = townships.map((code) => ledgerForRegion(ledger, code));
    expect(cuts.reduce((n, c) => n + c.households.length, 0)).toBe(ledger.households.length);
    expect(cuts.reduce((n, c) => n + c.members.length, 0)).toBe(ledger.members.length);
    expect(cuts.reduce((n, c) => n + c.linkages.length, 0)).toBe(ledger.linkages.length);
  });
});

describe("a project naming a household of another township", () => {
  // Bug guarded: T1's project listed T2's household h2, so T1's slice failed with a dangling reference.
  const data = validData();
  const crossing = {
    ...data,
    projects: data.projects.map((p) => ({ ...p, beneficiaryHouseholdIds: ["h1", "h2"] })),
  };

  it("is a valid county ledger, and each township's slice is valid too", () => {
    expect(validateLedger(crossing)).toEqual([]);
    const t1 = createRegionLedger(crossing, T1);
    expect(t1.ok && validateLedger(t1.value)).toEqual([]);
    expect(createRegionLedger(crossing, T2).ok).toBe(true);
  });

  it("lists in the township's slice only the township's own beneficiaries", () => {
    const t1 = sliceLedgerData(crossing, T1);
    expect(t1.projects.map((p) => p.beneficiaryHouseholdIds)).toEqual([["h1"]]);
    expect(t1.households.map((h) => h.id)).toEqual(["h1"]);
    expect(sliceLedgerData(crossing, "360723").projects[0]?.beneficiaryHouseholdIds).toEqual(["h1", "h2"]);
  });
});
