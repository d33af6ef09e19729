import { describe, expect, it } from "vitest";
import type { DomainError, Result } from "../shared/result.js";
import { createIncome, type Income, netIncomeFen, perCapitaNetIncomeFen } from "./income.js";

const valid = {
  id: "inc1",
  householdId: "h1",
  year: 2024,
  wageFen: 2_400_000,
  productionFen: 800_000,
  propertyFen: 50_000,
  transferFen: 300_000,
  productionCostFen: 250_000,
};

function paths(result: Result<unknown, DomainError>): string[] {
  if (result.ok) throw new Error("expected INCOME.INVALID_INPUT");
  expect(result.error.code).toBe("INCOME.INVALID_INPUT");
  return result.error.issues!.map((i) => i.path);
}

describe("createIncome", () => {
  it("accepts whole, non-negative fen", () => {
    expect(createIncome(valid)).toEqual({ ok: true, value: valid });
    expect(createIncome({ ...valid, wageFen: 0, productionFen: 0 }).ok).toBe(true);
  });

  it.each([
    ["negative fen", { wageFen: -100 }, "wageFen"],
    [
      "fractional fen (yuan with decimals typed into a fen field)",
      { productionFen: 1234.5 },
      "productionFen",
    ],
    ["an amount as text", { propertyFen: "500" }, "propertyFen"],
    ["a yuan text", { transferFen: "¥3000" }, "transferFen"],
    ["a missing amount", { productionCostFen: undefined }, "productionCostFen"],
    ["null", { wageFen: null }, "wageFen"],
    ["NaN", { wageFen: Number.NaN }, "wageFen"],
    ["an unsafe integer", { wageFen: 2 ** 60 }, "wageFen"],
    ["a year out of range", { year: 1999 }, "year"],
  ])("refuses %s", (_name, patch, path) => {
    expect(paths(createIncome({ ...valid, ...patch }))).toContain(path);
  });
});

describe("net income", () => {
  const income = valid as Income;

  it("is all income less production costs", () => {
    expect(netIncomeFen(income)).toBe(2_400_000 + 800_000 + 50_000 + 300_000 - 250_000);
  });

  it("may be negative when costs exceed income", () => {
    expect(netIncomeFen({ ...income, wageFen: 0, productionFen: 0, propertyFen: 0, transferFen: 0 })).toBe(
      -250_000,
    );
  });

  it.each([
    [1, 3_300_000],
    [3, 1_100_000],
    [7, 471_428],
    [0, 0],
  ])("per capita for %i members is %i fen (rounded down)", (members, fen) => {
    expect(perCapitaNetIncomeFen(income, members)).toBe(fen);
  });
});
