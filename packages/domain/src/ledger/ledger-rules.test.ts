import { describe, expect, it } from "vitest";
import { validateLedger } from "./ledger.js";
import { checkLedgerRules, LEDGER_RULES, LEDGER_RULES_BY_CONCEPT } from "./ledger-rules.js";
import { RECORD_KIND_KEYS } from "./record-kinds.js";
import { member, validData } from "./testing/ledger-fixture.js";

describe("the ledger rule registry", () => {
  it("keys each rule by its own code", () => {
    for (const [code, rule] of Object.entries(LEDGER_RULES)) expect(rule.code).toBe(code);
  });

  it("holds exactly the rules of the concepts, each once", () => {
    const byConcept = Object.values(LEDGER_RULES_BY_CONCEPT).flatMap((rules) => Object.keys(rules));
    expect([...byConcept].sort()).toEqual(Object.keys(LEDGER_RULES).sort());
    expect(new Set(byConcept).size).toBe(byConcept.length);
  });

  it("validateLedger is checkLedgerRules over every rule", () => {
    const d = validData();
    const broken = { ...d, members: [...d.members, member("m9", "h404", "109", "head")] };
    expect(validateLedger(broken)).toEqual(checkLedgerRules(broken));
    expect(validateLedger(broken).map((v) => v.code)).toEqual(["LEDGER.UNKNOWN_REFERENCE"]);
  });

  it("runs only the rules asked for, by code", () => {
    const d = validData();
    const broken = { ...d, members: [...d.members, member("m9", "h404", "109", "head")] };
    expect(checkLedgerRules(broken, { rules: ["LEDGER.HOUSEHOLD_HEAD"] })).toEqual([]);
  });

  it("judges nothing on a partial ledger holding no records", () => {
    expect(checkLedgerRules({ countyCode: "360723" })).toEqual([]);
  });

  it("lists 22 kinds of record", () => {
    expect(RECORD_KIND_KEYS).toHaveLength(22);
  });
});
