import type { FundDisbursement } from "@fupin/domain";
import { column, defineLedgerTable } from "../ledger-table.js";

/** The `fund_disbursement` table: money of a fund paid out on a day (拨付), filed under its fund's region. */
export const fundDisbursementTable = defineLedgerTable<FundDisbursement>({
  name: "FundDisbursement",
  table: "fund_disbursement",
  columns: {
    id: column.text(),
    fundId: column.ref("Fund"),
    projectId: column.ref("Project", { nullable: true }),
    date: column.date(),
    amountFen: column.money(),
    payee: column.text(),
  },
  derived: { fund: ["fundId"], project: ["projectId"] },
});
