import { describe, expect, it } from "vitest";
import { ERA_RATE_FACTORS, eraOf, generateSyntheticCounty, windowStart } from "./index.js";

const county = generateSyntheticCounty({ referenceYear: 2025 });
const { ledger, planted } = county;
const perYear = (code: string, years: readonly number[]) =>
  planted.filter((p) => p.code === code && years.includes(p.year)).length / years.length;
const CAMPAIGN = [2018, 2019, 2020];
const CONSOLIDATION = [2021, 2022, 2023, 2024, 2025];

describe("the synthetic county's eras: registration, the campaign, consolidation", () => {
  it("names the eras of DOMAIN.md and starts the window at the campaign (at least six years)", () => {
    expect([2014, 2017, 2018, 2020, 2021, 2025, 2026].map(eraOf)).toEqual([
      "registration",
      "registration",
      "campaign",
      "campaign",
      "consolidation",
      "consolidation",
      "regular",
    ]);
    expect([2020, 2023, 2024, 2025, 2026].map(windowStart)).toEqual([2015, 2018, 2018, 2018, 2018]);
  });

  it("registers households from 2014, before the window, and exits them by 2020", () => {
    const registered = new Set(ledger.households.map((h) => h.registeredYear));
    expect([...registered].sort()).toEqual([2014, 2015, 2016, 2017]);
    for (const h of ledger.households) expect(h.exitYear === null || h.exitYear <= 2020).toBe(true);
    // some households were still 贫困户 in each campaign year (they exit during their exit year)
    for (const year of CAMPAIGN)
      expect(ledger.households.some((h) => h.exitYear !== null && h.exitYear >= year)).toBe(true);
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
