import type { Industry } from "@fupin/domain";
import { EntitySchema } from "@mikro-orm/core";
import { LedgerRow, type LedgerRowLocation, ledgerRowProperties } from "../ledger-row.js";

/** ORM entity of a industry of the county catalogue row (table `industry`). */
export class IndustryEntity extends LedgerRow {
  id!: string;
  code!: string;
  name!: string;
  category!: Industry["category"];
  outcomeUnit!: string;
}

/** Mapping of `IndustryEntity` to the `industry` table. */
export const IndustrySchema = new EntitySchema<IndustryEntity>({
  class: IndustryEntity,
  tableName: "industry",
  properties: {
    ...ledgerRowProperties,
    id: { type: "text", primary: true },
    code: { type: "text" },
    name: { type: "text" },
    category: { type: "text" },
    outcomeUnit: { type: "text" },
  },
});

/** Maps `industry` rows to the domain `Industry` and back. */
export const industryMapper = {
  toDomain(e: IndustryEntity): Industry {
    return {
      id: e.id,
      code: e.code,
      name: e.name,
      category: e.category,
      outcomeUnit: e.outcomeUnit,
    };
  },
  /** The row of a record at a location (its county and most specific region). */
  toEntity(r: Industry, at: LedgerRowLocation): IndustryEntity {
    const e = new IndustryEntity();
    e.countyCode = at.countyCode;
    e.regionCode = at.regionCode;
    e.id = r.id;
    e.code = r.code;
    e.name = r.name;
    e.category = r.category;
    e.outcomeUnit = r.outcomeUnit;
    return e;
  },
};
