import { LEDGER_TABLE_LIST } from "../ledger/tables.js";
import { ApiKeySchema } from "./entities/api-key.entity.js";
import { AuditLogSchema } from "./entities/audit-log.entity.js";

/** Every table MikroORM knows: the ledger tables, API keys and the audit log. */
export const ENTITY_SCHEMAS = [
  ...LEDGER_TABLE_LIST.map((t) => t.schema),
  ApiKeySchema,
  AuditLogSchema,
] as const;
