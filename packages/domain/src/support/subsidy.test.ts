import { describe, expect, it } from "vitest";
import type { DomainError, Result } from "../shared/result.js";
import { createSubsidy } from "./subsidy.js";

function paths(result: Result<unknown, DomainError>, code: string): string[] {
  if (result.ok) throw new Error(`expected ${code}`);
  expect(result.error.code).toBe(code);
  return result.error.issues!.map((i) => i.path);
}

describe("createSubsidy", () => {
  const valid = { id: "s1", householdId: "h1", date: "2024-04-01", kind: "award", amountFen: 200_000 };

  it("applies defaults", () => {
    expect(createSubsidy(valid)).toEqual({
      ok: true,
      value: { ...valid, industryId: null, fundId: null, purpose: "" },
    });
  });

  it("accepts an industry, a fund and a purpose", () => {
    const result = createSubsidy({ ...valid, industryId: "ind-bee", fundId: "f1", purpose: " 蜂箱补贴 " });
    expect(result.ok && result.value.purpose).toBe("蜂箱补贴");
  });

  it.each([
    ["a zero amount", { amountFen: 0 }, "amountFen"],
    ["a negative amount", { amountFen: -200_000 }, "amountFen"],
    ["a fractional amount", { amountFen: 1999.99 }, "amountFen"],
    ["an amount as text", { amountFen: "2000" }, "amountFen"],
    ["an impossible date", { date: "2024-04-31" }, "date"],
    ["a blank date", { date: "" }, "date"],
    ["an unknown kind", { kind: "奖补" }, "kind"],
    ["a blank household", { householdId: "  " }, "householdId"],
    ["a long purpose", { purpose: "补".repeat(201) }, "purpose"],
  ])("refuses %s", (_name, patch, path) => {
    expect(paths(createSubsidy({ ...valid, ...patch }), "SUBSIDY.INVALID_INPUT")).toContain(path);
  });
});
