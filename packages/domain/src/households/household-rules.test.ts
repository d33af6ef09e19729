import { describe, expect, it } from "vitest";
import { checkLedgerRules } from "../ledger/ledger-rules.js";
import { member, validData, withCheck } from "../ledger/testing/ledger-fixture.js";
import { duplicateIdNumber, HOUSEHOLD_RULES, householdHead } from "./household-rules.js";

const d = validData();
const county = d.countyCode;

describe("household rules on a partial ledger (members only)", () => {
  it("HOUSEHOLD_HEAD fires on a second head, naming the household and both heads", () => {
    const members = [...d.members, member("m9", "h1", "109", "head")];
    expect(householdHead.check({ countyCode: county, members })).toEqual([
      {
        code: "LEDGER.HOUSEHOLD_HEAD",
        message: "household h1 has 2 heads",
        recordIds: ["h1", "m1", "m9"],
        field: "relation",
      },
    ]);
  });

  it("HOUSEHOLD_HEAD holds for a head, a spouse and a child", () => {
    const members = [...d.members, member("m9", "h1", "109", "child")];
    expect(householdHead.check({ countyCode: county, members })).toEqual([]);
  });

  it("DUPLICATE_ID_NUMBER fires on a person in two households, naming both members", () => {
    const twin = { ...member("m9", "h2", "109", "spouse"), idNumber: d.members[0]!.idNumber };
    const [v] = duplicateIdNumber.check({ countyCode: county, members: [d.members[0]!, twin] });
    expect(v).toMatchObject({
      code: "LEDGER.DUPLICATE_ID_NUMBER",
      recordIds: ["m1", "m9"],
      field: "idNumber",
    });
    expect(v!.message).not.toContain(d.members[0]!.idNumber);
  });

  it("DUPLICATE_ID_NUMBER holds for distinct ID numbers", () => {
    expect(duplicateIdNumber.check({ countyCode: county, members: d.members })).toEqual([]);
  });

  it("a write keeps only the violations about the record written", () => {
    // h1 already has two heads (a legacy row); adding a child to it is not refused for that.
    const legacy = [...d.members, member("m8", "h1", "108", "head")];
    const child = { ...member("m9", "h1", "109", "child"), idNumber: withCheck("36072319900101109") };
    const ledger = { countyCode: county, members: [...legacy, child] };
    expect(checkLedgerRules(ledger, { rules: HOUSEHOLD_RULES })).toHaveLength(1);
    expect(checkLedgerRules(ledger, { rules: HOUSEHOLD_RULES, about: ["m9"] })).toEqual([]);
    const head = member("m7", "h1", "107", "head");
    expect(
      checkLedgerRules(
        { countyCode: county, members: [...d.members, head] },
        { rules: HOUSEHOLD_RULES, about: ["m7"] },
      ).map((v) => v.code),
    ).toEqual(["LEDGER.HOUSEHOLD_HEAD"]);
  });
});
