import type { Rectification } from "@fupin/domain";
import { EntitySchema } from "@mikro-orm/core";
import { LedgerRow, type LedgerRowLocation, ledgerRowProperties } from "../ledger-row.js";

/** ORM entity of a rectification row (table `rectification`). */
export class RectificationEntity extends LedgerRow {
  id!: string;
  townshipCode!: string;
  problem!: string;
  source!: Rectification["source"];
  findingCode!: string | null;
  subjectId!: string | null;
  foundDate!: string;
  responsiblePerson!: string;
  deadline!: string;
  status!: Rectification["status"];
  plan!: NonNullable<Rectification["plan"]> | null;
  closedDate!: string | null;
}

/** Mapping of `RectificationEntity` to the `rectification` table. */
export const RectificationSchema = new EntitySchema<RectificationEntity>({
  class: RectificationEntity,
  tableName: "rectification",
  properties: {
    ...ledgerRowProperties,
    id: { type: "text", primary: true },
    townshipCode: { type: "text" },
    problem: { type: "text" },
    source: { type: "text" },
    findingCode: { type: "text", nullable: true },
    subjectId: { type: "text", nullable: true },
    foundDate: { type: "date" },
    responsiblePerson: { type: "text" },
    deadline: { type: "date" },
    status: { type: "text" },
    plan: { type: "json", nullable: true },
    closedDate: { type: "date", nullable: true },
  },
});

/** Maps `rectification` rows to the domain `Rectification` and back. */
export const rectificationMapper = {
  toDomain(e: RectificationEntity): Rectification {
    return {
      id: e.id,
      townshipCode: e.townshipCode,
      problem: e.problem,
      source: e.source,
      findingCode: e.findingCode,
      subjectId: e.subjectId,
      foundDate: e.foundDate,
      responsiblePerson: e.responsiblePerson,
      deadline: e.deadline,
      status: e.status,
      plan: e.plan,
      closedDate: e.closedDate,
    };
  },
  /** The row of a record at a location (its county and most specific region). */
  toEntity(r: Rectification, at: LedgerRowLocation): RectificationEntity {
    const e = new RectificationEntity();
    e.countyCode = at.countyCode;
    e.regionCode = at.regionCode;
    e.id = r.id;
    e.townshipCode = r.townshipCode;
    e.problem = r.problem;
    e.source = r.source;
    e.findingCode = r.findingCode;
    e.subjectId = r.subjectId;
    e.foundDate = r.foundDate;
    e.responsiblePerson = r.responsiblePerson;
    e.deadline = r.deadline;
    e.status = r.status;
    e.plan = r.plan;
    e.closedDate = r.closedDate;
    return e;
  },
};
