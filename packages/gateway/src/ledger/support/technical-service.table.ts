import type { TechnicalService } from "@fupin/domain";
import { EntitySchema } from "@mikro-orm/core";
import { LedgerRow, ledgerRowProperties } from "../ledger-row.js";

/** ORM entity of a technical service visit or training row (table `technical_service`). */
export class TechnicalServiceEntity extends LedgerRow {
  id!: string;
  kind!: TechnicalService["kind"];
  date!: string;
  industryId!: string | null;
  householdIds!: TechnicalService["householdIds"];
  content!: string;
}

/** Mapping of `TechnicalServiceEntity` to the `technical_service` table. */
export const TechnicalServiceSchema = new EntitySchema<TechnicalServiceEntity>({
  class: TechnicalServiceEntity,
  tableName: "technical_service",
  properties: {
    ...ledgerRowProperties,
    id: { type: "text", primary: true },
    kind: { type: "text" },
    date: { type: "date" },
    industryId: { type: "text", nullable: true },
    householdIds: { type: "json" },
    content: { type: "text" },
  },
});

/** Maps `technical_service` rows to the domain `TechnicalService` and back. */
export const technicalServiceMapper = {
  toDomain(e: TechnicalServiceEntity): TechnicalService {
    return {
      id: e.id,
      kind: e.kind,
      date: e.date,
      industryId: e.industryId,
      householdIds: e.householdIds,
      content: e.content,
      regionCode: e.regionCode,
    };
  },
  /** The row of a record; its region is its own `regionCode`. */
  toEntity(r: TechnicalService, countyCode: string): TechnicalServiceEntity {
    const e = new TechnicalServiceEntity();
    e.countyCode = countyCode;
    e.regionCode = r.regionCode;
    e.id = r.id;
    e.kind = r.kind;
    e.date = r.date;
    e.industryId = r.industryId;
    e.householdIds = r.householdIds;
    e.content = r.content;
    return e;
  },
};
