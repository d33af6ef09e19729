import { describe, expect, it } from "vitest";
import { formatReportPeriod, monthEnd, parseReportPeriod, periodEnd, previousPeriod } from "./period.js";

describe("report periods", () => {
  it.each([
    ["2025", { kind: "year", year: 2025 }],
    ["2025-12", { kind: "month", year: 2025, month: 12 }],
    ["2024-02", { kind: "month", year: 2024, month: 2 }],
  ])("parses %s", (text, period) => {
    expect(parseReportPeriod(text)).toEqual({ ok: true, value: period });
    expect(formatReportPeriod(period as never)).toBe(text);
  });

  it.each(["2025-13", "2025-00", "25", "2025/12", "1999", ""])("refuses %j naming the period", (text) => {
    const parsed = parseReportPeriod(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.code).toBe("REPORT.INVALID_PERIOD");
  });

  it("knows month ends, leap years included, and the period before", () => {
    expect(monthEnd(2024, 2)).toBe("2024-02-29");
    expect(monthEnd(2025, 2)).toBe("2025-02-28");
    expect(periodEnd({ kind: "year", year: 2025 })).toBe("2025-12-31");
    expect(previousPeriod({ kind: "month", year: 2025, month: 1 })).toEqual({
      kind: "month",
      year: 2024,
      month: 12,
    });
    expect(previousPeriod({ kind: "year", year: 2025 })).toEqual({ kind: "year", year: 2024 });
  });
});
