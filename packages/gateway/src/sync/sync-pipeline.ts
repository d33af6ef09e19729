import path from "node:path";
import { loadProfile, type Profile } from "@fupin/adapters";
import { chinaDateOf, lateSyncFinding, periodEnd } from "@fupin/domain";
import { parseReportRequest, prepareReport } from "../reports/report-data.js";
import { blockingViolations, freezeReport } from "../reports/submissions.js";
import { blockRun } from "./block-run.js";
import { dropFile } from "./file-drop.js";
import { PermanentDeliveryError, postJson, RetryableDeliveryError } from "./http-transport.js";
import { type OutboxEntry, pendingEntries, writeOutbox } from "./outbox.js";
import { type SyncDeps, syncContext } from "./sync-context.js";
import { withRunLease } from "./sync-lease.js";
import { changeRun, endAttempt, loadRun, type SyncRunView, startAttempt } from "./sync-runs.js";

/** How a run's attempt ended (`worked-elsewhere`: another live worker holds the run's lease). */
export type AttemptOutcome = "delivered" | "blocked" | "finished-before" | "failed" | "worked-elsewhere";

/** The profile of a run (built-in, as the gateway freezes it). */
export function runProfile(name: string): Profile {
  const profile = loadProfile(name);
  if (!profile.ok) throw new PermanentDeliveryError(profile.error.message);
  return profile.value;
}

/** The environment variable that overrides a profile's platform URL: FUPIN_SYNC_URL_PROVINCE_HOUSEHOLDS … */
export function urlVariable(profile: string): string {
  return `FUPIN_SYNC_URL_${profile.toUpperCase().replace(/-/g, "_")}`;
}

/** Freezes a run's report and stores its outbox in one transaction; false when the rules block it. */
async function freezeRun(deps: SyncDeps, run: SyncRunView, profile: Profile): Promise<boolean> {
  const ctx = syncContext(deps, run);
  const request = parseReportRequest(run.profile, run.period);
  const meta = {
    period: run.period,
    asOf: periodEnd(request.period),
    preparer: run.preparer,
    reviewer: run.reviewer,
  };
  const report = await prepareReport(ctx.services.sql, run.regionCode, request, meta);
  const errors = blockingViolations(report);
  if (errors.length > 0) {
    await blockRun(deps, run, report, errors);
    return false;
  }
  await freezeReport(ctx, report, run, async (tx, submission) => {
    await writeOutbox(tx, run, profile, report, submission);
  });
  return true;
}

