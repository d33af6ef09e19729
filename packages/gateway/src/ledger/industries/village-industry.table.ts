import type { VillageIndustry } from "@fupin/domain";
import { EntitySchema } from "@mikro-orm/core";
import { LedgerRow, type LedgerRowLocation, ledgerRowProperties } from "../ledger-row.js";

/** ORM entity of a village's industry of a year row (table `village_industry`). */
export class VillageIndustryEntity extends LedgerRow {
  id!: string;
  villageCode!: string;
  industryId!: string;
  year!: number;
  trialStatus!: VillageIndustry["trialStatus"];
  trialYear!: number | null;
  scaledUp!: boolean;
  scale!: number;
}

/** Mapping of `VillageIndustryEntity` to the `village_industry` table. */
export const VillageIndustrySchema = new EntitySchema<VillageIndustryEntity>({
  class: VillageIndustryEntity,
  tableName: "village_industry",
  properties: {
    ...ledgerRowProperties,
    id: { type: "text", primary: true },
    villageCode: { type: "text" },
    industryId: { type: "text" },
    year: { type: "integer" },
    trialStatus: { type: "text" },
    trialYear: { type: "integer", nullable: true },
    scaledUp: { type: "boolean" },
    scale: { type: "integer" },
  },
});

/** Maps `village_industry` rows to the domain `VillageIndustry` and back. */
export const villageIndustryMapper = {
  toDomain(e: VillageIndustryEntity): VillageIndustry {
    return {
      id: e.id,
      villageCode: e.villageCode,
      industryId: e.industryId,
      year: e.year,
      trialStatus: e.trialStatus,
      trialYear: e.trialYear,
      scaledUp: e.scaledUp,
      scale: e.scale,
    };
  },
  /** The row of a record at a location (its county and most specific region). */
  toEntity(r: VillageIndustry, at: LedgerRowLocation): VillageIndustryEntity {
    const e = new VillageIndustryEntity();
    e.countyCode = at.countyCode;
    e.regionCode = at.regionCode;
    e.id = r.id;
    e.villageCode = r.villageCode;
    e.industryId = r.industryId;
    e.year = r.year;
    e.trialStatus = r.trialStatus;
    e.trialYear = r.trialYear;
    e.scaledUp = r.scaledUp;
    e.scale = r.scale;
    return e;
  },
};
