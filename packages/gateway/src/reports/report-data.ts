import { createHash } from "node:crypto";
import { Writable } from "node:stream";
import { exportReport, loadProfile, regionNamesOf } from "@fupin/adapters";
import {
  buildReportSet,
  checkReportConsistency,
  type LedgerData,
  parseReportPeriod,
  periodEnd,
  type ReportDataset,
  type ReportPeriod,
  type ReportSet,
  type RuleContext,
  type RuleViolation,
  reportRuleContext,
  type SubmissionMeta,
} from "@fupin/domain";
import type { SqlExecutor } from "../context.js";
import { badUserInput } from "../graphql/errors.js";
import { ledgerOfSnapshot, readSnapshotText } from "../graphql/read/snapshot.js";
import { SUBMITTED_PROFILES, type SubmittedProfile } from "./report-submission.table.js";

/** The MIME type of a frozen xlsx report. */
export const XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The report set's dataset of each submitted profile. */
export const REPORT_SET_KEYS = {
  "province-households": "households",
  "city-projects": "projects",
  "city-campaign": "campaign",
} as const satisfies Record<SubmittedProfile, keyof ReportSet>;

/** A report asked for: its profile and period, checked (BAD_USER_INPUT naming `profile` or `period`). */
export interface ReportRequest {
  readonly profile: SubmittedProfile;
  readonly period: ReportPeriod;
}

/** Checks the `profile` and `period` arguments of a report query or mutation. */
export function parseReportRequest(profile: string, period: string): ReportRequest {
  if (!(SUBMITTED_PROFILES as readonly string[]).includes(profile)) {
    throw badUserInput([{ path: "profile", message: `must be one of ${SUBMITTED_PROFILES.join(", ")}` }]);
  }
  const parsed = parseReportPeriod(period);
  if (!parsed.ok) throw badUserInput([{ path: "period", message: parsed.error.message }]);
  return { profile: profile as SubmittedProfile, period: parsed.value };
}

/** A report of a region built from the ledger: the three datasets, the requested one and the rule violations. */
export interface PreparedReport {
  readonly regionCode: string;
  readonly request: ReportRequest;
  readonly ledger: LedgerData;
  readonly set: ReportSet;
  readonly dataset: ReportDataset;
  readonly violations: readonly RuleViolation[];
}

/**
 * The previous submissions of a region (the last one of each profile whose period ends before
 * `before`), as the datasets they froze: continuity (R7) is checked against them.
 */
export async function loadPreviousDatasets(
  sql: Pick<SqlExecutor, "query">,
  regionCode: string,
  before: string,
): Promise<NonNullable<RuleContext["previous"]>> {
  const rows = await sql.query<{ profile: SubmittedProfile; dataset: ReportDataset }>(
    `SELECT DISTINCT ON (profile) profile, dataset FROM report_submission
      WHERE county_code = $1 AND region_code = $2 AND period_end < $3
      ORDER BY profile, period_end DESC, id DESC`,
    [regionCode.slice(0, 6), regionCode, before],
  );
  return Object.fromEntries(rows.map((r) => [REPORT_SET_KEYS[r.profile], r.dataset]));
}

/** Builds a region's report set for a period (region already checked against the caller's scope) and checks the rules. */
export async function prepareReport(
  sql: Pick<SqlExecutor, "query">,
  regionCode: string,
  request: ReportRequest,
  submission?: SubmissionMeta,
): Promise<PreparedReport> {
  const ledger = ledgerOfSnapshot(await readSnapshotText(sql, regionCode));
  const set = buildReportSet(ledger, regionCode, request.period);
  const previous = await loadPreviousDatasets(sql, regionCode, periodEnd(request.period));
  const violations = checkReportConsistency(
    reportRuleContext(ledger, set, { previous, ...(submission ? { submission } : {}) }),
  );
  return { regionCode, request, ledger, set, dataset: set[REPORT_SET_KEYS[request.profile]], violations };
}

/** The report's file as the profile writes it (xlsx), with its sha256. */
export async function writeReportFile(
  report: PreparedReport,
): Promise<{ bytes: Buffer; hash: string; contentType: string }> {
  const profile = loadProfile(report.request.profile);
  if (!profile.ok) throw new Error(`built-in profile ${report.request.profile}: ${profile.error.message}`);
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(Buffer.from(chunk));
      done();
    },
  });
  await exportReport(profile.value, report.dataset, regionNamesOf(report.ledger), sink, "xlsx");
  const bytes = Buffer.concat(chunks);
  return { bytes, hash: createHash("sha256").update(bytes).digest("hex"), contentType: XLSX_CONTENT_TYPE };
}