async function recordReceipt(
  deps: SyncDeps,
  run: SyncRunView,
  entry: OutboxEntry,
  receipt: unknown,
): Promise<void> {
  const rejected = Array.isArray((receipt as { rejected?: unknown })?.rejected)
    ? ((receipt as { rejected: Record<string, unknown>[] }).rejected ?? [])
    : [];
  await deps.sql.transaction(async (tx) => {
    await tx.query(
      `UPDATE sync_outbox SET status = 'delivered', receipt = $2, delivered_at = $3 WHERE id = $1`,
      [entry.id, JSON.stringify(receipt), deps.now()],
    );
    for (const r of rejected) {
      await tx.query(
        `INSERT INTO sync_rejected_row (run_id, county_code, sheet, batch, row, row_key, field, reason)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
        [
          run.id,
          run.countyCode,
          String(r.sheet ?? entry.sheet ?? ""),
          Number(r.batch ?? entry.batch ?? 0),
          Number(r.row ?? 0),
          typeof r.key === "string" ? r.key : null,
          typeof r.field === "string" ? r.field : null,
          String(r.reason ?? "refused").slice(0, 500),
        ],
      );
    }
  });
}

async function deliverEntry(deps: SyncDeps, profile: Profile, entry: OutboxEntry): Promise<unknown> {
  const { transport } = profile;
  if (transport.kind === "file") {
    const body = entry.body as { fileName: string; submissionId: string };
    const [row] = await deps.sql.query<{ content: Buffer; hash: string }>(
      "SELECT content, payload_hash AS hash FROM report_submission WHERE id = $1",
      [body.submissionId],
    );
    const folder = path.resolve(deps.settings.dropDir, transport.folder ?? profile.name);
    const file = await dropFile(folder, body.fileName, row!.content);
    return { file: path.basename(file), sha256: row!.hash, droppedAt: deps.now().toISOString() };
  }
  const url = deps.settings.env[urlVariable(profile.name)] ?? transport.url;
  if (!url)
    throw new PermanentDeliveryError(`no platform URL: set transport.url or ${urlVariable(profile.name)}`);
  const credential = transport.credentialEnv ? (deps.settings.env[transport.credentialEnv] ?? null) : null;
  if (transport.credentialEnv && !credential)
    throw new PermanentDeliveryError(`the credential variable ${transport.credentialEnv} is not set`);
  return postJson({ url, credential, idempotencyKey: entry.idempotencyKey, transport }, entry.body);
}

async function finishDelivered(deps: SyncDeps, run: SyncRunView): Promise<void> {
  const now = deps.now();
  const deliveredOn = chinaDateOf(now);
  const late = lateSyncFinding({ ...run, runId: run.id, deliveredOn, today: deliveredOn }) !== null;
  await changeRun(
    deps.sql,
    run.id,
    "status = 'delivered', delivered_at = $2, finished_at = $2, late = $3, error = NULL",
    [now, late],
    now,
  );
}

/**
 * One attempt of a run: build and check the report (blocked on an error-level violation), freeze it
 * with its outbox, then send every pending payload with its idempotency key and keep each receipt.
 * A resumed attempt finds the frozen submission and sends only what has no receipt yet. The attempt
 * holds the run's lease; when another live worker holds it, nothing is done (`worked-elsewhere`).
 */
export async function attemptRun(deps: SyncDeps, runId: string): Promise<AttemptOutcome> {
  const leased = await withRunLease(deps.pool, runId, () => attemptLeased(deps, runId));
  return leased.held ? leased.value : "worked-elsewhere";
}

/** The attempt itself, under the run's lease. */
async function attemptLeased(deps: SyncDeps, runId: string): Promise<AttemptOutcome> {
  const run = await startAttempt(deps.sql, runId, deps.now());
  if (!run) return "finished-before";
  const profile = runProfile(run.profile);
  if (run.submissionId === null && !(await freezeRun(deps, run, profile))) return "blocked";
  for (const entry of await pendingEntries(deps.sql, run.id)) {
    const receipt = await deliverEntry(deps, profile, entry);
    await recordReceipt(deps, run, entry, receipt);
  }
  await finishDelivered(deps, (await loadRun(deps.sql, run.id))!);
  return "delivered";
}

/** Where a pg-boss job of a run stands: how many retries it has had and may have. */
export interface JobAttempt {
  readonly retryCount: number;
  readonly retryLimit: number;
}

/**
 * The sync-run job: an attempt, with its failure recorded on the run. A permanent failure ends the run
 * (failed) without retry; any other is rethrown for pg-boss to retry with backoff, and on the last
 * retry the run is marked dead (the job goes to the dead-letter queue).
 */
export async function runSyncJob(deps: SyncDeps, runId: string, job: JobAttempt): Promise<AttemptOutcome> {
  try {
    return await attemptRun(deps, runId);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (e instanceof PermanentDeliveryError) {
      const now = deps.now();
      await endAttempt(deps.sql, runId, "failed", message, now, now);
      return "failed";
    }
    const last = job.retryCount >= job.retryLimit;
    const text =
      e instanceof RetryableDeliveryError ? message : `${e instanceof Error ? e.name : "Error"}: ${message}`;
    await endAttempt(
      deps.sql,
      runId,
      last ? "dead" : "retrying",
      text.slice(0, 1000),
      last ? deps.now() : null,
      deps.now(),
    ).catch(() => undefined);
    throw e;
  }
}
