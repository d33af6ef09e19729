import { describe, expect, it } from "vitest";
import type { DomainError, Result } from "../shared/result.js";
import { createFund, createFundUse } from "./fund.js";

function paths(result: Result<unknown, DomainError>, code: string): string[] {
  if (result.ok) throw new Error(`expected ${code}`);
  expect(result.error.code).toBe(code);
  return result.error.issues!.map((i) => i.path);
}

describe("createFund", () => {
  const valid = {
    id: "f1",
    name: "2024年中央财政衔接推进乡村振兴补助资金",
    source: "central",
    year: 2024,
    regionCode: "360723",
    allocatedFen: 1_000_000_000,
  };

  it.each([
    ["a county fund", {}],
    ["a township fund", { regionCode: "360723100" }],
    ["a zero allocation", { allocatedFen: 0 }],
    ["self-raised money", { source: "self_raised" }],
  ])("accepts %s", (_name, patch) => {
    expect(createFund({ ...valid, ...patch }).ok).toBe(true);
  });

  it.each([
    ["a city code", { regionCode: "3607" }, "regionCode"],
    ["a negative allocation", { allocatedFen: -1 }, "allocatedFen"],
    ["a fractional allocation", { allocatedFen: 1.5 }, "allocatedFen"],
    ["an unknown source", { source: "中央" }, "source"],
    ["a blank name", { name: "" }, "name"],
  ])("refuses %s", (_name, patch, path) => {
    expect(paths(createFund({ ...valid, ...patch }), "FUND.INVALID_INPUT")).toContain(path);
  });
});

describe("createFundUse", () => {
  const valid = { id: "u1", fundId: "f1", year: 2024, category: "industry", amountFen: 600_000_000 };

  it.each([
    ["an industry use", {}, { projectId: null, description: "" }],
    ["equity into an enterprise", { category: "equity_in_enterprise", projectId: "p1" }, { projectId: "p1" }],
    [
      "photovoltaics",
      { category: "photovoltaic", description: "村级光伏电站" },
      { description: "村级光伏电站" },
    ],
  ])("accepts %s", (_name, patch, expected) => {
    const result = createFundUse({ ...valid, ...patch });
    expect(result.ok && result.value).toMatchObject(expected);
  });

  it.each([
    ["a zero amount", { amountFen: 0 }, "amountFen"],
    ["a negative amount", { amountFen: -5 }, "amountFen"],
    ["a fractional amount", { amountFen: 0.01 }, "amountFen"],
    ["an unknown category", { category: "光伏" }, "category"],
    ["a blank fund", { fundId: "" }, "fundId"],
  ])("refuses %s", (_name, patch, path) => {
    expect(paths(createFundUse({ ...valid, ...patch }), "FUND_USE.INVALID_INPUT")).toContain(path);
  });
});
