import { describe, expect, it } from "vitest";
import { validData } from "../ledger/testing/ledger-fixture.js";
import { fundOverspent } from "./fund-rules.js";

const d = validData();
const f1 = d.funds[0]!; // 1,000,000 fen, used 600,000 + 400,000
const usesOfF1 = d.fundUses.filter((u) => u.fundId === "f1");

describe("fund rules on a partial ledger (a fund and its uses)", () => {
  it("FUND_OVERSPENT holds when the uses reach the allocation exactly", () => {
    expect(fundOverspent.check({ countyCode: d.countyCode, funds: [f1], fundUses: usesOfF1 })).toEqual([]);
  });

  it("FUND_OVERSPENT fires on one fen beyond the allocation", () => {
    const extra = { ...usesOfF1[1]!, id: "u9", amountFen: 1 };
    expect(
      fundOverspent.check({ countyCode: d.countyCode, funds: [f1], fundUses: [...usesOfF1, extra] }),
    ).toEqual([
      {
        code: "LEDGER.FUND_OVERSPENT",
        message: "fund f1: uses total 1000001 fen, more than the 1000000 fen allocated",
        recordIds: ["f1"],
        field: "amountFen",
      },
    ]);
  });
});
