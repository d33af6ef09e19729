import type { HouseholdIndustry } from "@fupin/domain";
import { BigIntType, EntitySchema } from "@mikro-orm/core";
import { LedgerRow, type LedgerRowLocation, ledgerRowProperties } from "../ledger-row.js";

/** ORM entity of a household's industry outcome of a year row (table `household_industry`). */
export class HouseholdIndustryEntity extends LedgerRow {
  id!: string;
  householdId!: string;
  industryId!: string;
  year!: number;
  unitsStarted!: number;
  unitsSurvived!: number;
  debtFen!: number;
}

/** Mapping of `HouseholdIndustryEntity` to the `household_industry` table. */
export const HouseholdIndustrySchema = new EntitySchema<HouseholdIndustryEntity>({
  class: HouseholdIndustryEntity,
  tableName: "household_industry",
  properties: {
    ...ledgerRowProperties,
    id: { type: "text", primary: true },
    householdId: { type: "text" },
    industryId: { type: "text" },
    year: { type: "integer" },
    unitsStarted: { type: "integer" },
    unitsSurvived: { type: "integer" },
    debtFen: { type: new BigIntType("number") },
  },
});

/** Maps `household_industry` rows to the domain `HouseholdIndustry` and back. */
export const householdIndustryMapper = {
  toDomain(e: HouseholdIndustryEntity): HouseholdIndustry {
    return {
      id: e.id,
      householdId: e.householdId,
      industryId: e.industryId,
      year: e.year,
      unitsStarted: e.unitsStarted,
      unitsSurvived: e.unitsSurvived,
      debtFen: e.debtFen,
    };
  },
  /** The row of a record at a location (its county and most specific region). */
  toEntity(r: HouseholdIndustry, at: LedgerRowLocation): HouseholdIndustryEntity {
    const e = new HouseholdIndustryEntity();
    e.countyCode = at.countyCode;
    e.regionCode = at.regionCode;
    e.id = r.id;
    e.householdId = r.householdId;
    e.industryId = r.industryId;
    e.year = r.year;
    e.unitsStarted = r.unitsStarted;
    e.unitsSurvived = r.unitsSurvived;
    e.debtFen = r.debtFen;
    return e;
  },
};
