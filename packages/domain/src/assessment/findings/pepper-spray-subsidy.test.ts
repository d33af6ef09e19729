import { describe, expect, it } from "vitest";
import {
  entityScene,
  household,
  householdIndustry,
  householdsIn,
  linkageYear,
  runDetector,
  service,
  subjectsFound,
  subsidy,
  TOWN_A,
  TOWN_B,
  VILLAGES_A,
  VILLAGES_B,
} from "../testing/fixtures.js";
import { pepperSpraySubsidy } from "./pepper-spray-subsidy.js";

const v = VILLAGES_A[0];
// h1 raises chickens alone; h2 is linked to a cooperative and took part; h3 was visited by the service team.
const linked = entityScene({ households: ["h2"], years: { 2025: { h2: 300_000 } } });
const base = {
  ...linked,
  households: [...householdsIn(v, ["h1", "h2", "h3", "h4"]), household("hb", VILLAGES_B[0])],
  services: [service("sv3", "2025-05-01", v, ["h3"])],
  householdIndustries: [householdIndustry("hi1", "h1", "ind-veg", 2025)],
};

describe("SUBSIDY.PEPPER_SPRAY: per township, the share of subsidy money in small sums to scattered households", () => {
  it.each([
    { name: "300 yuan to h1 alone, nothing else", amounts: { h1: 30_000 }, fires: true },
    { name: "h1 300, h2 700 (linked): 30% scattered", amounts: { h1: 30_000, h2: 70_000 }, fires: true },
    { name: "h1 299, h2 701: 29.9% scattered", amounts: { h1: 29_900, h2: 70_100 }, fires: false },
    {
      name: "small subsidies to linked and served households only",
      amounts: { h2: 30_000, h3: 30_000 },
      fires: false,
    },
    { name: "1,000 yuan to h1 (not small)", amounts: { h1: 100_000 }, fires: false },
    { name: "999 yuan to h1", amounts: { h1: 99_900 }, fires: true },
  ])("$name → $fires", ({ amounts, fires }) => {
    const subsidies = Object.entries(amounts).map(([h, fen]) => subsidy(`s-${h}`, h, "2025-04-01", fen));
    expect(subjectsFound(pepperSpraySubsidy, { ...base, subsidies }, 2025)).toEqual(fires ? [TOWN_A] : []);
  });

  it("judges each township on its own money and a county's own share", () => {
    const subsidies = [
      subsidy("s1", "h1", "2025-04-01", 30_000),
      subsidy("s2", "h2", "2025-04-01", 90_000),
      subsidy("sb", "hb", "2025-04-01", 30_000),
    ];
    expect(subjectsFound(pepperSpraySubsidy, { ...base, subsidies }, 2025)).toEqual([TOWN_B]);
    const policy = { pepperSprayShare: 0.2 };
    expect(subjectsFound(pepperSpraySubsidy, { ...base, subsidies }, 2025, { policy })).toEqual([
      TOWN_A,
      TOWN_B,
    ]);
  });

  it("does not count a linkage the household did not take part in", () => {
    const subsidies = [subsidy("s2", "h2", "2025-04-01", 30_000)];
    const records = { ...base, linkageYears: [linkageYear("l-h2", 2025, -1)], subsidies };
    expect(subjectsFound(pepperSpraySubsidy, records, 2025)).toEqual([TOWN_A]);
  });

  it("lists the households and subsidies", () => {
    const subsidies = [subsidy("s1", "h1", "2025-04-01", 30_000), subsidy("s4", "h4", "2025-06-01", 20_000)];
    const [finding] = runDetector(pepperSpraySubsidy, { ...base, subsidies }, 2025);
    expect(finding).toMatchObject({
      subjectType: "township",
      evidence: ["h1", "h4", "s1", "s4"],
      severity: "medium",
      regionCode: TOWN_A,
    });
    expect(finding?.message.zh).toContain("撒胡椒面");
  });
});
