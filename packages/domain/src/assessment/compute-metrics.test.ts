import { describe, expect, it } from "vitest";
import { createLedger, emptyLedgerData } from "../ledger/ledger.js";
import { createRegion } from "../regions/region.js";
import { unwrap } from "../shared/result.js";
import { computeMetrics, sumMetrics } from "./compute-metrics.js";
import { METRIC_CODES, METRIC_DEFINITIONS } from "./metric-codes.js";
import {
  buildLedger,
  COUNTY,
  closedRectification,
  entity,
  FIXTURE_NOW,
  fund,
  fundUse,
  helper,
  household,
  householdIndustry,
  incomesFrom,
  linkage,
  linkageYear,
  linkageYearsFrom,
  member,
  project,
  rectification,
  service,
  subsidy,
  TOWN_A,
  TOWN_B,
  townshipPerson,
  VILLAGES_A,
  VILLAGES_B,
  villageIndustry,
} from "./testing/fixtures.js";
import type { Metric } from "./types.js";

const [A1, A2] = VILLAGES_A;
const [B1] = VILLAGES_B;

// Registered households in 2025: h1 h2 h3 h6 in town A, h4 in town B (h5 registers only in 2026).
const ledger = buildLedger({
  households: [
    household("h1", A1),
    household("h2", A1),
    household("h3", A2),
    household("h6", A1),
    household("h4", B1),
    household("h5", B1, { registeredYear: 2026 }),
  ],
  members: [
    member("m1", "h1"),
    member("m1b", "h1", { relation: "spouse" }),
    member("m2", "h2"),
    member("m3", "h3"),
    member("m3b", "h3", { relation: "child" }),
    member("m4", "h4"),
    member("m5", "h5"),
    member("m6", "h6"),
  ],
  entities: [
    entity("e1", TOWN_A),
    entity("e2", TOWN_B, { kind: "leading_enterprise", industryId: "ind-bee" }),
  ],
  linkages: [
    linkage("l1", "e1", "h1", 2023),
    linkage("l2", "e1", "h2", 2024),
    linkage("l3", "e2", "h3", 2024),
    linkage("l4", "e2", "h4", 2025),
  ],
  linkageYears: linkageYearsFrom({
    2024: { l1: 50_000, l2: 30_000, l3: 40_000 },
    2025: { l1: 200_000, l2: 10_000, l4: 0 },
  }),
  subsidies: [
    subsidy("s1", "h1", "2025-04-01", 200_000),
    subsidy("s3", "h3", "2025-03-01", 50_000),
    subsidy("s4", "h4", "2024-03-01", 50_000),
  ],
  householdIndustries: [
    householdIndustry("hi1-24", "h1", "ind-orange", 2024),
    householdIndustry("hi1", "h1", "ind-orange", 2025, { unitsStarted: 10, unitsSurvived: 10 }),
    householdIndustry("hi3", "h3", "ind-bee", 2025, { unitsStarted: 20, unitsSurvived: 8 }),
    householdIndustry("hi4", "h4", "ind-bee", 2025, { unitsStarted: 10, unitsSurvived: 6 }),
  ],
  villageIndustries: [
    villageIndustry("vi1", A1, "ind-orange", 2025),
    villageIndustry("vi2", B1, "ind-bee", 2025),
  ],
  services: [service("sv1", "2025-06-01", A1, ["h1"]), service("sv2", "2025-07-01", B1, ["h4"])],
  projects: [
    project("p1", 2025, A2, { beneficiaryHouseholdIds: ["h2"] }),
    project("p2", 2025, B1, { industryId: "ind-bee" }),
  ],
  funds: [fund("f1", 2025, 1_000_000), fund("f2", 2025, 200_000, { regionCode: TOWN_B })],
  fundUses: [
    fundUse("u1", "f1", 2025, "industry", 600_000, { projectId: "p1" }),
    fundUse("u2", "f1", 2025, "photovoltaic", 400_000),
    fundUse("u3", "f2", 2025, "industry", 100_000),
    fundUse("u4", "f2", 2025, "welfare", 100_000),
  ],
  responsibilities: [
    townshipPerson("pa", TOWN_A, "2020-01-01"),
    townshipPerson("pb", TOWN_B, "2020-01-01", "2025-06-30"),
    helper("r1", "h1", TOWN_A, "2020-01-01"),
    helper("r2", "h2", TOWN_A, "2020-01-01"),
    helper("r3", "h3", TOWN_A, "2020-01-01"),
    helper("r4", "h4", TOWN_B, "2020-01-01", "2025-01-31"),
    helper("r5", "h5", TOWN_B, "2025-01-01"),
  ],
  rectifications: [
    closedRectification("x1", TOWN_A, {
      found: "2025-03-01",
      deadline: "2025-06-30",
      planDue: "2025-06-01",
      done: "2025-06-10",
      closed: "2025-06-20",
    }),
    closedRectification("x2", TOWN_A, {
      found: "2025-03-01",
      deadline: "2025-08-31",
      planDue: "2025-08-01",
      done: "2025-09-10",
      closed: "2025-09-15",
    }),
    rectification("x3", TOWN_B, "2025-03-01", "2025-10-31"),
    rectification("x4", TOWN_B, "2025-03-01", "2025-12-31"),
    closedRectification("x5", TOWN_A, {
      found: "2025-09-01",
      deadline: "2025-12-20",
      planDue: "2025-10-01",
      done: "2025-10-20",
      closed: "2025-11-01",
    }),
    rectification("x6", TOWN_A, "2024-03-01", "2024-12-31"),
  ],
  incomes: incomesFrom({
    2024: { h1: 1_300_000, h2: 700_000, h4: 800_000 },
    2025: { h1: 1_200_000, h2: 500_000, h3: 2_000_000, h4: 900_000 },
  }),
});

