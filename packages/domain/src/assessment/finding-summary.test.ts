import { describe, expect, it } from "vitest";
import { summariseFindings } from "./finding-summary.js";
import { COUNTY, TOWN_A, TOWN_B } from "./testing/fixtures.js";
import type { Finding } from "./types.js";

function finding(
  code: Finding["code"],
  severity: Finding["severity"],
  regionCode: string,
  subjectId: string,
) {
  return {
    code,
    severity,
    year: 2025,
    regionCode,
    subjectType: "household",
    subjectId,
    evidence: [subjectId],
    message: { zh: "", en: "" },
  } satisfies Finding;
}

describe("summariseFindings: per township, findings by code and severity", () => {
  const findings = [
    finding("LINKAGE.FAKE", "high", TOWN_A, "l1"),
    finding("LINKAGE.FAKE", "high", TOWN_A, "l2"),
    finding("OUTCOME.LOW_SURVIVAL", "medium", TOWN_A, "h1"),
    finding("RESPONSIBILITY.TOWNSHIP_WITHOUT_PERSON", "critical", TOWN_A, TOWN_A),
    finding("FUNDS.PAN_WELFARE", "high", COUNTY, COUNTY),
    { ...finding("LINKAGE.FAKE", "high", TOWN_B, "l9"), year: 2024 },
  ];

  it("counts each township's findings of the year by code, most severe first, and by severity", () => {
    const [county, a] = summariseFindings(findings, 2025);
    expect(county).toEqual({
      regionCode: COUNTY,
      year: 2025,
      total: 1,
      bySeverity: { low: 0, medium: 0, high: 1, critical: 0 },
      byCode: [{ code: "FUNDS.PAN_WELFARE", severity: "high", count: 1 }],
    });
    expect(a).toEqual({
      regionCode: TOWN_A,
      year: 2025,
      total: 4,
      bySeverity: { low: 0, medium: 1, high: 2, critical: 1 },
      byCode: [
        { code: "RESPONSIBILITY.TOWNSHIP_WITHOUT_PERSON", severity: "critical", count: 1 },
        { code: "LINKAGE.FAKE", severity: "high", count: 2 },
        { code: "OUTCOME.LOW_SURVIVAL", severity: "medium", count: 1 },
      ],
    });
  });

  it("counts severities finding by finding where a code's findings differ, the code's tally carrying the most severe", () => {
    const withoutItem = (severity: Finding["severity"], subjectId: string) =>
      finding("RECTIFICATION.FINDING_WITHOUT_ITEM", severity, TOWN_B, subjectId);
    const [b] = summariseFindings(
      [
        withoutItem("high", "LINKAGE.FAKE|l1"),
        withoutItem("critical", `RESPONSIBILITY.TOWNSHIP_WITHOUT_PERSON|${TOWN_B}`),
        withoutItem("high", "LINKAGE.FAKE|l2"),
        finding("LINKAGE.FAKE", "high", TOWN_B, "l1"),
      ],
      2025,
    );
    expect(b?.bySeverity).toEqual({ low: 0, medium: 0, high: 3, critical: 1 });
    expect(b?.total).toBe(4);
    expect(b?.byCode).toEqual([
      { code: "RECTIFICATION.FINDING_WITHOUT_ITEM", severity: "critical", count: 3 },
      { code: "LINKAGE.FAKE", severity: "high", count: 1 },
    ]);
  });

  it("leaves out findings of other years, and lists a named township with none as clean", () => {
    const summaries = summariseFindings(findings, 2025, [TOWN_A, TOWN_B]);
    expect(summaries.map((s) => [s.regionCode, s.total])).toEqual([
      [COUNTY, 1],
      [TOWN_A, 4],
      [TOWN_B, 0],
    ]);
    expect(summaries[2]?.byCode).toEqual([]);
  });
});
