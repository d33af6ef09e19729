import { describe, expect, it } from "vitest";
import { createLedger, emptyLedgerData, type LedgerData } from "../ledger/ledger.js";
import { detectFindings } from "./detect-findings.js";
import {
  activity,
  buildLedger,
  COUNTY,
  entity,
  FIXTURE_INDUSTRIES,
  FIXTURE_NOW,
  fixtureRegions,
  fund,
  fundUse,
  helper,
  household,
  householdIndustry,
  linkage,
  linkageYear,
  member,
  project,
  service,
  stagesOn,
  subsidy,
  TOWN_A,
  TOWN_B,
  townshipPerson,
  VILLAGES_A,
  villageIndustry,
} from "./testing/fixtures.js";

// The six cases an audit measured against the speech's own words (issue "Findings that mean what the
// speech means"). Each is a hand-built ledger; the assertion is what the speech says about it.

const codesOf = (records: Partial<LedgerData>, year = 2025) =>
  detectFindings(buildLedger(records), { year, now: FIXTURE_NOW }).map((f) => `${f.code} ${f.subjectId}`);

const staffed = {
  responsibilities: [townshipPerson("pa", TOWN_A, "2020-01-01"), townshipPerson("pb", TOWN_B, "2020-01-01")],
};

describe("the speech's cases", () => {
  it("a wage earner at a leading enterprise in the next town is not 拉郎配", () => {
    const found = codesOf({
      households: [household("h1", VILLAGES_A[0])],
      members: [member("m1", "h1")],
      entities: [entity("e1", TOWN_B, { kind: "leading_enterprise" })],
      entityActivities: [activity("a1", "e1", "2025-05-01")],
      linkages: [linkage("l1", "e1", "h1", 2024, { mode: "employment" })],
      linkageYears: [linkageYear("l1", 2024, 2_000_000), linkageYear("l1", 2025, 2_000_000)],
    });
    expect(found.filter((f) => f.startsWith("LINKAGE."))).toEqual([]);
  });

  it("300 yuan to a household raising chickens alone, no linkage, no service, is 撒胡椒面", () => {
    const found = codesOf({
      ...staffed,
      households: [household("h1", VILLAGES_A[0])],
      householdIndustries: [householdIndustry("hi1", "h1", "ind-veg", 2025)],
      subsidies: [subsidy("s1", "h1", "2025-04-01", 30_000)],
    });
    expect(found).toContain(`SUBSIDY.PEPPER_SPRAY ${TOWN_A}`);
  });

  it("a cooperative carrying three households at 250 yuan, one meeting and no service is found", () => {
    const households = ["h1", "h2", "h3"].map((id) => household(id, VILLAGES_A[0]));
    const found = codesOf({
      ...staffed,
      households,
      entities: [entity("e1", TOWN_A, { kind: "cooperative" })],
      entityActivities: [{ ...activity("a1", "e1", "2025-06-01"), kind: "meeting", amountFen: null }],
      linkages: households.map((h, i) => linkage(`l${i}`, "e1", h.id, 2025, { mode: "equity_dividend" })),
      linkageYears: households.map((_, i) => ({
        ...linkageYear(`l${i}`, 2025, 25_000),
        benefitKind: "dividend" as const,
      })),
    });
    expect(found).toContain("ENTITY.SHIELD e1");
    expect(found).toContain("ENTITY.EMPTY_SHELL e1");
  });

  it("a beekeeper at 95% survival who borrowed 50,000 yuan to double the hives has no debt problem", () => {
    const found = codesOf({
      households: [household("h1", VILLAGES_A[0])],
      householdIndustries: [
        householdIndustry("hi1", "h1", "ind-bee", 2024, { unitsStarted: 20, unitsSurvived: 19, debtFen: 0 }),
        householdIndustry("hi2", "h1", "ind-bee", 2025, {
          unitsStarted: 40,
          unitsSurvived: 38,
          debtFen: 5_000_000,
        }),
      ],
    });
    expect(found.filter((f) => f.startsWith("OUTCOME."))).toEqual([]);
  });

  it("a township with a new stand-in every month is found", () => {
    const monthly = Array.from({ length: 11 }, (_, i) => {
      const month = String(i + 1).padStart(2, "0");
      const next = String(i + 2).padStart(2, "0");
      const to = i === 10 ? null : `2025-${next}-01`;
      return townshipPerson(`p${i}`, TOWN_A, `2025-${month}-01`, to, `临时${i}号`);
    });
    const found = codesOf({ responsibilities: [...monthly, townshipPerson("pb", TOWN_B, "2020-01-01")] });
    expect(found).toContain(`RESPONSIBILITY.TOWNSHIP_STAND_IN ${TOWN_A}`);
  });
  it("a 5-day public notice and an overspent fund are recorded, not refused, and found", () => {
    const data: LedgerData = {
      ...emptyLedgerData(COUNTY),
      regions: fixtureRegions(),
      industries: FIXTURE_INDUSTRIES,
      ...staffed,
      households: [household("h1", VILLAGES_A[0])],
      responsibilities: [...staffed.responsibilities, helper("r1", "h1", TOWN_A, "2020-01-01")],
      projects: [
        project("p1", 2025, VILLAGES_A[0], {
          stages: stagesOn({
            application: "2025-02-01",
            review: "2025-02-10",
            approval: "2025-02-20",
            public_notice: "2025-03-01",
            implementation: "2025-03-06",
          }),
        }),
      ],
      funds: [fund("f1", 2025, 100_000)],
      fundUses: [fundUse("u1", "f1", 2025, "industry", 150_000, { projectId: "p1" })],
    };
    const ledger = createLedger(data);
    expect(ledger.ok).toBe(true);
    if (!ledger.ok) return;
    const found = detectFindings(ledger.value, { year: 2025, now: FIXTURE_NOW }).map(
      (f) => `${f.code} ${f.subjectId}`,
    );
    expect(found).toContain("PROJECT.NOTICE_SHORT p1");
    expect(found).toContain("FUNDS.OVERSPENT f1");
  });
});

