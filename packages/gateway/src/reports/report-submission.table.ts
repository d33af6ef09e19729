import { BigIntType, BlobType, EntitySchema } from "@mikro-orm/core";

/** The report profiles a submission freezes (fupin's own `ledger` workbook is exported, never submitted). */
export const SUBMITTED_PROFILES = ["province-households", "city-projects", "city-campaign"] as const;
/** A profile name that can be submitted. */
export type SubmittedProfile = (typeof SUBMITTED_PROFILES)[number];

/** A row of `report_submission`: a frozen report file with what it was built from. */
export interface ReportSubmissionRow {
  id: number;
  countyCode: string;
  regionCode: string;
  profile: SubmittedProfile;
  period: string;
  periodEnd: string;
  asOf: string;
  preparer: string;
  reviewer: string;
  payloadHash: string;
  content: Buffer;
  contentType: string;
  dataset: unknown;
  principalId: string;
  createdAt: Date;
}

/**
 * The `report_submission` table: a submitted report frozen as filed (the file's bytes, their sha256,
 * and the dataset they were written from, which is the "previous period" for continuity). Rows are
 * only ever inserted: a trigger refuses UPDATE and DELETE (Migration20261202172312).
 */
export const ReportSubmissionSchema = new EntitySchema<ReportSubmissionRow>({
  name: "ReportSubmission",
  tableName: "report_submission",
  readonly: true,
  properties: {
    id: { type: new BigIntType("number"), primary: true, autoincrement: true },
    countyCode: { type: "text" },
    regionCode: { type: "text" },
    profile: { enum: true, items: [...SUBMITTED_PROFILES], type: "text", columnType: "text" },
    period: { type: "text" },
    periodEnd: { type: "date", columnType: "date" },
    asOf: { type: "date", columnType: "date" },
    preparer: { type: "text" },
    reviewer: { type: "text" },
    payloadHash: { type: "text" },
    content: { type: BlobType, columnType: "bytea" },
    contentType: { type: "text" },
    dataset: { type: "json" },
    principalId: { type: "text" },
    createdAt: { type: "Date", columnType: "timestamptz", defaultRaw: "now()" },
  },
  indexes: [
    {
      name: "report_submission_scope_idx",
      expression:
        'create index "report_submission_scope_idx" on "report_submission" ("county_code", "region_code" text_pattern_ops)',
    },
    { name: "report_submission_last_idx", properties: ["regionCode", "profile", "periodEnd"] },
  ],
  checks: [
    { name: "report_submission_county_code_check", expression: "county_code ~ '^[0-9]{6}$'" },
    { name: "report_submission_period_check", expression: "period ~ '^[0-9]{4}(-[0-9]{2})?$'" },
    { name: "report_submission_payload_hash_check", expression: "payload_hash ~ '^[0-9a-f]{64}$'" },
  ],
});