const at = (regionCode: string) => computeMetrics(ledger, { regionCode, year: 2025, now: FIXTURE_NOW });
const pick = (metrics: Metric[], code: string) => {
  const m = metrics.find((x) => x.code === code);
  if (!m) throw new Error(`no metric ${code}`);
  return [m.numerator, m.denominator];
};

// [code, county n/d, town A n/d, town B n/d], each worked out by hand from the ledger above:
const EXPECTED: [string, number[], number[], number[]][] = [
  // supported in 2025: h1 (industry, linkage, service), h2 (project p1 beneficiary), h3 (industry, subsidy),
  // h4 (industry, linkage); h6 has nothing. County 4/5, A 3/4 (h1 h2 h3 of h1 h2 h3 h6), B 1/1.
  ["INDUSTRY_SUPPORT_COVERAGE", [4, 5], [3, 4], [1, 1]],
  // took part in 2025: h1, h2 (A) and h4 (B, took part though paid 0). County 3/5, A 2/4, B 1/1.
  ["LINKAGE_COVERAGE", [3, 5], [2, 4], [1, 1]],
  // took part in 2024: h1 h2 h3, all town A; of these h1 h2 again in 2025 → 2/3; B had nobody in 2024.
  ["LINKAGE_RETENTION", [2, 3], [2, 3], [0, 0]],
  // paying linkage-years of 2025 (employment, least yield 1,500 yuan): l1 2,000 yuan, l2 100 yuan (a token →
  // shallow) → 1/2; l4 paid 0 so is not counted.
  ["SHALLOW_LINKAGE_SHARE", [1, 2], [1, 2], [0, 0]],
  // received 200,000 + 10,000 + 0 fen by 3 linked households; A 210,000 fen / 2; B 0 / 1.
  ["AVERAGE_LINKAGE_BENEFIT", [210_000, 3], [210_000, 2], [0, 1]],
  // u1 600,000 industry in project p1 (village A2) → A; u2 400,000 photovoltaic, county fund without project →
  // county only; u3 100,000 industry + u4 100,000 welfare from town B's fund → B.
  // County 700,000 / 1,200,000; A 600,000 / 600,000; B 100,000 / 200,000.
  ["FUND_INDUSTRY_SHARE", [700_000, 1_200_000], [600_000, 600_000], [100_000, 200_000]],
  // bees: h3 8 of 20 (A), h4 6 of 10 (B) → county 14/30; oranges: h1 10 of 10; vegetables: none.
  ["OUTCOME_SURVIVAL.beekeeping", [14, 30], [8, 20], [6, 10]],
  ["OUTCOME_SURVIVAL.navel_orange", [10, 10], [10, 10], [0, 0]],
  ["OUTCOME_SURVIVAL.vegetables", [0, 0], [0, 0], [0, 0]],
  // town A's person is in force; town B's term ended 2025-06-30.
  ["TOWNSHIPS_WITH_RESPONSIBLE_PERSON", [1, 2], [1, 1], [0, 1]],
  // helpers in force on 2025-11-30: h1 h2 h3; h4's ended 2025-01-31; h6 never had one; h5 is not registered yet.
  ["HOUSEHOLDS_WITH_HELPER", [3, 5], [3, 4], [0, 1]],
  // deadlines in 2025 that are past or closed by 2025-11-30: x1 (on time), x2 (closed late), x3 (open, past),
  // x5 (closed before its 2025-12-20 deadline); x4 is not yet due; x6 is a 2024 deadline.
  ["RECTIFICATIONS_CLOSED_ON_TIME", [2, 4], [2, 3], [0, 1]],
  // per capita ≥ 6,000 yuan in both 2024 and 2025: h1 (6,500 and 6,000 for 2 people), h4 (8,000, 9,000);
  // h2 fell to 5,000 in 2025; h3 has no 2024 record; h6 has none.
  ["INCOME_STABLE_HOUSEHOLDS", [2, 5], [1, 4], [1, 1]],
  // only h1 has all five in 2025: orange record, linkage l1, took part, subsidy s1, service sv1.
  // h4 lacks a fund (its subsidy is of 2024); h2 has no industry; h3 did not take part.
  ["FIVE_ONES_HOUSEHOLDS", [1, 5], [1, 4], [0, 1]],
  // villages: A1 (orange, h1 linked and paid, subsidy s1, sv1) and B1 (bees, h4 linked, project p2 located there,
  // sv2); A2 has a project but no village industry. County 2/6, A 1/4, B 1/2.
  ["FIVE_ONES_VILLAGES", [2, 6], [1, 4], [1, 2]],
];

