import { BigIntType, EntitySchema } from "@mikro-orm/core";

/** A row of the audit log. */
export interface AuditLogRow {
  seq: number;
  at: Date;
  principalId: string;
  action: string;
  entityType: string;
  entityId: string;
  countyCode: string;
  requestId: string;
  before: unknown;
  after: unknown;
  prevHash: string | null;
  hash: string | null;
  linkNo: number | null;
}

/**
 * The `audit_log` table: the append-only, hash-chained log of writes and personal-data reads. Writers
 * insert entries unlinked (`link_no`, `prev_hash` and `hash` null); the linker (audit/audit-linker.ts)
 * gives them their place in the chain after they commit.
 */
export const AuditLogSchema = new EntitySchema<AuditLogRow>({
  name: "AuditLog",
  tableName: "audit_log",
  readonly: true,
  properties: {
    seq: { type: new BigIntType("number"), primary: true, autoincrement: true },
    at: { type: "Date", columnType: "timestamptz" },
    principalId: { type: "text" },
    action: {
      enum: true,
      items: ["create", "update", "delete", "read_personal", "submit", "refuse_write"],
      type: "text",
      columnType: "text",
    },
    entityType: { type: "text" },
    entityId: { type: "text" },
    countyCode: { type: "text" },
    requestId: { type: "text" },
    before: { type: "json", nullable: true },
    after: { type: "json", nullable: true },
    prevHash: { type: "text", nullable: true },
    hash: { type: "text", nullable: true, unique: true },
    linkNo: { type: new BigIntType("number"), nullable: true, unique: true },
  },
  indexes: [
    { name: "audit_log_entity_idx", properties: ["entityType", "entityId"] },
    { name: "audit_log_county_idx", properties: ["countyCode", "at"] },
  ],
});
