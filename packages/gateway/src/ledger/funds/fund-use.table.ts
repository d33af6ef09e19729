import { FUND_USE_CATEGORIES, type FundUse } from "@fupin/domain";
import { column, defineLedgerTable } from "../ledger-table.js";

/** The `fund_use` table: a spending of a fund, filed under its fund's region. */
export const fundUseTable = defineLedgerTable<FundUse>({
  name: "FundUse",
  table: "fund_use",
  columns: {
    id: column.text(),
    fundId: column.ref("Fund"),
    year: column.int(),
    category: column.oneOf(FUND_USE_CATEGORIES),
    amountFen: column.money(),
    projectId: column.ref("Project", { nullable: true }),
    description: column.text(),
  },
  derived: { fund: ["fundId"], project: ["projectId"] },
});
