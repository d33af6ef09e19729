import { describe, expect, it } from "vitest";
import { createRegion } from "../regions/region.js";
import { unwrap } from "../shared/result.js";
import {
  createLedger,
  createRegionLedger,
  emptyLedgerData,
  type Ledger,
  type LedgerData,
  type LedgerViolationCode,
  ledgerForRegion,
  sliceLedgerData,
  validateLedger,
} from "./ledger.js";
import { T1, T2, V1, V2, validData, withCheck } from "./testing/ledger-fixture.js";

describe("createLedger", () => {
  it("accepts a valid ledger with every kind of record", () => {
    const data = validData();
    expect(validateLedger(data)).toEqual([]);
    const ledger = createLedger(data);
    expect(ledger.ok && ledger.value.households.map((h) => h.id)).toEqual(["h1", "h2"]);
  });

  it("accepts an empty ledger", () => {
    expect(createLedger(emptyLedgerData("360723")).ok).toBe(true);
  });

  const d = validData();
  // Each case breaks one record of the valid ledger; records are taken as-is, as a database mapper would.
  const cases: [string, LedgerViolationCode, Partial<LedgerData>, string][] = [
    [
      "a household id used twice",
      "LEDGER.DUPLICATE_ID",
      { households: [...d.households, d.households[0]!] },
      "h1",
    ],
    [
      "a linkage id used twice",
      "LEDGER.DUPLICATE_ID",
      { linkages: [...d.linkages, { ...d.linkages[1]!, id: "l1" }] },
      "l1",
    ],
    ["a region code listed twice", "LEDGER.DUPLICATE_ID", { regions: [...d.regions, d.regions[4]!] }, V1],
    [
      "the same ID number in two households",
      "LEDGER.DUPLICATE_ID_NUMBER",
      { members: [...d.members, { ...d.members[1]!, id: "m9", householdId: "h2", relation: "spouse" }] },
      "m9",
    ],
    [
      "a member of an unknown household",
      "LEDGER.UNKNOWN_REFERENCE",
      {
        members: [
          ...d.members,
          { ...d.members[2]!, id: "m9", householdId: "h404", idNumber: withCheck("36072319800101109") },
        ],
      },
      "h404",
    ],
    [
      "a linkage to an unknown entity",
      "LEDGER.UNKNOWN_REFERENCE",
      { linkages: [d.linkages[0]!, { ...d.linkages[1]!, entityId: "e404" }] },
      "e404",
    ],
    [
      "a year of an unknown linkage",
      "LEDGER.UNKNOWN_REFERENCE",
      { linkageYears: [...d.linkageYears, { ...d.linkageYears[0]!, id: "ly9", linkageId: "l404" }] },
      "l404",
    ],
    [
      "a fund use of an unknown project",
      "LEDGER.UNKNOWN_REFERENCE",
      { fundUses: [d.fundUses[0]!, { ...d.fundUses[1]!, projectId: "p404" }, d.fundUses[2]!] },
      "p404",
    ],
    [
      "a service for an unknown household",
      "LEDGER.UNKNOWN_REFERENCE",
      { services: [{ ...d.services[0]!, householdIds: ["h1", "h404"] }] },
      "h404",
    ],
    [
      "a monitoring of an unknown household",
      "LEDGER.UNKNOWN_REFERENCE",
      { monitorings: [{ ...d.monitorings[0]!, householdId: "h404" }] },
      "h404",
    ],
    [
      "a household in a village of another county",
      "LEDGER.WRONG_COUNTY",
      { households: [d.households[0]!, { ...d.households[1]!, villageCode: "360722100201" }] },
      "h2",
    ],
    [
      "a region of another county",
      "LEDGER.WRONG_COUNTY",
      { regions: [...d.regions, unwrap(createRegion({ code: "360722100", name: "邻县某镇" }))] },
      "360722100",
    ],
    [
      "a city above another county",
      "LEDGER.WRONG_COUNTY",
      { regions: [...d.regions, unwrap(createRegion({ code: "3601", name: "南昌市" }))] },
      "3601",
    ],
    [
      "an entity in another county",
      "LEDGER.WRONG_COUNTY",
      { entities: [{ ...d.entities[0]!, regionCode: "360722100" }, d.entities[1]!] },
      "e1",
    ],
    [
      "a fund of another county",
      "LEDGER.WRONG_COUNTY",
      { funds: [{ ...d.funds[0]!, regionCode: "360722" }, d.funds[1]!] },
      "f1",
    ],
    [
      "a household in a village missing from the regions",
      "LEDGER.UNKNOWN_REGION",
      { households: [d.households[0]!, { ...d.households[1]!, villageCode: "360723200203" }] },
      "h2",
    ],
    [
      "a rectification in an unknown township",
      "LEDGER.UNKNOWN_REGION",
      { rectifications: [{ ...d.rectifications[0]!, townshipCode: "360723107" }] },
      "rc1",
    ],
    [
      "a linkage year after the linkage ended",
      "LEDGER.LINKAGE_YEAR_OUT_OF_RANGE",
      { linkageYears: [...d.linkageYears, { ...d.linkageYears[0]!, id: "ly9", year: 2025 }] },
      "ly9",
    ],
    [
      "a linkage year before the linkage started",
      "LEDGER.LINKAGE_YEAR_OUT_OF_RANGE",
      { linkageYears: [...d.linkageYears, { ...d.linkageYears[2]!, id: "ly9", year: 2022 }] },
      "ly9",
    ],
    [
      "two records of one linkage year",
      "LEDGER.DUPLICATE_LINKAGE_YEAR",
      { linkageYears: [...d.linkageYears, { ...d.linkageYears[1]!, id: "ly9" }] },
      "ly9",
    ],
    [
      "project stages going backward",
      "LEDGER.PROJECT_STAGE_ORDER",
      {
        projects: [
          { ...d.projects[0]!, stages: [...d.projects[0]!.stages, { stage: "review", date: "2024-03-01" }] },
        ],
      },
      "p1",
    ],
    [
      "a negative project funding",
      "LEDGER.INVALID_AMOUNT",
      { projects: [{ ...d.projects[0]!, fundingFen: { county: -600_000 } }] },
      "p1",
    ],
    [
      "two heads in one household",
      "LEDGER.HOUSEHOLD_HEAD",
      { members: [...d.members.slice(0, 1), { ...d.members[1]!, relation: "head" }, d.members[2]!] },
      "h1",
    ],
  ];

  it.each(cases)("refuses %s with %s", (_, code, change, recordId) => {
    const violations = validateLedger({ ...d, ...change });
    expect(violations.map((v) => v.code)).toEqual([code]);
    expect(violations[0]!.recordIds).toContain(recordId);
    const ledger = createLedger({ ...d, ...change });
    expect(ledger.ok).toBe(false);
    if (!ledger.ok) {
      expect(ledger.error.code).toBe("LEDGER.INVALID");
      expect(ledger.error.violations).toEqual(violations);
      expect(ledger.error.message).toContain(violations[0]!.message);
    }
  });

  it("reports every violation, not only the first", () => {
    const ledger = createLedger({
      ...d,
      households: [d.households[0]!, { ...d.households[1]!, villageCode: "360722100201" }],
      members: [...d.members.slice(0, 1), { ...d.members[1]!, relation: "head" }, ...d.members.slice(2)],
    });
    expect(!ledger.ok && ledger.error.violations.map((v) => v.code).sort()).toEqual([
      "LEDGER.HOUSEHOLD_HEAD",
      "LEDGER.WRONG_COUNTY",
    ]);
  });
});

