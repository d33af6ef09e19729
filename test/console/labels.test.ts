import { FINDING_CODES } from "@fupin/domain";
import { describe, expect, it } from "vitest";
import { FINDING_LABELS } from "../../packages/console/src/labels.js";

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
});
