import { describe, expect, it } from "vitest";
import type { DomainError, Result } from "../shared/result.js";
import { createResponsibility, isResponsibilityCurrent, type Responsibility } from "./responsibility.js";

function paths(result: Result<unknown, DomainError>): string[] {
  if (result.ok) throw new Error("expected RESPONSIBILITY.INVALID_INPUT");
  expect(result.error.code).toBe("RESPONSIBILITY.INVALID_INPUT");
  return result.error.issues!.map((i) => i.path);
}

const fixedPerson = {
  id: "r1",
  kind: "township_fixed_person",
  personName: "刘𠀀",
  townshipCode: "360723100",
  validFrom: "2023-01-01",
};
const helper = { ...fixedPerson, id: "r2", kind: "household_helper", householdId: "h1" };
const villagePerson = {
  ...fixedPerson,
  id: "r3",
  kind: "village_responsible_person",
  villageCode: "360723100201",
};

describe("createResponsibility", () => {
  it("applies defaults and keeps rare characters in names", () => {
    expect(createResponsibility(fixedPerson)).toEqual({
      ok: true,
      value: { ...fixedPerson, personPhone: null, householdId: null, villageCode: null, validTo: null },
    });
  });

  it.each([
    ["a helper for a household", helper, {}],
    ["a village's responsible person (村级主体责任)", villagePerson, { villageCode: "360723100201" }],
    ["a period", { ...fixedPerson, validTo: "2024-12-31" }, { validTo: "2024-12-31" }],
    ["a one-day period", { ...fixedPerson, validTo: "2023-01-01" }, {}],
    ["a mobile", { ...fixedPerson, personPhone: "13807971234" }, { personPhone: "13807971234" }],
    [
      "a full-width mobile",
      { ...fixedPerson, personPhone: "１３８０７９７１２３４" },
      { personPhone: "13807971234" },
    ],
    [
      "a padded township code",
      { ...fixedPerson, townshipCode: "360723100000" },
      { townshipCode: "360723100" },
    ],
  ])("accepts %s", (_name, input, expected) => {
    const result = createResponsibility(input);
    expect(result.ok && result.value).toMatchObject(expected);
  });

  it.each([
    ["a helper without a household", { ...helper, householdId: null }, "householdId"],
    ["a township person tied to a household", { ...fixedPerson, householdId: "h1" }, "householdId"],
    ["a period ending before it starts", { ...fixedPerson, validTo: "2022-12-31" }, "validTo"],
    ["a village code", { ...fixedPerson, townshipCode: "360723100201" }, "townshipCode"],
    ["a county code", { ...fixedPerson, townshipCode: "360723" }, "townshipCode"],
    ["a blank name", { ...fixedPerson, personName: "　" }, "personName"],
    ["a landline", { ...fixedPerson, personPhone: "0797-8721234" }, "personPhone"],
    ["an unknown kind", { ...fixedPerson, kind: "leader" }, "kind"],
    ["a village's person without a village", { ...villagePerson, villageCode: null }, "villageCode"],
    [
      "a village's person for a village of another township",
      { ...villagePerson, villageCode: "360723101201" },
      "villageCode",
    ],
    [
      "a village's person named by a township code",
      { ...villagePerson, villageCode: "360723100" },
      "villageCode",
    ],
    ["a village's person tied to a household", { ...villagePerson, householdId: "h1" }, "householdId"],
    ["a township person naming a village", { ...fixedPerson, villageCode: "360723100201" }, "villageCode"],
  ])("refuses %s", (_name, input, path) => {
    expect(paths(createResponsibility(input))).toContain(path);
  });
});

describe("isResponsibilityCurrent", () => {
  const r = { ...fixedPerson, validTo: "2024-12-31" } as Responsibility;
  it.each([
    ["2022-12-31", false],
    ["2023-01-01", true],
    ["2024-12-31", true],
    ["2025-01-01", false],
  ])("on %s: %s", (date, current) => {
    expect(isResponsibilityCurrent(r, date)).toBe(current);
  });

  it("an open-ended assignment stays current", () => {
    expect(isResponsibilityCurrent({ ...r, validTo: null }, "2099-01-01")).toBe(true);
  });
});
