import { BENEFIT_KINDS, type LinkageYear } from "@fupin/domain";
import { column, defineLedgerTable } from "../ledger-table.js";

/** The `linkage_year` table: what a linked household took part in and received in a year. */
export const linkageYearTable = defineLedgerTable<LinkageYear>({
  name: "LinkageYear",
  table: "linkage_year",
  columns: {
    id: column.text(),
    linkageId: column.ref("Linkage"),
    year: column.int(),
    tookPart: column.bool(),
    receivedFen: column.money(),
    benefitKind: column.oneOf(BENEFIT_KINDS, { nullable: true }),
    investedFen: column.money({ nullable: true }),
    monthsWorked: column.decimal({ nullable: true }),
    areaMu: column.decimal({ nullable: true }),
    paymentDates: column.json({ nullable: true }),
  },
  uniques: [
    {
      fields: ["linkageId", "year"],
      failure: { code: "LEDGER.DUPLICATE_LINKAGE_YEAR", message: "this year is already recorded" },
    },
  ],
  derived: { linkage: ["linkageId"] },
});
