import { CREDIT_RETURN_KINDS, type CreditReturn } from "@fupin/domain";
import { column, defineLedgerTable } from "../ledger-table.js";

/** The `credit_return` table: what came back to a household from its credit (dividends, principal repaid), dated. */
export const creditReturnTable = defineLedgerTable<CreditReturn>({
  name: "CreditReturn",
  table: "credit_return",
  columns: {
    id: column.text(),
    creditId: column.ref("HouseholdCredit"),
    date: column.date(),
    kind: column.oneOf(CREDIT_RETURN_KINDS),
    amountFen: column.money(),
  },
  derived: { credit: ["creditId"] },
});
