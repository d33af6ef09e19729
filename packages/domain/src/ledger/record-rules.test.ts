import { describe, expect, it } from "vitest";
import { duplicateId, invalidAmount, isFen, unknownReference } from "./record-rules.js";
import { validData } from "./testing/ledger-fixture.js";

const d = validData();

describe("record rules on a partial ledger", () => {
  it("DUPLICATE_ID fires on a member id used twice and names the id field", () => {
    const members = [...d.members, d.members[0]!];
    expect(duplicateId.check({ countyCode: d.countyCode, members })).toEqual([
      {
        code: "LEDGER.DUPLICATE_ID",
        message: "members: id m1 is used twice",
        recordIds: ["m1"],
        field: "id",
      },
    ]);
    expect(duplicateId.check({ countyCode: d.countyCode, members: d.members })).toEqual([]);
  });

  it("UNKNOWN_REFERENCE judges a reference only when the collection it points into is loaded", () => {
    const orphan = { ...d.members[0]!, id: "m9", householdId: "h404" };
    expect(
      unknownReference.check({ countyCode: d.countyCode, households: d.households, members: [orphan] }),
    ).toEqual([
      {
        code: "LEDGER.UNKNOWN_REFERENCE",
        message: "m9: householdId h404 is not in households",
        recordIds: ["m9", "h404"],
        field: "householdId",
      },
    ]);
    expect(unknownReference.check({ countyCode: d.countyCode, members: [orphan] })).toEqual([]);
  });

  it("UNKNOWN_REFERENCE checks each id of a list and skips a null reference", () => {
    const service = { ...d.services[0]!, householdIds: ["h1", "h404"] };
    expect(
      unknownReference
        .check({ countyCode: d.countyCode, households: d.households, services: [service] })
        .map((v) => v.recordIds),
    ).toEqual([["ts1", "h404"]]);
    const use = { ...d.fundUses[1]! }; // projectId null
    expect(unknownReference.check({ countyCode: d.countyCode, projects: [], fundUses: [use] })).toEqual([]);
  });

  it("INVALID_AMOUNT fires on fractional, negative and text amounts, and on a project's funding by source", () => {
    const ledger = {
      countyCode: d.countyCode,
      subsidies: [{ ...d.subsidies[0]!, amountFen: 100.5 }],
      incomes: [{ ...d.incomes[0]!, transferFen: -1 }],
      projects: [{ ...d.projects[0]!, fundingFen: { county: -1 } }],
    };
    expect(invalidAmount.check(ledger).map((v) => [v.recordIds[0], v.field])).toEqual([
      ["inc1", "transferFen"],
      ["s1", "amountFen"],
      ["p1", "fundingFen"],
    ]);
    expect(invalidAmount.check(d)).toEqual([]);
  });

  it.each([
    [0, true],
    [12, true],
    [-1, false],
    [0.5, false],
    ["1", false],
    [Number.MAX_SAFE_INTEGER + 1, false],
  ])("isFen(%s) is %s", (value, expected) => {
    expect(isFen(value)).toBe(expected);
  });
});