describe("ledgerForRegion", () => {
  const ledger = unwrap(createLedger(validData()));

  it("returns the whole ledger for the county or its province", () => {
    expect(ledgerForRegion(ledger, "360723")).toBe(ledger);
    expect(ledgerForRegion(ledger, "36")).toBe(ledger);
  });

  it.each([
    [
      T1,
      {
        regions: ["36", "3607", "360723", T1, V1],
        households: ["h1"],
        members: ["m1", "m2"],
        entities: ["e1"],
        linkages: ["l1"],
        linkageYears: ["ly1", "ly2"],
        // f1 is a county fund: kept because u1, the use for the township's project p1, draws on it.
        funds: ["f1", "f2"],
        fundUses: ["u1", "u3"],
        projects: ["p1"],
        responsibilities: ["r1"],
        rectifications: ["rc1"],
        monitorings: [],
        credits: ["cr1"],
        creditReturns: ["rt1"],
        disbursements: ["d1"],
      },
    ],
    [
      T2,
      {
        regions: ["36", "3607", "360723", T2, V2],
        households: ["h2"],
        members: ["m3"],
        entities: ["e2"],
        linkages: ["l2"],
        linkageYears: ["ly3"],
        funds: [],
        fundUses: [],
        projects: [],
        responsibilities: ["r2"],
        rectifications: [],
        monitorings: ["mo1"],
        credits: [],
        creditReturns: [],
        disbursements: [],
      },
    ],
  ])("keeps only the records of township %s", (code, expected) => {
    const sub = ledgerForRegion(ledger, code);
    const ids = (records: readonly { id: string }[]) => records.map((r) => r.id);
    expect({
      regions: sub.regions.map((r) => r.code),
      households: ids(sub.households),
      members: ids(sub.members),
      entities: ids(sub.entities),
      linkages: ids(sub.linkages),
      linkageYears: ids(sub.linkageYears),
      funds: ids(sub.funds),
      fundUses: ids(sub.fundUses),
      projects: ids(sub.projects),
      responsibilities: ids(sub.responsibilities),
      rectifications: ids(sub.rectifications),
      monitorings: ids(sub.monitorings),
      credits: ids(sub.credits),
      creditReturns: ids(sub.creditReturns),
      disbursements: ids(sub.disbursements),
    }).toEqual(expected);
    expect(sub.countyCode).toBe("360723");
  });

  it("keeps an entity of another township that is linked to one of the township's households", () => {
    const data = validData();
    const moved = unwrap(
      createLedger({ ...data, entities: [{ ...data.entities[0]!, regionCode: T2 }, data.entities[1]!] }),
    );
    expect(ledgerForRegion(moved, T1).entities.map((e) => e.id)).toEqual(["e1"]);
  });

  it("keeps only a village's households for a village code", () => {
    const sub = ledgerForRegion(ledger, V2);
    expect(sub.households.map((h) => h.id)).toEqual(["h2"]);
    expect(sub.regions.map((r) => r.code)).toEqual(["36", "3607", "360723", T2, V2]);
  });
});

