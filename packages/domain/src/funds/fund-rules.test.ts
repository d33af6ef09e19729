import { describe, expect, it } from "vitest";
import { detectFindings } from "../assessment/detect-findings.js";
import { createLedger } from "../ledger/ledger.js";
import { checkLedgerRules } from "../ledger/ledger-rules.js";
import { validData } from "../ledger/testing/ledger-fixture.js";
import { FUND_RULES } from "./fund-rules.js";

const d = validData();
const f1 = d.funds[0]!; // 1,000,000 fen, used 600,000 + 400,000

describe("funds: the ledger records, the findings judge", () => {
  it("has no ledger rule of its own: an overspent fund is a fact, not a malformed record", () => {
    expect(Object.keys(FUND_RULES)).toEqual([]);
  });

  it("records a fund used one fen beyond its allocation, and FUNDS.OVERSPENT finds it", () => {
    const data = { ...d, funds: [{ ...f1, allocatedFen: 999_999 }, ...d.funds.slice(1)] };
    expect(checkLedgerRules(data)).toEqual([]);
    const ledger = createLedger(data);
    expect(ledger.ok).toBe(true);
    if (!ledger.ok) return;
    const found = detectFindings(ledger.value, {
      year: f1.year,
      now: new Date(`${f1.year + 1}-06-01T00:00:00Z`),
      codes: ["FUNDS.OVERSPENT"],
    });
    expect(found.map((f) => f.subjectId)).toEqual(["f1"]);
  });
});
