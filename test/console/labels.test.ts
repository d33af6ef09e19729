import { PROFILE_NAMES } from "@fupin/adapters";
import { FINDING_CODES } from "@fupin/domain";
import { describe, expect, it } from "vitest";
import { FINDING_LABELS, label, PROFILE_LABELS } from "../../packages/console/src/labels.js";

describe("console labels", () => {
  // A code without a label showed as its English code in the console's tables.
  it("names every finding code in Chinese", () => {
    const missing = FINDING_CODES.filter((code) => !/\p{Script=Han}/u.test(FINDING_LABELS[code] ?? ""));
    expect(missing).toEqual([]);
  });

  it("names no code the domain does not have", () => {
    const known = new Set<string>(FINDING_CODES);
    expect(Object.keys(FINDING_LABELS).filter((code) => !known.has(code))).toEqual([]);
  });

  // The report tables showed a profile's code (province-households) where the select showed its name.
  it("names every report profile the gateway sends in Chinese", () => {
    const sent = PROFILE_NAMES.filter((name) => name !== "ledger");
    expect(sent.filter((name) => !/\p{Script=Han}/u.test(label(name)))).toEqual([]);
    expect(Object.keys(PROFILE_LABELS).sort()).toEqual([...sent].sort());
  });
});
