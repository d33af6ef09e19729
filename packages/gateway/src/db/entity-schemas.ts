import { LEDGER_TABLE_LIST } from "../ledger/tables.js";
import { ReportSubmissionSchema } from "../reports/report-submission.table.js";
import { ApiKeySchema } from "./entities/api-key.entity.js";
import { AuditLogSchema } from "./entities/audit-log.entity.js";

/** Every table MikroORM knows: the ledger tables, API keys, the audit log and frozen report submissions. */
export const ENTITY_SCHEMAS = [
  ...LEDGER_TABLE_LIST.map((t) => t.schema),
  ApiKeySchema,
  AuditLogSchema,
  ReportSubmissionSchema,
] as const;
