import { describe, expect, it } from "vitest";
import type { DomainError, Result } from "../shared/result.js";
import { createBusinessEntity, createEntityActivity } from "./business-entity.js";

function paths(result: Result<unknown, DomainError>, code: string): string[] {
  if (result.ok) throw new Error(`expected ${code}`);
  expect(result.error.code).toBe(code);
  return result.error.issues!.map((i) => i.path);
}

describe("createBusinessEntity", () => {
  const valid = {
    id: "e1",
    name: "大余县南安镇脐橙专业合作社",
    kind: "cooperative",
    regionCode: "360723100",
    establishedYear: 2015,
  };

  it("applies defaults", () => {
    expect(createBusinessEntity(valid)).toEqual({
      ok: true,
      value: { ...valid, creditCode: null, industryId: null },
    });
  });

  it.each([
    ["a village", { regionCode: "360723100201" }, {}],
    ["a credit code", { creditCode: "93360723MA35ABCD1X" }, { creditCode: "93360723MA35ABCD1X" }],
    ["a lower-case credit code", { creditCode: "93360723ma35abcd1x" }, { creditCode: "93360723MA35ABCD1X" }],
    [
      "a full-width credit code",
      { creditCode: "９３３６０７２３ＭＡ３５ＡＢＣＤ１Ｘ" },
      { creditCode: "93360723MA35ABCD1X" },
    ],
    ["a leading enterprise with its industry", { kind: "leading_enterprise", industryId: "ind-orange" }, {}],
  ])("accepts %s", (_name, patch, expected) => {
    const result = createBusinessEntity({ ...valid, ...patch });
    expect(result.ok && result.value).toMatchObject(expected);
  });

  it.each([
    ["a county code", { regionCode: "360723" }, "regionCode"],
    ["a blank name", { name: "  " }, "name"],
    ["an unknown kind", { kind: "合作社" }, "kind"],
    ["a short credit code", { creditCode: "9336072" }, "creditCode"],
    ["a credit code with I, O, S, V or Z", { creditCode: "93360723MA35ABCDIO" }, "creditCode"],
    ["an establishment year before 2000", { establishedYear: 1998 }, "establishedYear"],
  ])("refuses %s", (_name, patch, path) => {
    expect(paths(createBusinessEntity({ ...valid, ...patch }), "ENTITY.INVALID_INPUT")).toContain(path);
  });
});

describe("createEntityActivity", () => {
  const valid = {
    id: "a1",
    entityId: "e1",
    year: 2024,
    date: "2024-05-20",
    kind: "purchase",
    amountFen: 1_250_000,
  };

  it.each([
    ["a purchase with its amount", {}],
    ["a meeting without amount", { kind: "meeting", amountFen: null, note: "社员大会" }],
    ["an amount left out", { kind: "meeting", amountFen: undefined }],
  ])("accepts %s", (_name, patch) => {
    expect(createEntityActivity({ ...valid, ...patch }).ok).toBe(true);
  });

  it.each([
    ["a date in another year", { date: "2023-12-31" }, "date"],
    ["an impossible date", { date: "2024-02-30" }, "date"],
    ["a date with slashes", { date: "2024/05/20" }, "date"],
    ["a negative amount", { amountFen: -100 }, "amountFen"],
    ["a fractional amount", { amountFen: 100.5 }, "amountFen"],
    ["an unknown kind", { kind: "sale" }, "kind"],
  ])("refuses %s", (_name, patch, path) => {
    expect(paths(createEntityActivity({ ...valid, ...patch }), "ENTITY_ACTIVITY.INVALID_INPUT")).toContain(
      path,
    );
  });
});
