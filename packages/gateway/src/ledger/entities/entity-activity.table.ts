import { ACTIVITY_KINDS, type EntityActivity } from "@fupin/domain";
import { column, defineLedgerTable } from "../ledger-table.js";

/** The `entity_activity` table: a business entity's dated activity (sales, payments, meetings). */
export const entityActivityTable = defineLedgerTable<EntityActivity>({
  name: "EntityActivity",
  table: "entity_activity",
  columns: {
    id: column.text(),
    entityId: column.ref("BusinessEntity"),
    year: column.int(),
    date: column.date(),
    kind: column.oneOf(ACTIVITY_KINDS),
    amountFen: column.money({ nullable: true }),
    note: column.text(),
  },
  derived: { entity: ["entityId"] },
});
