import { describe, expect, it } from "vitest";
import { T1, V1, validData } from "../ledger/testing/ledger-fixture.js";
import { unknownVillage, wrongTownship } from "./responsibility-rules.js";

const d = validData();
const r2 = d.responsibilities[1]!; // helper of h2, in T2
const h2 = d.households[1]!;

describe("responsibility rules on a partial ledger (a helper and its household)", () => {
  it("WRONG_TOWNSHIP holds for a helper filed under the household's township", () => {
    expect(
      wrongTownship.check({ countyCode: d.countyCode, households: [h2], responsibilities: [r2] }),
    ).toEqual([]);
  });

  it("WRONG_TOWNSHIP fires on a helper filed under another township", () => {
    const moved = { ...r2, townshipCode: T1 };
    const [v] = wrongTownship.check({
      countyCode: d.countyCode,
      households: [h2],
      responsibilities: [moved],
    });
    expect(v).toMatchObject({
      code: "LEDGER.WRONG_TOWNSHIP",
      recordIds: ["r2", "h2"],
      field: "townshipCode",
    });
  });

  it("leaves a helper whose household is not loaded unjudged", () => {
    expect(
      wrongTownship.check({ countyCode: d.countyCode, responsibilities: [{ ...r2, townshipCode: T1 }] }),
    ).toEqual([]);
  });
});

describe("a village's responsible person (村级主体责任)", () => {
  const person = {
    ...d.responsibilities[0]!,
    id: "r9",
    kind: "village_responsible_person" as const,
    villageCode: V1,
  };

  it.each([
    ["a village of the ledger", V1, 0],
    ["a village not in the ledger", `${T1}299`, 1],
  ])("UNKNOWN_VILLAGE on %s", (_name, villageCode, violations) => {
    const ledger = {
      countyCode: d.countyCode,
      regions: d.regions,
      responsibilities: [{ ...person, villageCode }],
    };
    expect(unknownVillage.check(ledger)).toHaveLength(violations);
  });

  it("is judged only where the regions are loaded", () => {
    const ledger = { countyCode: d.countyCode, responsibilities: [{ ...person, villageCode: `${T1}299` }] };
    expect(unknownVillage.check(ledger)).toEqual([]);
  });
});
