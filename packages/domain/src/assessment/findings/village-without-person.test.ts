import { describe, expect, it } from "vitest";
import type { LedgerData } from "../../ledger/ledger.js";
import {
  household,
  runDetector,
  subjectsFound,
  TOWN_A,
  townshipPerson,
  VILLAGES_A,
  VILLAGES_B,
  villagePerson,
} from "../testing/fixtures.js";
import { villageWithoutPerson } from "./village-without-person.js";

// Poor villages (贫困村) of the fixture: 新华村 A0, 杨梅村 A2, 新城村 B0; A1, A3 and B1 are not poor.
const [a0, a1, a2, a3] = VILLAGES_A;
const [b0] = VILLAGES_B;
const everyPoorVillage = [a0, a2, b0].map((v, i) => villagePerson(`vp${i}`, v, "2020-01-01"));

describe("RESPONSIBILITY.VILLAGE_WITHOUT_PERSON (村级主体责任)", () => {
  it.each<{ name: string; records: Partial<LedgerData>; year?: number; expected: string[] }>([
    {
      name: "the speech's case: poor villages with nobody responsible",
      records: {},
      expected: [a0, a2, b0],
    },
    {
      name: "look-alike: a village that is not poor and has no registered household answers for nothing",
      records: { responsibilities: everyPoorVillage },
      expected: [],
    },
    {
      name: "a village that is not poor but has a registered household needs a person",
      records: { responsibilities: everyPoorVillage, households: [household("h1", a1)] },
      expected: [a1],
    },
    {
      name: "a household registered after the year does not make a village judged",
      records: {
        responsibilities: everyPoorVillage,
        households: [household("h1", a3, { registeredYear: 2026 })],
      },
      expected: [],
    },
    {
      name: "a person whose term ended before the assessment date (30 November) no longer counts",
      records: {
        responsibilities: [
          ...everyPoorVillage.slice(1),
          villagePerson("vp0", a0, "2020-01-01", "2025-11-29"),
        ],
      },
      expected: [a0],
    },
    {
      name: "a term ending on the assessment date still counts",
      records: {
        responsibilities: [
          ...everyPoorVillage.slice(1),
          villagePerson("vp0", a0, "2020-01-01", "2025-11-30"),
        ],
      },
      expected: [],
    },
    {
      name: "a person appointed after the assessment date does not count yet",
      records: { responsibilities: [...everyPoorVillage.slice(1), villagePerson("vp0", a0, "2025-12-01")] },
      expected: [a0],
    },
    {
      name: "the township's fixed person does not stand for its villages",
      records: {
        responsibilities: [...everyPoorVillage.slice(0, 2), townshipPerson("tp", "360723101", "2020-01-01")],
      },
      expected: [b0],
    },
    {
      name: "a past year is judged on its 31 December",
      records: {
        responsibilities: [
          ...everyPoorVillage.slice(1),
          villagePerson("vp0", a0, "2020-01-01", "2025-03-31"),
        ],
      },
      year: 2024,
      expected: [],
    },
  ])("$name", ({ records, year, expected }) => {
    expect(subjectsFound(villageWithoutPerson, records, year ?? 2025)).toEqual(expected);
  });

  it("names the village and says it is poor, with the past assignment as evidence", () => {
    const [finding] = runDetector(
      villageWithoutPerson,
      {
        responsibilities: [
          ...everyPoorVillage.slice(1),
          villagePerson("vp0", a0, "2020-01-01", "2025-06-30"),
        ],
      },
      2025,
    );
    expect(finding).toMatchObject({
      code: "RESPONSIBILITY.VILLAGE_WITHOUT_PERSON",
      severity: "high",
      subjectType: "village",
      regionCode: TOWN_A,
      evidence: [a0, "vp0"],
    });
    expect(finding?.message.zh).toBe(
      "大余县南安镇新华村（贫困村）未明确产业扶贫村级责任人（原责任人已到期或尚未到任）",
    );
  });
});
