import type { FundUse } from "@fupin/domain";
import { BigIntType, EntitySchema } from "@mikro-orm/core";
import { LedgerRow, type LedgerRowLocation, ledgerRowProperties } from "../ledger-row.js";

/** ORM entity of a fund use row (table `fund_use`). */
export class FundUseEntity extends LedgerRow {
  id!: string;
  fundId!: string;
  year!: number;
  category!: FundUse["category"];
  amountFen!: number;
  projectId!: string | null;
  description!: string;
}

/** Mapping of `FundUseEntity` to the `fund_use` table. */
export const FundUseSchema = new EntitySchema<FundUseEntity>({
  class: FundUseEntity,
  tableName: "fund_use",
  properties: {
    ...ledgerRowProperties,
    id: { type: "text", primary: true },
    fundId: { type: "text" },
    year: { type: "integer" },
    category: { type: "text" },
    amountFen: { type: new BigIntType("number") },
    projectId: { type: "text", nullable: true },
    description: { type: "text" },
  },
});

/** Maps `fund_use` rows to the domain `FundUse` and back. */
export const fundUseMapper = {
  toDomain(e: FundUseEntity): FundUse {
    return {
      id: e.id,
      fundId: e.fundId,
      year: e.year,
      category: e.category,
      amountFen: e.amountFen,
      projectId: e.projectId,
      description: e.description,
    };
  },
  /** The row of a record at a location (its county and most specific region). */
  toEntity(r: FundUse, at: LedgerRowLocation): FundUseEntity {
    const e = new FundUseEntity();
    e.countyCode = at.countyCode;
    e.regionCode = at.regionCode;
    e.id = r.id;
    e.fundId = r.fundId;
    e.year = r.year;
    e.category = r.category;
    e.amountFen = r.amountFen;
    e.projectId = r.projectId;
    e.description = r.description;
    return e;
  },
};
