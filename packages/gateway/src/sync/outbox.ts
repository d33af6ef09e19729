import { jsonBatches, type Profile, regionNamesOf, reportSheets } from "@fupin/adapters";
import type { SqlTransaction } from "../context.js";
import type { PreparedReport } from "../reports/report-data.js";
import type { SubmissionView } from "../reports/submissions.js";
import type { SyncRunView } from "./sync-runs.js";

/** A pending or delivered payload of a run. */
export interface OutboxEntry {
  readonly id: string;
  readonly seq: number;
  readonly sheet: string | null;
  readonly batch: number | null;
  readonly idempotencyKey: string;
  readonly body: unknown;
  readonly status: "pending" | "delivered";
}

/** The name a dropped report file gets: profile, region and period, so the same report always lands on the same name. */
export function dropFileName(run: Pick<SyncRunView, "profile" | "regionCode" | "period">): string {
  return `${run.profile}_${run.regionCode}_${run.period}.xlsx`;
}

/**
 * Stores what a run will send, inside the transaction that freezes its submission: the profile's JSON
 * batches (http-json) or the file to drop (file), each with an idempotency key derived from the
 * frozen payload's hash, so a resumed or repeated send carries the same key.
 */
export async function writeOutbox(
  tx: SqlTransaction,
  run: SyncRunView,
  profile: Profile,
  report: PreparedReport,
  submission: SubmissionView,
): Promise<number> {
  const keyOf = (seq: number) =>
    `fupin-${run.profile}-${run.regionCode}-${run.period}-${submission.payloadHash.slice(0, 16)}-${seq}`;
  const insert = (seq: number, sheet: string | null, batch: number | null, body: unknown) =>
    tx.query(
      `INSERT INTO sync_outbox (run_id, county_code, seq, sheet, batch, idempotency_key, body, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'pending')`,
      [run.id, run.countyCode, seq, sheet, batch, keyOf(seq), JSON.stringify(body)],
    );
  if (profile.transport.kind === "file") {
    await insert(0, null, null, { fileName: dropFileName(run), submissionId: submission.id });
    await tx.query("UPDATE sync_run SET submission_id = $2 WHERE id = $1", [run.id, submission.id]);
    return 1;
  }
  const meta = { regionCode: run.regionCode, period: run.period, asOf: report.dataset.asOf };
  const sheets = reportSheets(profile, report.dataset, regionNamesOf(report.ledger));
  let seq = 0;
  for await (const batch of jsonBatches(profile, sheets, meta))
    await insert(seq++, batch.sheet, batch.batch, batch);
  await tx.query("UPDATE sync_run SET submission_id = $2 WHERE id = $1", [run.id, submission.id]);
  return seq;
}

/** The entries of a run not yet delivered, in order. */
export async function pendingEntries(
  sql: { query: SqlTransaction["query"] },
  runId: string,
): Promise<OutboxEntry[]> {
  return sql.query<OutboxEntry & Record<string, unknown>>(
    `SELECT id::text AS id, seq, sheet, batch, idempotency_key AS "idempotencyKey", body, status
       FROM sync_outbox WHERE run_id = $1 AND status = 'pending' ORDER BY seq`,
    [runId],
  );
}
