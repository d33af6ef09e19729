import { blocksReport, formatReportPeriod, periodEnd, type RuleViolation } from "@fupin/domain";
import { GraphQLError } from "graphql";
import type { GatewayContext, SqlTransaction } from "../context.js";
import { idCursor, scopedPage } from "../graphql/connection.js";
import { badUserInput } from "../graphql/errors.js";
import type { Page } from "../graphql/read/sql.js";
import { principalRegion, requireRegion, scopeSql } from "../graphql/scope.js";
import {
  type PreparedReport,
  parseReportRequest,
  prepareReport,
  REPORT_SET_KEYS,
  writeReportFile,
} from "./report-data.js";
import { SUBMITTED_PROFILES } from "./report-submission.table.js";

/** A submission as the API shows it: everything but the bytes and the frozen dataset. */
export interface SubmissionView {
  readonly id: string;
  readonly regionCode: string;
  readonly profile: string;
  readonly period: string;
  readonly asOf: string;
  readonly preparer: string;
  readonly reviewer: string;
  readonly payloadHash: string;
  readonly contentType: string;
  readonly size: number;
  readonly principalId: string;
  readonly createdAt: Date;
}

const VIEW_COLUMNS = `id::text AS id, region_code AS "regionCode", profile, period, as_of AS "asOf", preparer,
  reviewer, payload_hash AS "payloadHash", content_type AS "contentType", octet_length(content) AS size,
  principal_id AS "principalId", created_at AS "createdAt"`;

/** The arguments of `submitReport`. */
export interface SubmitArgs {
  readonly profile: string;
  readonly regionCode: string;
  readonly period: string;
  readonly preparer: string;
  readonly reviewer: string;
}

/**
 * The violations as a refused submission and a blocked sync run report them: code, scope, both
 * sides and the message.
 */
export function violationSummary(errors: readonly RuleViolation[]) {
  return errors.map((v) => ({
    rule: v.code,
    scopeKey: v.scopeKey,
    left: v.left.value,
    right: v.right.value,
    message: v.message,
    messageEn: v.messageEn,
  }));
}

function blocked(errors: readonly RuleViolation[]): GraphQLError {
  return new GraphQLError(
    `report not submitted: ${errors.length} error-level consistency violation(s), first ${errors[0]!.code}: ${errors[0]!.message}`,
    {
      extensions: {
        code: "REPORT.CONSISTENCY_ERRORS",
        violations: violationSummary(errors),
      },
    },
  );
}

/** The violations that keep a prepared report from being frozen. */
export function blockingViolations(report: PreparedReport): RuleViolation[] {
  const key = REPORT_SET_KEYS[report.request.profile];
  return report.violations.filter((v) => blocksReport(v, key));
}

/**
 * Freezes a report: builds the region's dataset for the period, refuses it on any error-level
 * violation (continuity against the last submissions included), writes the profile's xlsx and
 * stores it with its sha256 and the dataset in one transaction with its audit entry.
 */
export async function submitReport(ctx: GatewayContext, args: SubmitArgs): Promise<SubmissionView> {
  const request = parseReportRequest(args.profile, args.period);
  const regionCode = requireRegion(ctx, args.regionCode);
  const period = formatReportPeriod(request.period);
  const asOf = periodEnd(request.period);
  const meta = { period, asOf, preparer: args.preparer, reviewer: args.reviewer };
  const report = await prepareReport(ctx.services.sql, regionCode, request, meta);
  const errors = blockingViolations(report);
  if (errors.length > 0) throw blocked(errors);
  return freezeReport(ctx, report, args);
}

/**
 * Stores a prepared report that passed the rules: its xlsx with the sha256, the dataset and the audit
 * entry, in one transaction; `inTransaction` adds writes of its own to that transaction (the sync outbox).
 */
export async function freezeReport(
  ctx: GatewayContext,
  report: PreparedReport,
  people: { readonly preparer: string; readonly reviewer: string },
  inTransaction?: (tx: SqlTransaction, submission: SubmissionView) => Promise<void>,
): Promise<SubmissionView> {
  const { regionCode, request } = report;
  const file = await writeReportFile(report);
  return ctx.services.sql.transaction(async (tx) => {
    const [row] = await tx.query<SubmissionView & Record<string, unknown>>(
      `INSERT INTO report_submission (county_code, region_code, profile, period, period_end, as_of, preparer,
         reviewer, payload_hash, content, content_type, dataset, principal_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING ${VIEW_COLUMNS}`,
      [
        regionCode.slice(0, 6),
        regionCode,
        request.profile,
        formatReportPeriod(request.period),
        periodEnd(request.period),
        report.dataset.asOf,
        people.preparer,
        people.reviewer,
        file.hash,
        file.bytes,
        file.contentType,
        JSON.stringify(report.dataset),
        ctx.principal!.id,
      ],
    );
    const { createdAt: _createdAt, ...after } = row!;
    await ctx.services.audit.append(
      [
        {
          principalId: ctx.principal!.id,
          action: "submit",
          entityType: "report_submission",
          entityId: row!.id,
          countyCode: regionCode.slice(0, 6),
          before: null,
          after,
          requestId: ctx.requestId,
          at: ctx.now(),
        },
      ],
      tx.client,
    );
    if (inTransaction) await inTransaction(tx, row!);
    return row!;
  });
}

/** The arguments of `submissions`. */
export interface SubmissionsArgs {
  readonly regionCode: string;
  readonly profile?: string | null;
  readonly first?: number | null;
  readonly after?: string | null;
}

/** The cursor of a submission in `submissions`. */
export function submissionCursor(row: SubmissionView): string {
  return idCursor("s", row.id);
}

/** A page of the submissions filed under a region (inside the caller's scope), oldest first. */
export async function listSubmissions(
  ctx: GatewayContext,
  args: SubmissionsArgs,
): Promise<Page<SubmissionView>> {
  if (args.profile != null && !(SUBMITTED_PROFILES as readonly string[]).includes(args.profile)) {
    throw badUserInput([{ path: "profile", message: `must be one of ${SUBMITTED_PROFILES.join(", ")}` }]);
  }
  const regionCode = requireRegion(ctx, args.regionCode);
  return scopedPage<SubmissionView & Record<string, unknown>>(
    ctx,
    {
      table: "report_submission",
      columns: VIEW_COLUMNS,
      regionCode,
      equal: { profile: args.profile },
      cursorTag: "s",
    },
    args,
  );
}

/** The frozen bytes of a submission inside the caller's scope, exactly as stored. */
export async function submissionContent(ctx: GatewayContext, id: string): Promise<Buffer> {
  const params: unknown[] = [id];
  const where = scopeSql(principalRegion(ctx), params);
  const [row] = await ctx.services.sql.query<{ content: Buffer }>(
    `SELECT content FROM report_submission WHERE id = $1 AND ${where}`,
    params,
  );
  if (!row)
    throw new GraphQLError(`report submission ${id} not found in your scope`, {
      extensions: { code: "NOT_FOUND" },
    });
  return row.content;
}
