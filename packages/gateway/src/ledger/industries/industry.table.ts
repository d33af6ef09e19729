import { INDUSTRY_CATEGORIES, type Industry } from "@fupin/domain";
import { column, defineLedgerTable } from "../ledger-table.js";

/** The `industry` table: the county's industry catalogue (county-wide, not region-scoped). */
export const industryTable = defineLedgerTable<Industry>({
  name: "Industry",
  table: "industry",
  scope: "county",
  columns: {
    id: column.text(),
    code: column.text(),
    name: column.text(),
    category: column.oneOf(INDUSTRY_CATEGORIES),
    outcomeUnit: column.text(),
  },
  uniques: [{ fields: ["countyCode", "code"] }],
});
