import { BigIntType, EntitySchema } from "@mikro-orm/core";

/** ORM entity of an audit log row (read only: rows are appended by the audit writer, never updated). */
export class AuditLogEntity {
  seq!: number;
  at!: Date;
  principalId!: string;
  action!: string;
  entityType!: string;
  entityId!: string;
  countyCode!: string;
  requestId!: string;
  before!: unknown;
  after!: unknown;
  prevHash!: string;
  hash!: string;
}

/** Mapping of `AuditLogEntity` to the `audit_log` table. */
export const AuditLogSchema = new EntitySchema<AuditLogEntity>({
  class: AuditLogEntity,
  tableName: "audit_log",
  readonly: true,
  properties: {
    seq: { type: new BigIntType("number"), primary: true, autoincrement: true },
    at: { type: "Date", columnType: "timestamptz" },
    principalId: { type: "text" },
    action: { type: "text" },
    entityType: { type: "text" },
    entityId: { type: "text" },
    countyCode: { type: "text" },
    requestId: { type: "text" },
    before: { type: "json", nullable: true },
    after: { type: "json", nullable: true },
    prevHash: { type: "text" },
    hash: { type: "text" },
  },
});
