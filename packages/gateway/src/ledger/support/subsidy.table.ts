import { SUBSIDY_KINDS, type Subsidy } from "@fupin/domain";
import { column, defineLedgerTable } from "../ledger-table.js";

/** The `subsidy` table: subsidies and awards paid to a household (以奖代补). */
export const subsidyTable = defineLedgerTable<Subsidy>({
  name: "Subsidy",
  table: "subsidy",
  columns: {
    id: column.text(),
    householdId: column.ref("Household"),
    date: column.date(),
    kind: column.oneOf(SUBSIDY_KINDS),
    amountFen: column.money(),
    industryId: column.ref("Industry", { nullable: true }),
    fundId: column.ref("Fund", { nullable: true }),
    purpose: column.text(),
  },
  derived: { household: ["householdId"], industry: ["industryId"], fund: ["fundId"] },
});
