import { describe, expect, it } from "vitest";
import { ledgerForRegion } from "../ledger/ledger.js";
import { generateSyntheticCounty } from "../synthetic/index.js";
import { detectFindings } from "./detect-findings.js";

// A finding means the same at every level: the county's findings in a township are exactly those the
// township's own ledger (its households and what they refer to, as a township-scoped caller reads it)
// finds. Rules over an entity's households judge each township's households apart, and a rectification
// item answers only the findings of its own township, so no finding depends on rows outside the township.

const NOW = new Date("2025-11-30T04:00:00Z");
const YEARS = [2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025];

describe.each([
  { seed: 1, households: 400 },
  { seed: 7, households: 1_500 },
])("findings of the county and of each township agree (seed $seed, $households households)", (options) => {
  const { ledger } = generateSyntheticCounty({ ...options, referenceYear: 2025, asOf: "2025-11-30" });
  const townships = ledger.regions.filter((r) => r.level === "township").map((r) => r.code);
  const slices = townships.map((code) => [code, ledgerForRegion(ledger, code)] as const);
  const shown = (f: { code: string; regionCode: string; subjectId: string; evidence: readonly string[] }) =>
    `${f.code} ${f.regionCode} ${f.subjectId} ${f.evidence.join(",")}`;

  it.each(YEARS)("in %i: the same findings, messages and evidence in every township", (year) => {
    const county = detectFindings(ledger, { year, now: NOW });
    let compared = 0;
    for (const [township, slice] of slices) {
      const expected = county.filter((f) => f.regionCode.startsWith(township));
      const own = detectFindings(slice, { year, now: NOW, regionCode: township });
      expect(own.map(shown), township).toEqual(expected.map(shown));
      expect(
        own.map((f) => f.message),
        township,
      ).toEqual(expected.map((f) => f.message));
      compared += own.length;
    }
    // every township-level finding of the county was compared (the rest are the county's own)
    expect(compared).toBe(county.filter((f) => f.regionCode.length >= 9).length);
  });

  it("judges entities whose households live in several townships (the case the rule must agree on)", () => {
    const townshipsOf = new Map<string, Set<string>>();
    const villageOf = new Map(ledger.households.map((h) => [h.id, h.villageCode.slice(0, 9)]));
    for (const l of ledger.linkages) {
      const set = townshipsOf.get(l.entityId) ?? new Set<string>();
      set.add(villageOf.get(l.householdId)!);
      townshipsOf.set(l.entityId, set);
    }
    expect([...townshipsOf.values()].filter((s) => s.size > 1).length).toBeGreaterThan(1);
    const entityTownship = new Map(ledger.entities.map((e) => [e.id, e.regionCode.slice(0, 9)]));
    const codes = ["ENTITY.SHIELD", "LINKAGE.YEAR_TWO_EXIT", "ENTITY.EMPTY_SHELL"] as const;
    const elsewhere = YEARS.flatMap((year) => detectFindings(ledger, { year, now: NOW, codes })).filter(
      (f) => f.regionCode !== entityTownship.get(f.subjectId),
    );
    expect(elsewhere.length).toBeGreaterThan(0);
  });
});
