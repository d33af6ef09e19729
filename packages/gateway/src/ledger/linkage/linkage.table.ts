import { LINKAGE_MODES, type Linkage } from "@fupin/domain";
import { column, defineLedgerTable } from "../ledger-table.js";

/** The `linkage` table: a household's benefit link with a business entity (联农带农). */
export const linkageTable = defineLedgerTable<Linkage>({
  name: "Linkage",
  table: "linkage",
  columns: {
    id: column.text(),
    entityId: column.ref("BusinessEntity"),
    householdId: column.ref("Household"),
    mode: column.oneOf(LINKAGE_MODES),
    industryId: column.ref("Industry", { nullable: true }),
    startYear: column.int(),
    endYear: column.int({ nullable: true }),
    signedDate: column.date({ nullable: true }),
    endDate: column.date({ nullable: true }),
  },
  derived: { entity: ["entityId"], household: ["householdId"], industry: ["industryId"], years: [] },
});
