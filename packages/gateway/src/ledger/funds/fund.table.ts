import type { Fund } from "@fupin/domain";
import { BigIntType, EntitySchema } from "@mikro-orm/core";
import { LedgerRow, ledgerRowProperties } from "../ledger-row.js";

/** ORM entity of a fund row (table `fund`). */
export class FundEntity extends LedgerRow {
  id!: string;
  name!: string;
  source!: Fund["source"];
  year!: number;
  allocatedFen!: number;
}

/** Mapping of `FundEntity` to the `fund` table. */
export const FundSchema = new EntitySchema<FundEntity>({
  class: FundEntity,
  tableName: "fund",
  properties: {
    ...ledgerRowProperties,
    id: { type: "text", primary: true },
    name: { type: "text" },
    source: { type: "text" },
    year: { type: "integer" },
    allocatedFen: { type: new BigIntType("number") },
  },
});

/** Maps `fund` rows to the domain `Fund` and back. */
export const fundMapper = {
  toDomain(e: FundEntity): Fund {
    return {
      id: e.id,
      name: e.name,
      source: e.source,
      year: e.year,
      allocatedFen: e.allocatedFen,
      regionCode: e.regionCode,
    };
  },
  /** The row of a record; its region is its own `regionCode`. */
  toEntity(r: Fund, countyCode: string): FundEntity {
    const e = new FundEntity();
    e.countyCode = countyCode;
    e.regionCode = r.regionCode;
    e.id = r.id;
    e.name = r.name;
    e.source = r.source;
    e.year = r.year;
    e.allocatedFen = r.allocatedFen;
    return e;
  },
};
