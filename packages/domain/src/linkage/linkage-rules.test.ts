import { describe, expect, it } from "vitest";
import { validData } from "../ledger/testing/ledger-fixture.js";
import { duplicateLinkageYear, linkageYearOutOfRange } from "./linkage-rules.js";

const d = validData();
const l1 = d.linkages[0]!; // runs 2022–2024
const ly1 = d.linkageYears[0]!; // 2023

describe("linkage rules on a partial ledger (a linkage and its years)", () => {
  it("LINKAGE_YEAR_OUT_OF_RANGE fires on a year after the linkage ended", () => {
    const ledger = {
      countyCode: d.countyCode,
      linkages: [l1],
      linkageYears: [{ ...ly1, id: "ly9", year: 2025 }],
    };
    expect(linkageYearOutOfRange.check(ledger)).toEqual([
      {
        code: "LEDGER.LINKAGE_YEAR_OUT_OF_RANGE",
        message: "linkage year ly9: 2025 is outside linkage l1 (2022–2024)",
        recordIds: ["ly9", "l1"],
        field: "year",
      },
    ]);
  });

  it("LINKAGE_YEAR_OUT_OF_RANGE holds for a year the linkage runs", () => {
    expect(
      linkageYearOutOfRange.check({ countyCode: d.countyCode, linkages: [l1], linkageYears: [ly1] }),
    ).toEqual([]);
  });

  it("leaves a year whose linkage is not loaded unjudged", () => {
    const ledger = { countyCode: d.countyCode, linkages: [], linkageYears: [{ ...ly1, year: 2030 }] };
    expect(linkageYearOutOfRange.check(ledger)).toEqual([]);
  });

  it("DUPLICATE_LINKAGE_YEAR fires on a second record of one year and not on distinct years", () => {
    const years = [ly1, d.linkageYears[1]!];
    expect(
      duplicateLinkageYear.check({ countyCode: d.countyCode, linkages: [l1], linkageYears: years }),
    ).toEqual([]);
    const twice = [...years, { ...ly1, id: "ly9" }];
    expect(
      duplicateLinkageYear
        .check({ countyCode: d.countyCode, linkages: [l1], linkageYears: twice })
        .map((v) => v.recordIds),
    ).toEqual([["ly9"]]);
  });
});