describe("results, not scale: the healthy look-alikes of 同质化, 盲目扩大规模 and 一补了之 are silent", () => {
  const codes = (records: Partial<LedgerData>, prefix: string) =>
    codesOf({ ...staffed, ...records }).filter((f) => f.startsWith(prefix));
  const villages = VILLAGES_A.map((v, i) => household(`h${i + 1}`, v));
  const oranges = VILLAGES_A.map((v, i) => villageIndustry(`vi${i}`, v, "ind-orange", 2025));
  const orchards = (kept: boolean) =>
    villages.flatMap((h) => [
      householdIndustry(`${h.id}-2024`, h.id, "ind-orange", 2024),
      ...(kept ? [householdIndustry(`${h.id}-2025`, h.id, "ind-orange", 2025)] : []),
    ]);

  it("every village of a town keeping thriving navel oranges is 一村一品; the same oranges abandoned are 同质化", () => {
    const records = { households: villages, villageIndustries: oranges };
    expect(codes({ ...records, householdIndustries: orchards(true) }, "INDUSTRY.")).toEqual([]);
    // and each household that gave up its oranges is left with no industry (覆盖底数), so are the poor
    // villages (the first and third) whose one household it is
    expect(codes({ ...records, householdIndustries: orchards(false) }, "INDUSTRY.")).toEqual([
      `INDUSTRY.VILLAGE_NOT_COVERED ${VILLAGES_A[0]}`,
      `INDUSTRY.VILLAGE_NOT_COVERED ${VILLAGES_A[2]}`,
      `INDUSTRY.HOMOGENISATION ${TOWN_A}`,
      ...villages.map((h) => `INDUSTRY.HOUSEHOLD_NOT_COVERED ${h.id}`),
    ]);
  });

  it("a 50,000-yuan loan to double thriving hives, never trialled, is no fault; the hives dying is", () => {
    const v = VILLAGES_A[0];
    const keepers = ["h1", "h2", "h3"].map((id) => household(id, v));
    const hives = (survived: number) =>
      keepers.flatMap((h) => [
        householdIndustry(`${h.id}-2024`, h.id, "ind-bee", 2024, { debtFen: 0 }),
        householdIndustry(`${h.id}-2025`, h.id, "ind-bee", 2025, {
          unitsStarted: 20,
          unitsSurvived: survived,
          debtFen: 5_000_000,
        }),
      ]);
    const records = {
      households: keepers,
      villageIndustries: [
        villageIndustry("vi1", v, "ind-bee", 2025, { trialStatus: "none", trialYear: null }),
      ],
    };
    expect(codes({ ...records, householdIndustries: hives(19) }, "INDUSTRY.")).toEqual([]);
    expect(codes({ ...records, householdIndustries: hives(19) }, "OUTCOME.")).toEqual([]);
    expect(codes({ ...records, householdIndustries: hives(6) }, "INDUSTRY.")).toEqual([
      `INDUSTRY.SCALE_UP_WITHOUT_TRIAL ${v}`,
    ]);
  });

  it("a subsidy followed by the service team's visit is support; the same subsidy and nothing after is 一补了之", () => {
    const h = household("h1", VILLAGES_A[0]);
    const records = {
      households: [h],
      subsidies: [{ ...subsidy("s1", "h1", "2024-05-01", 300_000), industryId: "ind-bee" }],
    };
    expect(
      codes({ ...records, services: [service("sv1", "2024-08-01", h.villageCode, ["h1"])] }, "SUPPORT."),
    ).toEqual([]);
    expect(codes(records, "SUPPORT.")).toEqual(["SUPPORT.SUBSIDISE_AND_FORGET h1"]);
  });
});
