import { MONITORING_CATEGORIES, type Monitoring, RISK_TYPES } from "@fupin/domain";
import { column, defineLedgerTable } from "../ledger-table.js";

/** The `monitoring` table: households under monitoring against relapse (防返贫监测). */
export const monitoringTable = defineLedgerTable<Monitoring>({
  name: "Monitoring",
  table: "monitoring",
  columns: {
    id: column.text(),
    householdId: column.ref("Household"),
    category: column.oneOf(MONITORING_CATEGORIES),
    riskType: column.oneOf(RISK_TYPES),
    identifiedDate: column.date(),
    removedDate: column.date({ nullable: true }),
  },
  derived: { household: ["householdId"] },
});
