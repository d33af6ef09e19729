import { TRIAL_STATUSES, type VillageIndustry } from "@fupin/domain";
import { column, defineLedgerTable } from "../ledger-table.js";

/** The `village_industry` table: a village's industry in a year. */
export const villageIndustryTable = defineLedgerTable<VillageIndustry>({
  name: "VillageIndustry",
  table: "village_industry",
  columns: {
    id: column.text(),
    villageCode: column.ref("Region"),
    industryId: column.ref("Industry"),
    year: column.int(),
    trialStatus: column.oneOf(TRIAL_STATUSES),
    trialYear: column.int({ nullable: true }),
    scaledUp: column.bool(),
    scale: column.int(),
  },
  derived: { village: ["villageCode"], industry: ["industryId"] },
});
