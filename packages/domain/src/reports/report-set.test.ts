import { describe, expect, it } from "vitest";
import { buildLedger, TOWN_A, TOWN_B } from "../assessment/testing/fixtures.js";
import { buildReportSet } from "./report-set.js";
import { cleanRecords } from "./testing/clean-county.js";

describe("report datasets", () => {
  const ledger = buildLedger(cleanRecords());

  it("report 1: a household's year of subsidies, linkage benefits, projects and income, as of the period's end", () => {
    const { households } = buildReportSet(ledger, "360723", { kind: "year", year: 2025 });
    expect(households.asOf).toBe("2025-12-31");
    const h1 = households.households.find((h) => h.householdId === "h1")!;
    expect(h1).toMatchObject({ size: 2, headName: "张三", townshipCode: TOWN_A, projectIds: ["p1"] });
    expect(h1.subsidies).toEqual([
      { subsidyId: "s1", date: "2025-02-10", amountFen: 50_000, industryId: null, fundId: "f1" },
    ]);
    expect(h1.linkages[0]).toMatchObject({
      linkageYearId: "ly1",
      mode: "employment",
      tookPart: true,
      receivedFen: 300_000,
    });
    expect(h1.income).toMatchObject({ wageFen: 1_000_000, netFen: 1_000_000, perCapitaNetFen: 500_000 });
    expect(households.persons.map((p) => p.memberId)).toEqual(["m1", "m2", "m3", "m4"]);
  });

  it("an as-of date inside the period leaves out what came after it", () => {
    const early = buildReportSet(ledger, "360723", { kind: "year", year: 2025 }, { asOf: "2025-02-28" });
    expect(early.households.asOf).toBe("2025-02-28");
    expect(early.households.households.flatMap((h) => h.subsidies.map((s) => s.subsidyId))).toEqual(["s1"]);
    expect(early.projects.projects[0]).toMatchObject({
      stage: "implementation",
      disbursedTotalFen: 2_000_000,
    });
    expect(early.campaign.totals.map((t) => t.month)).toEqual([1, 2]);
  });

  it("report 2: planned and disbursed funding by source, dated by the disbursement records", () => {
    const { projects } = buildReportSet(ledger, TOWN_A, { kind: "month", year: 2025, month: 1 });
    expect(projects.projects[0]).toMatchObject({
      stage: "public_notice",
      disbursedTotalFen: 0,
      plannedTotalFen: 2_000_000,
    });
    const year = buildReportSet(ledger, TOWN_A, { kind: "year", year: 2025 }).projects.projects[0]!;
    expect(year.disbursements).toEqual([
      {
        disbursementId: "d1",
        fundUseId: "u1",
        fundId: "f1",
        source: "central",
        date: "2025-02-15",
        amountFen: 2_000_000,
      },
    ]);
    expect(year.beneficiaryPersons).toBe(2);
    expect(buildReportSet(ledger, TOWN_B, { kind: "year", year: 2025 }).projects.projects).toEqual([]);
  });

  // Reports 2 and 3 used to date a project's money from its fund uses (the implementation date, the
  // whole use at once); the ledger records each disbursement (拨付) with its own date and amount.
  it("reports 2 and 3 date disbursed money by the disbursement records, tranche by tranche", () => {
    const records = cleanRecords();
    const tranches = buildLedger({
      ...records,
      disbursements: [
        { id: "d1", fundId: "f1", projectId: "p1", date: "2025-02-20", amountFen: 1_200_000, payee: "" },
        { id: "d2", fundId: "f1", projectId: "p1", date: "2025-06-03", amountFen: 800_000, payee: "" },
      ],
    });
    const march = buildReportSet(tranches, TOWN_A, { kind: "month", year: 2025, month: 3 });
    expect(march.projects.projects[0]).toMatchObject({ disbursedTotalFen: 1_200_000 });
    expect(march.projects.projects[0]!.disbursements.map((d) => d.disbursementId)).toEqual(["d1"]);
    const june = buildReportSet(tranches, TOWN_A, { kind: "month", year: 2025, month: 6 });
    const row = (m: number) => june.campaign.rows.find((r) => r.regionCode === TOWN_A && r.month === m)!;
    expect([row(2), row(3), row(6)].map((r) => r.figures.disbursedFenMonth)).toEqual([1_200_000, 0, 800_000]);
    expect(row(6).figures.disbursedFenCum).toBe(2_000_000);
    // a fund use with no disbursement record is planned money, not disbursed
    const unpaid = buildLedger({ ...records, disbursements: [] });
    const year = buildReportSet(unpaid, TOWN_A, { kind: "year", year: 2025 });
    expect(year.projects.projects[0]).toMatchObject({ disbursedTotalFen: 0, plannedTotalFen: 2_000_000 });
    expect(year.campaign.totals.at(-1)!.figures.disbursedFenCum).toBe(0);
  });

  it("report 3: per township per month, monthly and cumulative, each row as of its month's end", () => {
    const { campaign } = buildReportSet(ledger, "360723", { kind: "month", year: 2025, month: 3 });
    const a = (month: number) => campaign.rows.find((r) => r.regionCode === TOWN_A && r.month === month)!;
    expect(campaign.rows).toHaveLength(6);
    expect(a(2).asOf).toBe("2025-02-28");
    expect(a(2).figures).toMatchObject({
      subsidyFenMonth: 50_000,
      subsidyFenCum: 50_000,
      disbursedFenMonth: 2_000_000,
    });
    expect(a(3).figures).toMatchObject({
      subsidyFenMonth: 0,
      subsidyFenCum: 50_000,
      linkedHouseholds: 1,
      coveredHouseholds: 1,
    });
    expect(a(1).projectsByStage.public_notice).toBe(1);
    expect(a(3).projectsByStage.implementation).toBe(1);
    const b3 = campaign.rows.find((r) => r.regionCode === TOWN_B && r.month === 3)!;
    expect(b3.figures).toMatchObject({
      rectificationsFoundCum: 1,
      rectificationsOverdue: 0,
      registeredPersons: 1,
    });
    expect(campaign.totals[2]!.figures.subsidyFenCum).toBe(130_000);
  });
});
