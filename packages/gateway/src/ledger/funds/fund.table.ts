import { FUND_SOURCES, type Fund } from "@fupin/domain";
import { column, defineLedgerTable } from "../ledger-table.js";

/** The `fund` table: a financial fund's allocation (衔接资金) of a year, filed under its region. */
export const fundTable = defineLedgerTable<Fund>({
  name: "Fund",
  table: "fund",
  columns: {
    id: column.text(),
    name: column.text(),
    source: column.oneOf(FUND_SOURCES),
    year: column.int(),
    regionCode: column.text(),
    allocatedFen: column.money(),
  },
  derived: { uses: [] },
});
