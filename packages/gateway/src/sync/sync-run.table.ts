import { BigIntType, EntitySchema } from "@mikro-orm/core";

/** States of a sync run: waiting, working, waiting to retry, blocked by the rules, delivered, failed for good, dead-lettered. */
export const SYNC_RUN_STATUSES = [
  "queued",
  "running",
  "retrying",
  "blocked",
  "delivered",
  "failed",
  "dead",
] as const;
/** A sync run status. */
export type SyncRunStatus = (typeof SYNC_RUN_STATUSES)[number];

/** A row of `sync_run`: one (profile, region, period) and what happened to it. */
export interface SyncRunRow {
  id: number;
  countyCode: string;
  regionCode: string;
  profile: string;
  period: string;
  trigger: string;
  status: SyncRunStatus;
  attempts: number;
  requestedBy: string;
  preparer: string;
  reviewer: string;
  dueDate: string;
  late: boolean;
  submissionId: number | null;
  violations: unknown;
  rectificationIds: unknown;
  error: string | null;
  queuedAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  deliveredAt: Date | null;
}

/** The `sync_run` table: the run history; one row per (profile, region, period), so each runs once. */
export const SyncRunSchema = new EntitySchema<SyncRunRow>({
  name: "SyncRun",
  tableName: "sync_run",
  properties: {
    id: { type: new BigIntType("number"), primary: true, autoincrement: true },
    countyCode: { type: "text" },
    regionCode: { type: "text" },
    profile: { type: "text" },
    period: { type: "text" },
    trigger: { type: "text" },
    status: { enum: true, items: [...SYNC_RUN_STATUSES], type: "text", columnType: "text" },
    attempts: { type: "integer", default: 0 },
    requestedBy: { type: "text" },
    preparer: { type: "text" },
    reviewer: { type: "text" },
    dueDate: { type: "date", columnType: "date" },
    late: { type: "boolean", default: false },
    submissionId: { type: new BigIntType("number"), nullable: true },
    violations: { type: "json", nullable: true },
    rectificationIds: { type: "json", nullable: true },
    error: { type: "text", nullable: true },
    queuedAt: { type: "Date", columnType: "timestamptz", defaultRaw: "now()" },
    startedAt: { type: "Date", columnType: "timestamptz", nullable: true },
    finishedAt: { type: "Date", columnType: "timestamptz", nullable: true },
    deliveredAt: { type: "Date", columnType: "timestamptz", nullable: true },
  },
  uniques: [{ name: "sync_run_profile_region_period_key", properties: ["profile", "regionCode", "period"] }],
  indexes: [
    {
      name: "sync_run_scope_idx",
      expression:
        'create index "sync_run_scope_idx" on "sync_run" ("county_code", "region_code" text_pattern_ops)',
    },
  ],
  checks: [
    { name: "sync_run_county_code_check", expression: "county_code ~ '^[0-9]{6}$'" },
    { name: "sync_run_period_check", expression: "period ~ '^[0-9]{4}(-[0-9]{2})?$'" },
  ],
});
