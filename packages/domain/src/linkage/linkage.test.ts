import { describe, expect, it } from "vitest";
import type { DomainError, Result } from "../shared/result.js";
import { createLinkage, createLinkageYear, type Linkage, linkageCoversYear } from "./linkage.js";

function paths(result: Result<unknown, DomainError>, code: string): string[] {
  if (result.ok) throw new Error(`expected ${code}`);
  expect(result.error.code).toBe(code);
  return result.error.issues!.map((i) => i.path);
}

const validLinkage = { id: "l1", entityId: "e1", householdId: "h1", mode: "land_lease", startYear: 2022 };

describe("createLinkage", () => {
  it("applies defaults", () => {
    expect(createLinkage(validLinkage)).toEqual({
      ok: true,
      value: { ...validLinkage, industryId: null, endYear: null, signedDate: null, endDate: null },
    });
  });

  it.each([
    ["an end year", { endYear: 2024 }],
    ["a one-year linkage", { endYear: 2022 }],
    ["an equity dividend with its industry", { mode: "equity_dividend", industryId: "ind-orange" }],
  ])("accepts %s", (_name, patch) => {
    expect(createLinkage({ ...validLinkage, ...patch }).ok).toBe(true);
  });

  it.each([
    ["an end before the start", { endYear: 2021 }, "endYear"],
    ["an unknown mode", { mode: "订单收购" }, "mode"],
    ["a blank entity", { entityId: " " }, "entityId"],
    ["a blank household", { householdId: "" }, "householdId"],
    ["a fractional year", { startYear: 2022.5 }, "startYear"],
  ])("refuses %s", (_name, patch, path) => {
    expect(paths(createLinkage({ ...validLinkage, ...patch }), "LINKAGE.INVALID_INPUT")).toContain(path);
  });

  it.each([
    [2021, false],
    [2022, true],
    [2030, true],
  ])("an open linkage from 2022 covers %i: %s", (year, covers) => {
    expect(linkageCoversYear({ ...validLinkage, industryId: null, endYear: null } as Linkage, year)).toBe(
      covers,
    );
  });

  it.each([
    [2022, true],
    [2024, true],
    [2025, false],
  ])("a linkage 2022–2024 covers %i: %s", (year, covers) => {
    expect(linkageCoversYear({ ...validLinkage, industryId: null, endYear: 2024 } as Linkage, year)).toBe(
      covers,
    );
  });
});

describe("createLinkageYear", () => {
  const valid = {
    id: "ly1",
    linkageId: "l1",
    year: 2024,
    tookPart: true,
    receivedFen: 80_000,
    benefitKind: "rent",
  };

  it.each([
    ["a paid year", {}],
    ["took part and received nothing (a finding, not an input error)", { receivedFen: 0, benefitKind: null }],
    ["did not take part", { tookPart: false, receivedFen: 0, benefitKind: null }],
  ])("accepts %s", (_name, patch) => {
    expect(createLinkageYear({ ...valid, ...patch }).ok).toBe(true);
  });

  it.each([
    ["money to a household that did not take part", { tookPart: false }, "receivedFen"],
    ["money without its kind", { benefitKind: null }, "benefitKind"],
    ["negative fen", { receivedFen: -1 }, "receivedFen"],
    ["fractional fen", { receivedFen: 800.5 }, "receivedFen"],
    ["an amount in yuan text", { receivedFen: "800元" }, "receivedFen"],
    ["tookPart as text", { tookPart: "yes" }, "tookPart"],
    ["an unknown benefit kind", { benefitKind: "money" }, "benefitKind"],
  ])("refuses %s", (_name, patch, path) => {
    expect(paths(createLinkageYear({ ...valid, ...patch }), "LINKAGE_YEAR.INVALID_INPUT")).toContain(path);
  });
});
