import { describe, expect, it } from "vitest";
import type { DomainError, Result } from "../shared/result.js";
import { createCreditReturn, createHouseholdCredit } from "./credit.js";

function paths(result: Result<unknown, DomainError>, code: string): string[] {
  if (result.ok) throw new Error(`expected ${code}`);
  expect(result.error.code).toBe(code);
  return result.error.issues!.map((i) => i.path);
}

describe("createHouseholdCredit", () => {
  const valid = {
    id: "cr1",
    householdId: "h1",
    kind: "microcredit",
    amountFen: 5_000_000,
    placedDate: "2019-04-10",
  };

  it("applies defaults: used by the household itself, no fund, no term, no lender", () => {
    expect(createHouseholdCredit(valid)).toEqual({
      ok: true,
      value: { ...valid, entityId: null, industryId: null, fundId: null, dueDate: null, lender: "" },
    });
  });

  it("accepts a loan placed with an entity (户贷企用) with its term and lender", () => {
    const result = createHouseholdCredit({
      ...valid,
      entityId: "e1",
      dueDate: "2022-04-10",
      lender: " 大余农商银行 ",
    });
    expect(result.ok && [result.value.entityId, result.value.lender]).toEqual(["e1", "大余农商银行"]);
  });

  it("accepts a term ending the day it starts", () => {
    expect(createHouseholdCredit({ ...valid, dueDate: valid.placedDate }).ok).toBe(true);
  });

  it.each([
    ["a zero amount", { amountFen: 0 }, "amountFen"],
    ["a fractional amount", { amountFen: 10.5 }, "amountFen"],
    ["an unknown kind", { kind: "贷款" }, "kind"],
    ["an impossible placing date", { placedDate: "2019-02-30" }, "placedDate"],
    ["a term ending before it starts", { dueDate: "2019-04-09" }, "dueDate"],
    ["a blank household", { householdId: " " }, "householdId"],
    ["a long lender", { lender: "行".repeat(101) }, "lender"],
  ])("refuses %s", (_name, patch, path) => {
    expect(paths(createHouseholdCredit({ ...valid, ...patch }), "HOUSEHOLD_CREDIT.INVALID_INPUT")).toEqual([
      path,
    ]);
  });
});

describe("createCreditReturn", () => {
  const valid = { id: "rt1", creditId: "cr1", date: "2020-01-15", kind: "dividend", amountFen: 400_000 };

  it("accepts a dividend and a repayment", () => {
    expect(createCreditReturn(valid)).toEqual({ ok: true, value: valid });
    expect(createCreditReturn({ ...valid, kind: "repayment" }).ok).toBe(true);
  });

  it.each([
    ["a zero amount", { amountFen: 0 }, "amountFen"],
    ["an unknown kind", { kind: "interest" }, "kind"],
    ["an impossible date", { date: "2020-13-01" }, "date"],
  ])("refuses %s", (_name, patch, path) => {
    expect(paths(createCreditReturn({ ...valid, ...patch }), "CREDIT_RETURN.INVALID_INPUT")).toEqual([path]);
  });
});
