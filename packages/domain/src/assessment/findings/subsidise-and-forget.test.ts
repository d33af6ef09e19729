import { describe, expect, it } from "vitest";
import type { LedgerData } from "../../ledger/ledger.js";
import {
  entityScene,
  householdIndustry,
  runDetector,
  service,
  subjectsFound,
  subsidy,
  VILLAGES_A,
  VILLAGES_B,
} from "../testing/fixtures.js";
import { subsidiseAndForget } from "./subsidise-and-forget.js";

const v = VILLAGES_A[0];
// 3,000 yuan to h1 for beekeeping on 1 May 2024; h1 is linked to cooperative e1 (what it took in 2025 varies).
const bee = { ...subsidy("s1", "h1", "2024-05-01", 300_000), industryId: "ind-bee" };
const visit = (date: string, regionCode: string, industryId: string | null, households: string[] = []) => ({
  ...service(`sv-${date}`, date, regionCode, households),
  industryId,
});
const records = (extra: Partial<LedgerData> = {}): Partial<LedgerData> => ({
  ...entityScene({ households: ["h1"] }),
  subsidies: [bee],
  ...extra,
});

describe("SUPPORT.SUBSIDISE_AND_FORGET (一补了之): subsidised, then nothing", () => {
  it.each([
    {
      name: "the speech's case: subsidised in 2024, no service, no linkage income, bees gone",
      extra: {},
      fires: true,
    },
    {
      name: "look-alike: the service team listed the household after the subsidy",
      extra: { services: [visit("2024-08-01", v, "ind-bee", ["h1"])] },
      fires: false,
    },
    {
      name: "look-alike: the team visited its village's beekeepers in 2025",
      extra: { services: [visit("2025-04-01", v, "ind-bee")] },
      fires: false,
    },
    {
      name: "a visit to its village on vegetables is not a service to its bees",
      extra: { services: [visit("2025-04-01", v, "ind-veg")] },
      fires: true,
    },
    {
      name: "a visit on bees in another village is not its service",
      extra: { services: [visit("2025-04-01", VILLAGES_B[0], "ind-bee")] },
      fires: true,
    },
    {
      name: "listed on the subsidy's own date: served",
      extra: { services: [visit("2024-05-01", v, null, ["h1"])] },
      fires: false,
    },
    {
      name: "listed the day before the subsidy: not a follow-up",
      extra: { services: [visit("2024-04-30", v, null, ["h1"])] },
      fires: true,
    },
    {
      name: "listed after the assessment date (2025-11-30): not yet served",
      extra: { services: [visit("2025-12-10", v, null, ["h1"])] },
      fires: true,
    },
    {
      name: "look-alike: linked, and paid 800 yuan through the linkage in 2025",
      extra: entityScene({ households: ["h1"], years: { 2025: { h1: 80_000 } } }),
      fires: false,
    },
    {
      name: "linked, took part, paid nothing",
      extra: entityScene({ households: ["h1"], years: { 2025: { h1: 0 } } }),
      fires: true,
    },
    {
      name: "look-alike: still keeps bees in 2025",
      extra: { householdIndustries: [householdIndustry("hi1", "h1", "ind-bee", 2025)] },
      fires: false,
    },
    {
      name: "gave up the bees for vegetables: the subsidised industry is gone",
      extra: { householdIndustries: [householdIndustry("hi1", "h1", "ind-veg", 2025)] },
      fires: true,
    },
    {
      name: "a subsidy naming no industry is followed by any industry kept",
      extra: {
        subsidies: [subsidy("s1", "h1", "2024-05-01", 300_000)],
        householdIndustries: [householdIndustry("hi1", "h1", "ind-veg", 2025)],
      },
      fires: false,
    },
    {
      name: "subsidised this year, not last: not judged yet",
      extra: { subsidies: [{ ...bee, date: "2025-05-01" }] },
      fires: false,
    },
  ])("$name → $fires", ({ extra, fires }) => {
    expect(subjectsFound(subsidiseAndForget, records(extra), 2025)).toEqual(fires ? ["h1"] : []);
  });

  it("gives last year's subsidies as evidence and calls the household by its status that year", () => {
    const exited = entityScene({ households: ["h1"] }).households.map((h) => ({
      ...h,
      povertyStatus: "exited" as const,
      exitYear: 2019,
    }));
    const [finding] = runDetector(subsidiseAndForget, records({ households: exited }), 2025);
    expect(finding).toMatchObject({
      evidence: ["s1"],
      severity: "medium",
      year: 2025,
      subjectType: "household",
    });
    expect(finding?.message.zh).toContain("脱贫户");
    expect(finding?.message.zh).toContain("2024年获养蜂补贴3000.00元，此后没有技术服务");
    const [poor] = runDetector(subsidiseAndForget, records(), 2025);
    expect(poor?.message.zh).toContain("贫困户");
  });
});