describe("computeMetrics on a hand-built ledger", () => {
  const county = at(COUNTY);
  const townA = at(TOWN_A);
  const townB = at(TOWN_B);

  it.each(EXPECTED)("%s", (code, c, a, b) => {
    expect(pick(county, code)).toEqual(c);
    expect(pick(townA, code)).toEqual(a);
    expect(pick(townB, code)).toEqual(b);
  });

  it("checks every metric the ledger produces", () => {
    expect(county.map((m) => m.code).sort()).toEqual(EXPECTED.map(([code]) => code).sort());
  });

  it("gives values as ratios (fen for the average benefit), null with nothing to measure, and the fund target", () => {
    const byCode = new Map(county.map((m) => [m.code, m]));
    expect(byCode.get("LINKAGE_COVERAGE")?.value).toBeCloseTo(0.6, 10);
    expect(byCode.get("AVERAGE_LINKAGE_BENEFIT")?.value).toBeCloseTo(70_000, 1);
    expect(byCode.get("OUTCOME_SURVIVAL.vegetables")?.value).toBeNull();
    expect(byCode.get("FUND_INDUSTRY_SHARE")).toMatchObject({ target: 0.6, regionCode: COUNTY, year: 2025 });
    expect(
      computeMetrics(ledger, {
        regionCode: COUNTY,
        year: 2025,
        now: FIXTURE_NOW,
        policy: { industryFundShareTargets: [{ fromYear: 2024, value: 0.65 }] },
      }).find((m) => m.code === "FUND_INDUSTRY_SHARE")?.target,
    ).toBe(0.65);
    // the target is a dated rule: 55% from 2021, none before (the metric then has no target)
    const targetOf = (year: number) =>
      computeMetrics(ledger, { regionCode: COUNTY, year, now: FIXTURE_NOW }).find(
        (m) => m.code === "FUND_INDUSTRY_SHARE",
      )?.target;
    expect([targetOf(2020), targetOf(2021), targetOf(2022), targetOf(2023)]).toEqual([
      undefined,
      0.55,
      0.55,
      0.6,
    ]);
  });

  it("adds townships up exactly to the county (fund uses held at county level count only in the county)", () => {
    const summed = new Map(sumMetrics([townA, townB], COUNTY).map((m) => [m.code, m]));
    for (const m of county) {
      const s = summed.get(m.code);
      if (m.code === "FUND_INDUSTRY_SHARE") {
        // u2 (400,000 fen) is a county-level use with no project: in the county's figure only.
        expect([m.numerator - s!.numerator, m.denominator - s!.denominator]).toEqual([0, 400_000]);
        continue;
      }
      expect([m.code, s?.numerator, s?.denominator, s?.value]).toEqual([
        m.code,
        m.numerator,
        m.denominator,
        m.value,
      ]);
    }
  });

  it("counts a city or province as the whole county, and a region outside it as nothing", () => {
    const strip = (ms: Metric[]) => ms.map(({ regionCode: _r, ...rest }) => rest);
    expect(strip(at("3607"))).toEqual(strip(county));
    const other = at("360724");
    expect(other.every((m) => m.numerator === 0 && m.denominator === 0 && m.value === null)).toBe(true);
  });

  it("adds two counties' figures into their city's", () => {
    // A second county (崇义县 360725) with two registered households, one of them linked in 2025.
    const other = createLedger({
      ...emptyLedgerData("360725"),
      regions: [
        { code: "360725", name: "崇义县" },
        { code: "360725100", name: "横水镇" },
        { code: "360725100201", name: "塘下村", isPoorVillage: true },
      ].map((r) => unwrap(createRegion(r))),
      industries: ledger.industries,
      households: [household("k1", "360725100201"), household("k2", "360725100201")],
      entities: [entity("ke", "360725100")],
      linkages: [linkage("kl", "ke", "k1", 2025)],
      linkageYears: [linkageYear("kl", 2025, 60_000)],
    });
    if (!other.ok) throw new Error(other.error.message);
    const theirs = computeMetrics(other.value, { regionCode: "360725", year: 2025, now: FIXTURE_NOW });
    const city = new Map(sumMetrics([county, theirs], "3607").map((m) => [m.code, m]));
    // linkage coverage: 3 of 5 here and 1 of 2 there → 4 of 7 for the city
    expect(city.get("LINKAGE_COVERAGE")).toMatchObject({
      regionCode: "3607",
      numerator: 4,
      denominator: 7,
      value: 4 / 7,
    });
    // benefit: 210,000 fen over 3 households here, 60,000 over 1 there → 270,000 / 4
    expect(city.get("AVERAGE_LINKAGE_BENEFIT")).toMatchObject({
      numerator: 270_000,
      denominator: 4,
      value: 67_500,
    });
    expect(city.get("FUND_INDUSTRY_SHARE")).toMatchObject({
      numerator: 700_000,
      denominator: 1_200_000,
      target: 0.6,
    });
  });

  it("documents every metric code", () => {
    for (const code of METRIC_CODES) {
      expect(METRIC_DEFINITIONS[code].numerator.length).toBeGreaterThan(10);
      expect(METRIC_DEFINITIONS[code].denominator.length).toBeGreaterThan(5);
    }
  });
});
