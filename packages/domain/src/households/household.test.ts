import { describe, expect, it } from "vitest";
import type { DomainError, Result } from "../shared/result.js";
import { createHousehold } from "./household.js";

const valid = {
  id: "h1",
  householdNumber: "3607231002010001",
  villageCode: "360723100201",
  attribute: "ordinary",
  mainCause: "illness",
  povertyStatus: "in_poverty",
  registeredYear: 2016,
};

function paths(result: Result<unknown, DomainError>): string[] {
  if (result.ok) throw new Error("expected HOUSEHOLD.INVALID_INPUT");
  expect(result.error.code).toBe("HOUSEHOLD.INVALID_INPUT");
  return result.error.issues!.map((i) => i.path);
}

describe("createHousehold", () => {
  it("applies defaults", () => {
    expect(createHousehold(valid)).toEqual({
      ok: true,
      value: {
        ...valid,
        identificationStandard: "national",
        otherCauses: [],
        exitYear: null,
        phone: null,
        bankAccount: null,
      },
    });
  });

  it.each([
    [
      "an exited household with its exit year",
      { povertyStatus: "exited", exitYear: 2019 },
      { exitYear: 2019 },
    ],
    ["a relapsed household", { povertyStatus: "relapsed", exitYear: 2018 }, { povertyStatus: "relapsed" }],
    [
      "exit in the year of registration",
      { registeredYear: 2019, povertyStatus: "exited", exitYear: 2019 },
      {},
    ],
    ["two other causes", { otherCauses: ["lack_of_skills", "lack_of_funds"] }, {}],
    ["a mobile phone", { phone: "13907971234" }, { phone: "13907971234" }],
    ["a landline with area code", { phone: "0797-8721234" }, { phone: "0797-8721234" }],
    ["a full-width mobile", { phone: "１３９０７９７１２３４" }, { phone: "13907971234" }],
    ["a full-width landline", { phone: "０７９７－８７２１２３４" }, { phone: "0797-8721234" }],
    ["a bank account", { bankAccount: "6217991234567890123" }, { bankAccount: "6217991234567890123" }],
    [
      "a full-width household number",
      { householdNumber: "３６０７２３１００２０１０００１" },
      { householdNumber: "3607231002010001" },
    ],
    ["a padded 12-digit village code in full width", { villageCode: "３６０７２３１００２０１" }, {}],
    [
      "a household number with letters and dashes",
      { householdNumber: " DY-2016-0001 " },
      { householdNumber: "DY-2016-0001" },
    ],
    ["the provincial standard", { identificationStandard: "provincial" }, {}],
    [
      "a household from another county (checked by the ledger, not here)",
      { villageCode: "360702100201" },
      {},
    ],
  ])("accepts %s", (_name, patch, expected) => {
    const result = createHousehold({ ...valid, ...patch });
    expect(result.ok).toBe(true);
    expect(result.ok && result.value).toMatchObject(expected);
  });

  it.each([
    ["a blank id", { id: "  " }, "id"],
    ["a blank household number", { householdNumber: "   " }, "householdNumber"],
    ["a short household number", { householdNumber: "12345" }, "householdNumber"],
    ["a household number with Chinese", { householdNumber: "大余0001号" }, "householdNumber"],
    ["a numeric household number", { householdNumber: 3607231002010001 }, "householdNumber"],
    ["a township code as village", { villageCode: "360723100" }, "villageCode"],
    ["a county code as village", { villageCode: "360723000000" }, "villageCode"],
    ["letters in the village code", { villageCode: "36072310020A" }, "villageCode"],
    ["a blank village code", { villageCode: "" }, "villageCode"],
    ["an unknown attribute", { attribute: "poor" }, "attribute"],
    ["a Chinese label instead of a code", { mainCause: "因病" }, "mainCause"],
    ["three other causes", { otherCauses: ["disaster", "lack_of_land", "lack_of_water"] }, "otherCauses"],
    ["the main cause repeated", { otherCauses: ["illness"] }, "otherCauses"],
    ["an exited household without exit year", { povertyStatus: "exited" }, "exitYear"],
    ["a relapsed household without exit year", { povertyStatus: "relapsed", exitYear: null }, "exitYear"],
    ["an exit year while still in poverty", { exitYear: 2019 }, "exitYear"],
    ["exit before registration", { povertyStatus: "exited", exitYear: 2015 }, "exitYear"],
    ["a fractional year", { registeredYear: 2016.5 }, "registeredYear"],
    ["a year typed as text", { registeredYear: "2016" }, "registeredYear"],
    ["a two-digit year", { registeredYear: 16 }, "registeredYear"],
    ["a full-width year", { registeredYear: "２０１６" }, "registeredYear"],
    ["a short phone", { phone: "1390797123" }, "phone"],
    ["a phone with letters", { phone: "139O7971234" }, "phone"],
    ["a bank account with spaces inside", { bankAccount: "6217 9912 3456 7890" }, "bankAccount"],
    ["a bank account in scientific notation", { bankAccount: "6.21799E+18" }, "bankAccount"],
    ["no attribute", { attribute: undefined }, "attribute"],
  ])("refuses %s", (_name, patch, path) => {
    expect(paths(createHousehold({ ...valid, ...patch }))).toContain(path);
  });

  it("names every bad field at once", () => {
    expect(
      paths(createHousehold({ ...valid, householdNumber: "", attribute: "x", registeredYear: 1999 })),
    ).toEqual(["householdNumber", "attribute", "registeredYear"]);
  });

  it("refuses input that is not an object", () => {
    expect(paths(createHousehold(null))).toEqual([""]);
  });
});
