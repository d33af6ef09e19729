import type { Region } from "@fupin/domain";
import { EntitySchema } from "@mikro-orm/core";
import { LedgerRow, ledgerRowProperties } from "../ledger-row.js";

/** ORM entity of a 行政区划 region row (table `region`). */
export class RegionEntity extends LedgerRow {
  code!: string;
  name!: string;
  level!: Region["level"];
  parentCode!: string | null;
  isPoorVillage!: boolean;
}

/** Mapping of `RegionEntity` to the `region` table. */
export const RegionSchema = new EntitySchema<RegionEntity>({
  class: RegionEntity,
  tableName: "region",
  properties: {
    ...ledgerRowProperties,
    code: { type: "text", primary: true },
    name: { type: "text" },
    level: { type: "text" },
    parentCode: { type: "text", nullable: true },
    isPoorVillage: { type: "boolean" },
  },
});

/** Maps `region` rows to the domain `Region` and back. */
export const regionMapper = {
  toDomain(e: RegionEntity): Region {
    return {
      code: e.code,
      name: e.name,
      level: e.level,
      parentCode: e.parentCode,
      isPoorVillage: e.isPoorVillage,
    };
  },
  /** The row of a region; its county code is its own code for provinces and cities. */
  toEntity(r: Region, countyCode: string): RegionEntity {
    const e = new RegionEntity();
    e.countyCode = r.code.length < 6 ? r.code : countyCode;
    e.regionCode = r.code;
    e.code = r.code;
    e.name = r.name;
    e.level = r.level;
    e.parentCode = r.parentCode;
    e.isPoorVillage = r.isPoorVillage;
    return e;
  },
};
