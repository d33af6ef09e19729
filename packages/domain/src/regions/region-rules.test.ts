import { describe, expect, it } from "vitest";
import { validData } from "../ledger/testing/ledger-fixture.js";
import { unknownRegion, wrongCounty } from "./region-rules.js";

const d = validData();
const h2 = d.households[1]!;

describe("region rules on a partial ledger", () => {
  it("WRONG_COUNTY fires on a household of another county, without the regions loaded", () => {
    const moved = { ...h2, villageCode: "360722100201" };
    expect(wrongCounty.check({ countyCode: d.countyCode, households: [moved] })).toEqual([
      {
        code: "LEDGER.WRONG_COUNTY",
        message: "h2: region 360722100201 is not under county 360723",
        recordIds: ["h2"],
        field: "villageCode",
      },
    ]);
    expect(wrongCounty.check({ countyCode: d.countyCode, households: [h2] })).toEqual([]);
  });

  it("WRONG_COUNTY accepts the province and city above the county among the regions", () => {
    expect(wrongCounty.check({ countyCode: d.countyCode, regions: d.regions })).toEqual([]);
  });

  it("UNKNOWN_REGION fires on a village missing from the regions loaded, and not when they are absent", () => {
    const moved = { ...h2, villageCode: "360723200203" };
    expect(
      unknownRegion.check({ countyCode: d.countyCode, regions: d.regions, households: [moved] }),
    ).toMatchObject([{ code: "LEDGER.UNKNOWN_REGION", recordIds: ["h2"], field: "villageCode" }]);
    expect(unknownRegion.check({ countyCode: d.countyCode, regions: d.regions, households: [h2] })).toEqual(
      [],
    );
    expect(unknownRegion.check({ countyCode: d.countyCode, households: [moved] })).toEqual([]);
  });

  it("UNKNOWN_REGION does not ask a fund's region to be listed", () => {
    const fund = { ...d.funds[1]!, regionCode: "360723999" };
    expect(unknownRegion.check({ countyCode: d.countyCode, regions: d.regions, funds: [fund] })).toEqual([]);
  });
});
