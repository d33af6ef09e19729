import type { EntityActivity } from "@fupin/domain";
import { BigIntType, EntitySchema } from "@mikro-orm/core";
import { LedgerRow, type LedgerRowLocation, ledgerRowProperties } from "../ledger-row.js";

/** ORM entity of a business entity's activity evidence row (table `entity_activity`). */
export class EntityActivityEntity extends LedgerRow {
  id!: string;
  entityId!: string;
  year!: number;
  date!: string;
  kind!: EntityActivity["kind"];
  amountFen!: number | null;
  note!: string;
}

/** Mapping of `EntityActivityEntity` to the `entity_activity` table. */
export const EntityActivitySchema = new EntitySchema<EntityActivityEntity>({
  class: EntityActivityEntity,
  tableName: "entity_activity",
  properties: {
    ...ledgerRowProperties,
    id: { type: "text", primary: true },
    entityId: { type: "text" },
    year: { type: "integer" },
    date: { type: "date" },
    kind: { type: "text" },
    amountFen: { type: new BigIntType("number"), nullable: true },
    note: { type: "text" },
  },
});

/** Maps `entity_activity` rows to the domain `EntityActivity` and back. */
export const entityActivityMapper = {
  toDomain(e: EntityActivityEntity): EntityActivity {
    return {
      id: e.id,
      entityId: e.entityId,
      year: e.year,
      date: e.date,
      kind: e.kind,
      amountFen: e.amountFen,
      note: e.note,
    };
  },
  /** The row of a record at a location (its county and most specific region). */
  toEntity(r: EntityActivity, at: LedgerRowLocation): EntityActivityEntity {
    const e = new EntityActivityEntity();
    e.countyCode = at.countyCode;
    e.regionCode = at.regionCode;
    e.id = r.id;
    e.entityId = r.entityId;
    e.year = r.year;
    e.date = r.date;
    e.kind = r.kind;
    e.amountFen = r.amountFen;
    e.note = r.note;
    return e;
  },
};
