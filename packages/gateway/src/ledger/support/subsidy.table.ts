import type { Subsidy } from "@fupin/domain";
import { BigIntType, EntitySchema } from "@mikro-orm/core";
import { LedgerRow, type LedgerRowLocation, ledgerRowProperties } from "../ledger-row.js";

/** ORM entity of a subsidy or award row (table `subsidy`). */
export class SubsidyEntity extends LedgerRow {
  id!: string;
  householdId!: string;
  date!: string;
  kind!: Subsidy["kind"];
  amountFen!: number;
  industryId!: string | null;
  fundId!: string | null;
  purpose!: string;
}

/** Mapping of `SubsidyEntity` to the `subsidy` table. */
export const SubsidySchema = new EntitySchema<SubsidyEntity>({
  class: SubsidyEntity,
  tableName: "subsidy",
  properties: {
    ...ledgerRowProperties,
    id: { type: "text", primary: true },
    householdId: { type: "text" },
    date: { type: "date" },
    kind: { type: "text" },
    amountFen: { type: new BigIntType("number") },
    industryId: { type: "text", nullable: true },
    fundId: { type: "text", nullable: true },
    purpose: { type: "text" },
  },
});

/** Maps `subsidy` rows to the domain `Subsidy` and back. */
export const subsidyMapper = {
  toDomain(e: SubsidyEntity): Subsidy {
    return {
      id: e.id,
      householdId: e.householdId,
      date: e.date,
      kind: e.kind,
      amountFen: e.amountFen,
      industryId: e.industryId,
      fundId: e.fundId,
      purpose: e.purpose,
    };
  },
  /** The row of a record at a location (its county and most specific region). */
  toEntity(r: Subsidy, at: LedgerRowLocation): SubsidyEntity {
    const e = new SubsidyEntity();
    e.countyCode = at.countyCode;
    e.regionCode = at.regionCode;
    e.id = r.id;
    e.householdId = r.householdId;
    e.date = r.date;
    e.kind = r.kind;
    e.amountFen = r.amountFen;
    e.industryId = r.industryId;
    e.fundId = r.fundId;
    e.purpose = r.purpose;
    return e;
  },
};
