import type { Responsibility } from "@fupin/domain";
import { EntitySchema } from "@mikro-orm/core";
import { LedgerRow, type LedgerRowLocation, ledgerRowProperties } from "../ledger-row.js";

/** ORM entity of a responsibility assignment row (table `responsibility`). */
export class ResponsibilityEntity extends LedgerRow {
  id!: string;
  kind!: Responsibility["kind"];
  personName!: string;
  personPhone!: string | null;
  townshipCode!: string;
  householdId!: string | null;
  validFrom!: string;
  validTo!: string | null;
}

/** Mapping of `ResponsibilityEntity` to the `responsibility` table. */
export const ResponsibilitySchema = new EntitySchema<ResponsibilityEntity>({
  class: ResponsibilityEntity,
  tableName: "responsibility",
  properties: {
    ...ledgerRowProperties,
    id: { type: "text", primary: true },
    kind: { type: "text" },
    personName: { type: "text" },
    personPhone: { type: "text", nullable: true },
    townshipCode: { type: "text" },
    householdId: { type: "text", nullable: true },
    validFrom: { type: "date" },
    validTo: { type: "date", nullable: true },
  },
});

/** Maps `responsibility` rows to the domain `Responsibility` and back. */
export const responsibilityMapper = {
  toDomain(e: ResponsibilityEntity): Responsibility {
    return {
      id: e.id,
      kind: e.kind,
      personName: e.personName,
      personPhone: e.personPhone,
      townshipCode: e.townshipCode,
      householdId: e.householdId,
      validFrom: e.validFrom,
      validTo: e.validTo,
    };
  },
  /** The row of a record at a location (its county and most specific region). */
  toEntity(r: Responsibility, at: LedgerRowLocation): ResponsibilityEntity {
    const e = new ResponsibilityEntity();
    e.countyCode = at.countyCode;
    e.regionCode = at.regionCode;
    e.id = r.id;
    e.kind = r.kind;
    e.personName = r.personName;
    e.personPhone = r.personPhone;
    e.townshipCode = r.townshipCode;
    e.householdId = r.householdId;
    e.validFrom = r.validFrom;
    e.validTo = r.validTo;
    return e;
  },
};
