import type { Income } from "@fupin/domain";
import { column, defineLedgerTable } from "../ledger-table.js";

/** The `income` table: a household's income of a year, in fen by source. */
export const incomeTable = defineLedgerTable<Income>({
  name: "Income",
  table: "income",
  columns: {
    id: column.text(),
    householdId: column.ref("Household"),
    year: column.int(),
    wageFen: column.money(),
    productionFen: column.money(),
    propertyFen: column.money(),
    transferFen: column.money(),
    productionCostFen: column.money(),
  },
  uniques: [{ fields: ["householdId", "year"] }],
  derived: {
    household: ["householdId"],
    netFen: ["wageFen", "productionFen", "propertyFen", "transferFen", "productionCostFen"],
  },
});
