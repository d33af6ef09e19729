import { CREDIT_KINDS, type HouseholdCredit } from "@fupin/domain";
import { column, defineLedgerTable } from "../ledger-table.js";

/** The `household_credit` table: a household's microcredit or household fund, and the entity it was placed with. */
export const householdCreditTable = defineLedgerTable<HouseholdCredit>({
  name: "HouseholdCredit",
  table: "household_credit",
  columns: {
    id: column.text(),
    householdId: column.ref("Household"),
    kind: column.oneOf(CREDIT_KINDS),
    amountFen: column.money(),
    entityId: column.ref("BusinessEntity", { nullable: true }),
    industryId: column.ref("Industry", { nullable: true }),
    fundId: column.ref("Fund", { nullable: true }),
    placedDate: column.date(),
    dueDate: column.date({ nullable: true }),
    lender: column.text(),
  },
  derived: {
    household: ["householdId"],
    entity: ["entityId"],
    industry: ["industryId"],
    fund: ["fundId"],
    returns: [],
  },
});
