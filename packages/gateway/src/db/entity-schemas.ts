import { LEDGER_TABLE_LIST } from "../ledger/tables.js";
import { ReportSubmissionSchema } from "../reports/report-submission.table.js";
import { SyncOutboxSchema } from "../sync/sync-outbox.table.js";
import { SyncRejectedRowSchema } from "../sync/sync-rejected-row.table.js";
import { SyncRunSchema } from "../sync/sync-run.table.js";
import { SyncScheduleSchema } from "../sync/sync-schedule.table.js";
import { ApiKeySchema } from "./entities/api-key.entity.js";
import { AuditLogSchema } from "./entities/audit-log.entity.js";

/** Every table MikroORM knows: the ledger tables, API keys, the audit log and frozen report submissions, and the sync schedules, runs, outbox and refused rows. */
export const ENTITY_SCHEMAS = [
  ...LEDGER_TABLE_LIST.map((t) => t.schema),
  ApiKeySchema,
  AuditLogSchema,
  ReportSubmissionSchema,
  SyncScheduleSchema,
  SyncRunSchema,
  SyncOutboxSchema,
  SyncRejectedRowSchema,
] as const;
