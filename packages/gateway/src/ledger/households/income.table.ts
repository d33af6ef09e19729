import type { Income } from "@fupin/domain";
import { BigIntType, EntitySchema } from "@mikro-orm/core";
import { LedgerRow, type LedgerRowLocation, ledgerRowProperties } from "../ledger-row.js";

/** ORM entity of a household income of a year row (table `income`). */
export class IncomeEntity extends LedgerRow {
  id!: string;
  householdId!: string;
  year!: number;
  wageFen!: number;
  productionFen!: number;
  propertyFen!: number;
  transferFen!: number;
  productionCostFen!: number;
}

/** Mapping of `IncomeEntity` to the `income` table. */
export const IncomeSchema = new EntitySchema<IncomeEntity>({
  class: IncomeEntity,
  tableName: "income",
  properties: {
    ...ledgerRowProperties,
    id: { type: "text", primary: true },
    householdId: { type: "text" },
    year: { type: "integer" },
    wageFen: { type: new BigIntType("number") },
    productionFen: { type: new BigIntType("number") },
    propertyFen: { type: new BigIntType("number") },
    transferFen: { type: new BigIntType("number") },
    productionCostFen: { type: new BigIntType("number") },
  },
});

/** Maps `income` rows to the domain `Income` and back. */
export const incomeMapper = {
  toDomain(e: IncomeEntity): Income {
    return {
      id: e.id,
      householdId: e.householdId,
      year: e.year,
      wageFen: e.wageFen,
      productionFen: e.productionFen,
      propertyFen: e.propertyFen,
      transferFen: e.transferFen,
      productionCostFen: e.productionCostFen,
    };
  },
  /** The row of a record at a location (its county and most specific region). */
  toEntity(r: Income, at: LedgerRowLocation): IncomeEntity {
    const e = new IncomeEntity();
    e.countyCode = at.countyCode;
    e.regionCode = at.regionCode;
    e.id = r.id;
    e.householdId = r.householdId;
    e.year = r.year;
    e.wageFen = r.wageFen;
    e.productionFen = r.productionFen;
    e.propertyFen = r.propertyFen;
    e.transferFen = r.transferFen;
    e.productionCostFen = r.productionCostFen;
    return e;
  },
};
