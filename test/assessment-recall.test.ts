// Recall of the detectors on the synthetic county: every problem the generator planted is found, for
// every planted year, with the planted records in its evidence; and no finding is left unexplained.
// The generator reports implied problems as planted too (an entity used as a shield makes each of its
// linkages fake that year: PLANT_IMPLICATIONS), so "explained" here means "in the planted report". A
// rule over an entity's households finds one problem in each township of its households: one planted
// item, several findings of the same code, year and subject, whose evidence together names its records.
import { detectFindings, FINDING_CODES, type Finding } from "@fupin/domain";
import { generateSyntheticCounty, PLANT_IMPLICATIONS } from "@fupin/domain/synthetic";
import { describe, expect, it } from "vitest";

const NOW = new Date("2025-11-30T04:00:00Z");
const key = (p: { code: string; year: number; subjectId: string }) => `${p.code}|${p.year}|${p.subjectId}`;

function assess(options: { seed: number; households?: number }) {
  const county = generateSyntheticCounty({ ...options, referenceYear: 2025, asOf: "2025-11-30" });
  const years = [...new Set(county.planted.map((p) => p.year))].sort();
  const findings = new Map<string, Finding>();
  const evidence = new Map<string, Set<string>>();
  for (const year of years) {
    for (const f of detectFindings(county.ledger, { year, now: NOW })) {
      findings.set(key(f), f);
      const ids = evidence.get(key(f)) ?? new Set<string>();
      for (const id of f.evidence) ids.add(id);
      evidence.set(key(f), ids);
    }
  }
  return { county, years, findings, evidence, plantedKeys: new Set(county.planted.map(key)) };
}

describe("assessment recall on the default synthetic county (seed 1, 2025, as of 2025-11-30)", () => {
  const { county, years, findings, evidence, plantedKeys } = assess({ seed: 1 });
  const WINDOW = [2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025];

  it("is a synthetic ledger with problems of every code planted over its window: registration (2014–2017), the campaign (2018–2020) and consolidation", () => {
    expect(county.synthetic).toBe(true);
    expect(years).toEqual(WINDOW);
    expect(new Set(county.planted.map((p) => p.code))).toEqual(new Set(FINDING_CODES));
    // implied problems are reported as planted, so each implied code appears wherever its source does
    for (const [source, implied] of Object.entries(PLANT_IMPLICATIONS)) {
      const sourceYears = new Set(county.planted.filter((p) => p.code === source).map((p) => p.year));
      for (const code of implied ?? []) {
        const impliedYears = new Set(county.planted.filter((p) => p.code === code).map((p) => p.year));
        expect([...sourceYears].filter((y) => !impliedYears.has(y))).toEqual([]);
      }
    }
  });

  it.each(WINDOW)("finds every problem planted for %i (recall 100%%)", (year) => {
    const planted = county.planted.filter((p) => p.year === year);
    expect(planted.length).toBeGreaterThan(year < 2016 ? 30 : 50);
    expect(planted.filter((p) => !findings.has(key(p))).map(key)).toEqual([]);
  });

  it("names in each finding's evidence every record planted for it", () => {
    const incomplete = county.planted.flatMap((p) => {
      const named = evidence.get(key(p)) ?? new Set<string>();
      const missing = p.recordIds.filter((id) => !named.has(id));
      return missing.length > 0 ? [`${key(p)} lacks ${missing.join(", ")}`] : [];
    });
    expect(incomplete).toEqual([]);
  });

  it("leaves no finding unexplained: every finding was planted (directly or as an implied problem)", () => {
    const unexplained = [...findings.values()]
      .filter((f) => !plantedKeys.has(key(f)))
      .map((f) => `${key(f)}: ${f.message.en}`);
    expect(unexplained).toEqual([]);
  });
});

describe.each([
  { seed: 7, households: 1_500 },
  { seed: 42, households: 9_000 },
])("assessment recall on another synthetic county (seed $seed, $households households)", (options) => {
  const { county, findings, plantedKeys } = assess(options);

  it("finds exactly the planted problems", () => {
    expect(county.planted.filter((p) => !findings.has(key(p))).map(key)).toEqual([]);
    expect([...findings.keys()].filter((k) => !plantedKeys.has(k))).toEqual([]);
  });
});
