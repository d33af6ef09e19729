import type { Monitoring } from "@fupin/domain";
import { EntitySchema } from "@mikro-orm/core";
import { LedgerRow, type LedgerRowLocation, ledgerRowProperties } from "../ledger-row.js";

/** ORM entity of a relapse-monitoring record row (table `monitoring`). */
export class MonitoringEntity extends LedgerRow {
  id!: string;
  householdId!: string;
  category!: Monitoring["category"];
  riskType!: Monitoring["riskType"];
  identifiedDate!: string;
  removedDate!: string | null;
}

/** Mapping of `MonitoringEntity` to the `monitoring` table. */
export const MonitoringSchema = new EntitySchema<MonitoringEntity>({
  class: MonitoringEntity,
  tableName: "monitoring",
  properties: {
    ...ledgerRowProperties,
    id: { type: "text", primary: true },
    householdId: { type: "text" },
    category: { type: "text" },
    riskType: { type: "text" },
    identifiedDate: { type: "date" },
    removedDate: { type: "date", nullable: true },
  },
});

/** Maps `monitoring` rows to the domain `Monitoring` and back. */
export const monitoringMapper = {
  toDomain(e: MonitoringEntity): Monitoring {
    return {
      id: e.id,
      householdId: e.householdId,
      category: e.category,
      riskType: e.riskType,
      identifiedDate: e.identifiedDate,
      removedDate: e.removedDate,
    };
  },
  /** The row of a record at a location (its county and most specific region). */
  toEntity(r: Monitoring, at: LedgerRowLocation): MonitoringEntity {
    const e = new MonitoringEntity();
    e.countyCode = at.countyCode;
    e.regionCode = at.regionCode;
    e.id = r.id;
    e.householdId = r.householdId;
    e.category = r.category;
    e.riskType = r.riskType;
    e.identifiedDate = r.identifiedDate;
    e.removedDate = r.removedDate;
    return e;
  },
};
