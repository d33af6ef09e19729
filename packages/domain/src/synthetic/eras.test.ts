import { describe, expect, it } from "vitest";
import { ERA_RATE_FACTORS, eraOf, generateSyntheticCounty, windowStart } from "./index.js";

const county = generateSyntheticCounty({ referenceYear: 2025 });
const { ledger, planted } = county;
const perYear = (code: string, years: readonly number[]) =>
  planted.filter((p) => p.code === code && years.includes(p.year)).length / years.length;
const REGISTRATION = [2014, 2015, 2016, 2017];
const CAMPAIGN = [2018, 2019, 2020];
const CONSOLIDATION = [2021, 2022, 2023, 2024, 2025];

describe("the synthetic county's eras: registration, the campaign, consolidation", () => {
  it("names the eras of DOMAIN.md and starts the window at registration (2014; at least six years)", () => {
    expect([2014, 2017, 2018, 2020, 2021, 2025, 2026].map(eraOf)).toEqual([
      "registration",
      "registration",
      "campaign",
      "campaign",
      "consolidation",
      "consolidation",
      "regular",
    ]);
    expect([2018, 2019, 2020, 2025, 2030].map(windowStart)).toEqual([2013, 2014, 2014, 2014, 2014]);
    expect(Math.min(...ledger.incomes.map((i) => i.year))).toBe(2014);
  });

  it("registers households 2014–2017, in the window, and exits them by 2020", () => {
    const registered = new Set(ledger.households.map((h) => h.registeredYear));
    expect([...registered].sort()).toEqual(REGISTRATION);
    for (const h of ledger.households) expect(h.exitYear === null || h.exitYear <= 2020).toBe(true);
    // some households were still 贫困户 in each campaign year (they exit during their exit year)
    for (const year of CAMPAIGN)
      expect(ledger.households.some((h) => h.exitYear !== null && h.exitYear >= year)).toBe(true);
  });

  it("records a household only from its registration year: no income, industry, linkage, subsidy, credit or project before", () => {
    const registered = new Map(ledger.households.map((h) => [h.id, h.registeredYear]));
    const before = (householdId: string, year: number) => year < registered.get(householdId)!;
    const linkageHousehold = new Map(ledger.linkages.map((l) => [l.id, l.householdId]));
    expect(ledger.incomes.filter((i) => before(i.householdId, i.year))).toEqual([]);
    expect(ledger.householdIndustries.filter((r) => before(r.householdId, r.year))).toEqual([]);
    expect(ledger.linkages.filter((l) => before(l.householdId, l.startYear))).toEqual([]);
    expect(ledger.linkageYears.filter((y) => before(linkageHousehold.get(y.linkageId)!, y.year))).toEqual([]);
    expect(ledger.subsidies.filter((x) => before(x.householdId, Number(x.date.slice(0, 4))))).toEqual([]);
    expect(ledger.credits.filter((c) => before(c.householdId, Number(c.placedDate.slice(0, 4))))).toEqual([]);
    expect(
      ledger.projects
        .filter((p) => p.beneficiaryHouseholdIds.some((id) => before(id, p.year)))
        .map((p) => p.id),
    ).toEqual([]);
    // households registered later enter the ledger later: each registration year has households of its own
    for (const year of REGISTRATION)
      expect(
        ledger.householdIndustries.some((r) => r.year === year && registered.get(r.householdId) === year),
      ).toBe(true);
  });

  it("plants the speech's problems from registration on, at the plain rates there (no era factor)", () => {
    expect(ERA_RATE_FACTORS.registration).toEqual({});
    for (const year of REGISTRATION) expect(planted.some((p) => p.year === year)).toBe(true);
  });

  it("names funds by era: 专项扶贫资金 in the campaign, 衔接资金 from 2021; monitoring only from 2021", () => {
    for (const f of ledger.funds.filter((x) => x.source !== "self_raised"))
      expect(f.name).toContain(f.year < 2021 ? "专项扶贫资金" : "衔接推进乡村振兴补助资金");
    expect(ledger.monitorings.every((m) => m.identifiedDate >= "2021-01-01")).toBe(true);
    expect(ledger.monitorings.length).toBeGreaterThan(0);
  });

  it.each(Object.keys(ERA_RATE_FACTORS.campaign))(
    "plants %s more often in the campaign years than in consolidation",
    (code) => {
      // 一补了之 is judged the year after the subsidy: the window's first year cannot hold it
      const campaign = code === "SUPPORT.SUBSIDISE_AND_FORGET" ? [2019, 2020] : CAMPAIGN;
      expect(perYear(code, campaign)).toBeGreaterThan(perYear(code, CONSOLIDATION));
    },
  );

  it("plants the dated policy's problem only where the policy applies: industry share from 2021", () => {
    expect(planted.filter((p) => p.code === "FUNDS.LOW_INDUSTRY_SHARE" && p.year < 2021)).toEqual([]);
  });
});
