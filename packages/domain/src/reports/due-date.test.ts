import { describe, expect, it } from "vitest";
import { lateSyncFinding, reportDueDate } from "./due-date.js";

describe("report due dates", () => {
  it.each([
    [{ frequency: "monthly", day: 5 }, { kind: "month", year: 2025, month: 3 }, "2025-04-05"],
    [{ frequency: "monthly", day: 5 }, { kind: "month", year: 2025, month: 12 }, "2026-01-05"],
    [{ frequency: "monthly", day: 31 }, { kind: "month", year: 2024, month: 1 }, "2024-02-29"],
    [{ frequency: "monthly", day: 10 }, { kind: "year", year: 2025 }, "2026-01-10"],
    [{ frequency: "yearly", month: 3, day: 31 }, { kind: "year", year: 2025 }, "2026-03-31"],
  ] as const)("%j for %j is %s", (deadline, period, due) => {
    expect(reportDueDate(deadline, period)).toBe(due);
  });
});

describe("SYNC.LATE", () => {
  const base = {
    runId: "7",
    profile: "city-projects",
    regionCode: "360723",
    period: "2025-03",
    dueDate: "2025-04-10",
  };
  it("fires for a delivery after the due date and for none past it", () => {
    expect(lateSyncFinding({ ...base, deliveredOn: "2025-04-11", today: "2025-04-11" })).toMatchObject({
      code: "SYNC.LATE",
      subjectId: "7",
      deliveredOn: "2025-04-11",
    });
    expect(lateSyncFinding({ ...base, deliveredOn: null, today: "2025-04-11" })?.message.en).toContain(
      "still not delivered",
    );
  });
  it("stays quiet on the due date itself and before it", () => {
    expect(lateSyncFinding({ ...base, deliveredOn: "2025-04-10", today: "2025-05-01" })).toBeNull();
    expect(lateSyncFinding({ ...base, deliveredOn: null, today: "2025-04-10" })).toBeNull();
  });
});
