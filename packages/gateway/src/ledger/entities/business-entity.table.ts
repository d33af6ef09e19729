import type { BusinessEntity } from "@fupin/domain";
import { EntitySchema } from "@mikro-orm/core";
import { LedgerRow, ledgerRowProperties } from "../ledger-row.js";

/** ORM entity of a business entity row (table `business_entity`). */
export class BusinessEntityEntity extends LedgerRow {
  id!: string;
  name!: string;
  kind!: BusinessEntity["kind"];
  creditCode!: string | null;
  industryId!: string | null;
  establishedYear!: number;
}

/** Mapping of `BusinessEntityEntity` to the `business_entity` table. */
export const BusinessEntitySchema = new EntitySchema<BusinessEntityEntity>({
  class: BusinessEntityEntity,
  tableName: "business_entity",
  properties: {
    ...ledgerRowProperties,
    id: { type: "text", primary: true },
    name: { type: "text" },
    kind: { type: "text" },
    creditCode: { type: "text", nullable: true },
    industryId: { type: "text", nullable: true },
    establishedYear: { type: "integer" },
  },
});

/** Maps `business_entity` rows to the domain `BusinessEntity` and back. */
export const businessEntityMapper = {
  toDomain(e: BusinessEntityEntity): BusinessEntity {
    return {
      id: e.id,
      name: e.name,
      kind: e.kind,
      creditCode: e.creditCode,
      industryId: e.industryId,
      establishedYear: e.establishedYear,
      regionCode: e.regionCode,
    };
  },
  /** The row of a record; its region is its own `regionCode`. */
  toEntity(r: BusinessEntity, countyCode: string): BusinessEntityEntity {
    const e = new BusinessEntityEntity();
    e.countyCode = countyCode;
    e.regionCode = r.regionCode;
    e.id = r.id;
    e.name = r.name;
    e.kind = r.kind;
    e.creditCode = r.creditCode;
    e.industryId = r.industryId;
    e.establishedYear = r.establishedYear;
    return e;
  },
};
