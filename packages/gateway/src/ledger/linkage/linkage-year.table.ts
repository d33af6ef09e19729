import type { LinkageYear } from "@fupin/domain";
import { BigIntType, EntitySchema } from "@mikro-orm/core";
import { LedgerRow, type LedgerRowLocation, ledgerRowProperties } from "../ledger-row.js";

/** ORM entity of a linkage year row (table `linkage_year`). */
export class LinkageYearEntity extends LedgerRow {
  id!: string;
  linkageId!: string;
  year!: number;
  tookPart!: boolean;
  receivedFen!: number;
  benefitKind!: LinkageYear["benefitKind"] | null;
}

/** Mapping of `LinkageYearEntity` to the `linkage_year` table. */
export const LinkageYearSchema = new EntitySchema<LinkageYearEntity>({
  class: LinkageYearEntity,
  tableName: "linkage_year",
  properties: {
    ...ledgerRowProperties,
    id: { type: "text", primary: true },
    linkageId: { type: "text" },
    year: { type: "integer" },
    tookPart: { type: "boolean" },
    receivedFen: { type: new BigIntType("number") },
    benefitKind: { type: "text", nullable: true },
  },
});

/** Maps `linkage_year` rows to the domain `LinkageYear` and back. */
export const linkageYearMapper = {
  toDomain(e: LinkageYearEntity): LinkageYear {
    return {
      id: e.id,
      linkageId: e.linkageId,
      year: e.year,
      tookPart: e.tookPart,
      receivedFen: e.receivedFen,
      benefitKind: e.benefitKind,
    };
  },
  /** The row of a record at a location (its county and most specific region). */
  toEntity(r: LinkageYear, at: LedgerRowLocation): LinkageYearEntity {
    const e = new LinkageYearEntity();
    e.countyCode = at.countyCode;
    e.regionCode = at.regionCode;
    e.id = r.id;
    e.linkageId = r.linkageId;
    e.year = r.year;
    e.tookPart = r.tookPart;
    e.receivedFen = r.receivedFen;
    e.benefitKind = r.benefitKind;
    return e;
  },
};
