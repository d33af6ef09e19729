import { RESPONSIBILITY_KINDS, type Responsibility } from "@fupin/domain";
import { column, defineLedgerTable } from "../ledger-table.js";

/** The `responsibility` table: township fixed persons, village responsible persons and household helpers (帮扶责任人). */
export const responsibilityTable = defineLedgerTable<Responsibility>({
  name: "Responsibility",
  table: "responsibility",
  columns: {
    id: column.text(),
    kind: column.oneOf(RESPONSIBILITY_KINDS),
    personName: column.text(),
    personPhone: column.text({ nullable: true }),
    townshipCode: column.regionCode(),
    householdId: column.ref("Household", { nullable: true }),
    villageCode: column.regionCode({ nullable: true }),
    validFrom: column.date(),
    validTo: column.date({ nullable: true }),
  },
  derived: { township: ["townshipCode"], household: ["householdId"], village: ["villageCode"] },
});
