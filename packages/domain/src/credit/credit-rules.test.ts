import { describe, expect, it } from "vitest";
import { checkLedgerRules } from "../ledger/ledger-rules.js";
import { validData } from "../ledger/testing/ledger-fixture.js";
import { creditReturnBeforePlacement } from "./credit-rules.js";

const d = validData();
const cr1 = d.credits[0]!; // placed 2023-03-01
const rt1 = d.creditReturns[0]!;

describe("credit rules on a partial ledger (a credit and what came back)", () => {
  it.each([
    ["the day before it was placed", "2023-02-28", 1],
    ["the day it was placed", "2023-03-01", 0],
    ["a year later", "2024-03-01", 0],
  ])("CREDIT_RETURN_BEFORE_PLACEMENT on a return dated %s", (_name, date, violations) => {
    const ledger = { countyCode: d.countyCode, credits: [cr1], creditReturns: [{ ...rt1, date }] };
    expect(creditReturnBeforePlacement.check(ledger)).toHaveLength(violations);
  });

  it("names the return, its credit and the date field", () => {
    const ledger = {
      countyCode: d.countyCode,
      credits: [cr1],
      creditReturns: [{ ...rt1, date: "2022-12-31" }],
    };
    expect(checkLedgerRules(ledger)).toEqual([
      {
        code: "LEDGER.CREDIT_RETURN_BEFORE_PLACEMENT",
        message: "credit return rt1: dated 2022-12-31, before credit cr1 was placed on 2023-03-01",
        recordIds: ["rt1", "cr1"],
        field: "date",
      },
    ]);
  });

  it("skips a return whose credit is not loaded", () => {
    expect(creditReturnBeforePlacement.check({ countyCode: d.countyCode, creditReturns: [rt1] })).toEqual([]);
  });

  it("a credit naming an unknown entity is a dangling reference", () => {
    const ledger = { ...d, credits: [{ ...cr1, entityId: "e404" }] };
    expect(checkLedgerRules(ledger).map((v) => [v.code, v.field])).toEqual([
      ["LEDGER.UNKNOWN_REFERENCE", "entityId"],
    ]);
  });
});
