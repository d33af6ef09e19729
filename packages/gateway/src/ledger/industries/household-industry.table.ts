import type { HouseholdIndustry } from "@fupin/domain";
import { column, defineLedgerTable } from "../ledger-table.js";

/** The `household_industry` table: a household's own industry in a year. */
export const householdIndustryTable = defineLedgerTable<HouseholdIndustry>({
  name: "HouseholdIndustry",
  table: "household_industry",
  columns: {
    id: column.text(),
    householdId: column.ref("Household"),
    industryId: column.ref("Industry"),
    year: column.int(),
    unitsStarted: column.int(),
    unitsSurvived: column.int(),
    debtFen: column.money(),
  },
  derived: { household: ["householdId"], industry: ["industryId"] },
  // The households filter asks, per household, whether it has a record of an industry.
  indexes: [["householdId", "industryId"]],
});