describe("a region's ledger is branded valid only once validated", () => {
  const data = validData();

  it("createRegionLedger keeps, from a superset of a township's records, exactly ledgerForRegion's slice", () => {
    const fromSuperset = createRegionLedger(data, T1);
    expect(fromSuperset.ok && fromSuperset.value).toEqual(ledgerForRegion(unwrap(createLedger(data)), T1));
  });

  it("createRegionLedger refuses a township's records without the county fund they draw on", () => {
    const withoutCountyFund = { ...data, funds: data.funds.filter((f) => f.id !== "f1") };
    const result = createRegionLedger(withoutCountyFund, T1);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.violations.map((v) => v.code)).toContain("LEDGER.UNKNOWN_REFERENCE");
  });

  it("createRegionLedger validates the county's own records too", () => {
    const twoHeads = {
      ...data,
      members: data.members.map((m) => (m.id === "m2" ? { ...m, relation: "head" as const } : m)),
    };
    expect(createRegionLedger(twoHeads, "360723").ok).toBe(false);
  });

  it("ledgerForRegion throws rather than brand a broken slice", () => {
    const forged = { ...sliceLedgerData(data, "360723"), __validated: true } as Ledger;
    const broken = {
      ...forged,
      members: forged.members.map((m) => (m.id === "m2" ? { ...m, relation: "head" as const } : m)),
    };
    expect(() => ledgerForRegion(broken, T1)).toThrow(/LEDGER.HOUSEHOLD_HEAD|2 heads/);
  });
});
