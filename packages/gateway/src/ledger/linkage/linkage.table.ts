import type { Linkage } from "@fupin/domain";
import { EntitySchema } from "@mikro-orm/core";
import { LedgerRow, type LedgerRowLocation, ledgerRowProperties } from "../ledger-row.js";

/** ORM entity of a benefit linkage row (table `linkage`). */
export class LinkageEntity extends LedgerRow {
  id!: string;
  entityId!: string;
  householdId!: string;
  mode!: Linkage["mode"];
  industryId!: string | null;
  startYear!: number;
  endYear!: number | null;
}

/** Mapping of `LinkageEntity` to the `linkage` table. */
export const LinkageSchema = new EntitySchema<LinkageEntity>({
  class: LinkageEntity,
  tableName: "linkage",
  properties: {
    ...ledgerRowProperties,
    id: { type: "text", primary: true },
    entityId: { type: "text" },
    householdId: { type: "text" },
    mode: { type: "text" },
    industryId: { type: "text", nullable: true },
    startYear: { type: "integer" },
    endYear: { type: "integer", nullable: true },
  },
});

/** Maps `linkage` rows to the domain `Linkage` and back. */
export const linkageMapper = {
  toDomain(e: LinkageEntity): Linkage {
    return {
      id: e.id,
      entityId: e.entityId,
      householdId: e.householdId,
      mode: e.mode,
      industryId: e.industryId,
      startYear: e.startYear,
      endYear: e.endYear,
    };
  },
  /** The row of a record at a location (its county and most specific region). */
  toEntity(r: Linkage, at: LedgerRowLocation): LinkageEntity {
    const e = new LinkageEntity();
    e.countyCode = at.countyCode;
    e.regionCode = at.regionCode;
    e.id = r.id;
    e.entityId = r.entityId;
    e.householdId = r.householdId;
    e.mode = r.mode;
    e.industryId = r.industryId;
    e.startYear = r.startYear;
    e.endYear = r.endYear;
    return e;
  },
};
