import { describe, expect, it } from "vitest";
import {
  buildLedger,
  entity,
  household,
  householdIndustry,
  linkage,
  project,
  subsidy,
  TOWN_B,
  VILLAGES_A,
} from "../assessment/testing/fixtures.js";
import type { LedgerData } from "../ledger/ledger.js";
import { coveredHouseholds, poorVillageCoverage } from "./coverage.js";

// VILLAGES_A[0] is a poor village in the fixture regions, VILLAGES_A[1] is not.
const POOR = VILLAGES_A[0];
const AS_OF = "2025-06-30";

const covered = (records: Partial<LedgerData>, asOf = AS_OF) => [
  ...coveredHouseholds(buildLedger(records), 2025, asOf),
];

describe("coveredHouseholds (覆盖底数: the households report 3 and the findings count)", () => {
  const h1 = household("h1", POOR);
  it.each([
    ["nothing recorded", {}, []],
    [
      "its own industry this year, no subsidy",
      { householdIndustries: [householdIndustry("hi", "h1", "ind-orange", 2025)] },
      ["h1"],
    ],
    [
      "its own industry this year, supported by a 种养 subsidy",
      {
        householdIndustries: [householdIndustry("hi", "h1", "ind-orange", 2025)],
        subsidies: [{ ...subsidy("s1", "h1", "2025-03-01", 80_000), industryId: "ind-orange" }],
      },
      ["h1"],
    ],
    [
      "a subsidy with no industry kept this year (一补了之 is not reach)",
      { subsidies: [{ ...subsidy("s1", "h1", "2025-03-01", 80_000), industryId: "ind-orange" }] },
      [],
    ],
    [
      "its own industry only last year",
      { householdIndustries: [householdIndustry("hi", "h1", "ind-orange", 2024)] },
      [],
    ],
    [
      "employment at an entity of another township",
      { entities: [entity("e1", TOWN_B)], linkages: [linkage("l1", "e1", "h1", 2023)] },
      ["h1"],
    ],
    [
      "a linkage that ended last year",
      { entities: [entity("e1", TOWN_B)], linkages: [linkage("l1", "e1", "h1", 2020, { endYear: 2024 })] },
      [],
    ],
    [
      "a project of this year applied for by the date",
      { projects: [project("p1", 2025, POOR, { beneficiaryHouseholdIds: ["h1"] })] },
      ["h1"],
    ],
    [
      "a project of this year applied for after the date",
      {
        projects: [
          project("p1", 2025, POOR, {
            beneficiaryHouseholdIds: ["h1"],
            stages: [{ stage: "application", date: "2025-07-01" }],
          }),
        ],
      },
      [],
    ],
    [
      "a project of next year",
      { projects: [project("p1", 2026, POOR, { beneficiaryHouseholdIds: ["h1"] })] },
      [],
    ],
  ] as const)("%s", (_case, records, expected) => {
    expect(covered({ households: [h1], ...records })).toEqual(expected);
  });

  it("counts only households registered by the year", () => {
    const later = household("h1", POOR, { registeredYear: 2026 });
    expect(
      covered({
        households: [later],
        householdIndustries: [householdIndustry("hi", "h1", "ind-orange", 2025)],
      }),
    ).toEqual([]);
  });
});

describe("poorVillageCoverage (贫困村覆盖底数)", () => {
  const households = ["h1", "h2", "h3", "h4"].map((id) => household(id, POOR));
  const keeps = (ids: readonly string[]) =>
    ids.map((id) => householdIndustry(`hi-${id}`, id, "ind-orange", 2025));
  const judge = (records: Partial<LedgerData>, shareMin = 0.5) => {
    const ledger = buildLedger({ households, ...records });
    const cov = poorVillageCoverage(ledger, 2025, AS_OF, coveredHouseholds(ledger, 2025, AS_OF), shareMin);
    return cov.map((v) => [v.village.code, v.covered, v.coveredIds.length, v.projectIds]);
  };

  it.each([
    ["none of its four households covered, no project: the speech's case", {}, false, 0, []],
    ["one of four covered (25%, below half)", { householdIndustries: keeps(["h1"]) }, false, 1, []],
    ["two of four covered (half, on the line)", { householdIndustries: keeps(["h1", "h2"]) }, true, 2, []],
    [
      "all covered by linkages to an entity in another village",
      {
        entities: [entity("e1", TOWN_B)],
        linkages: households.map((h) => linkage(`l-${h.id}`, "e1", h.id, 2024, { mode: "employment" })),
      },
      true,
      4,
      [],
    ],
    [
      "a project sited in it, no household covered",
      { projects: [project("p1", 2024, POOR)] },
      true,
      0,
      ["p1"],
    ],
  ] as const)("%s", (_case, records, isCovered, n, projects) => {
    expect(judge(records).find(([code]) => code === POOR)).toEqual([POOR, isCovered, n, projects]);
  });

  it("judges only poor villages: a village that is not poor with no project is absent", () => {
    expect(judge({}).map(([code]) => code)).not.toContain(VILLAGES_A[1]);
  });

  it("takes the share from its caller (the policy)", () => {
    const records = { householdIndustries: keeps(["h1"]) };
    expect(judge(records, 0.25).find(([code]) => code === POOR)?.[1]).toBe(true);
    expect(judge(records, 0.26).find(([code]) => code === POOR)?.[1]).toBe(false);
  });
});
