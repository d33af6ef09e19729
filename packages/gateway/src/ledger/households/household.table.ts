import type { Household } from "@fupin/domain";
import { EntitySchema } from "@mikro-orm/core";
import { LedgerRow, type LedgerRowLocation, ledgerRowProperties } from "../ledger-row.js";

/** ORM entity of a registered household row (table `household`). */
export class HouseholdEntity extends LedgerRow {
  id!: string;
  householdNumber!: string;
  villageCode!: string;
  identificationStandard!: Household["identificationStandard"];
  attribute!: Household["attribute"];
  mainCause!: Household["mainCause"];
  otherCauses!: Household["otherCauses"];
  povertyStatus!: Household["povertyStatus"];
  registeredYear!: number;
  exitYear!: number | null;
  phone!: string | null;
  bankAccount!: string | null;
}

/** Mapping of `HouseholdEntity` to the `household` table. */
export const HouseholdSchema = new EntitySchema<HouseholdEntity>({
  class: HouseholdEntity,
  tableName: "household",
  properties: {
    ...ledgerRowProperties,
    id: { type: "text", primary: true },
    householdNumber: { type: "text" },
    villageCode: { type: "text" },
    identificationStandard: { type: "text" },
    attribute: { type: "text" },
    mainCause: { type: "text" },
    otherCauses: { type: "json" },
    povertyStatus: { type: "text" },
    registeredYear: { type: "integer" },
    exitYear: { type: "integer", nullable: true },
    phone: { type: "text", nullable: true },
    bankAccount: { type: "text", nullable: true },
  },
});

/** Maps `household` rows to the domain `Household` and back. */
export const householdMapper = {
  toDomain(e: HouseholdEntity): Household {
    return {
      id: e.id,
      householdNumber: e.householdNumber,
      villageCode: e.villageCode,
      identificationStandard: e.identificationStandard,
      attribute: e.attribute,
      mainCause: e.mainCause,
      otherCauses: e.otherCauses,
      povertyStatus: e.povertyStatus,
      registeredYear: e.registeredYear,
      exitYear: e.exitYear,
      phone: e.phone,
      bankAccount: e.bankAccount,
    };
  },
  /** The row of a record at a location (its county and most specific region). */
  toEntity(r: Household, at: LedgerRowLocation): HouseholdEntity {
    const e = new HouseholdEntity();
    e.countyCode = at.countyCode;
    e.regionCode = at.regionCode;
    e.id = r.id;
    e.householdNumber = r.householdNumber;
    e.villageCode = r.villageCode;
    e.identificationStandard = r.identificationStandard;
    e.attribute = r.attribute;
    e.mainCause = r.mainCause;
    e.otherCauses = r.otherCauses;
    e.povertyStatus = r.povertyStatus;
    e.registeredYear = r.registeredYear;
    e.exitYear = r.exitYear;
    e.phone = r.phone;
    e.bankAccount = r.bankAccount;
    return e;
  },
};
