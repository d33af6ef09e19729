import { parentPort, workerData } from "node:worker_threads";
import { type AssessmentJob, assessLedger, runAssessmentJob } from "./assessment-job.js";
import { createLedgerCache } from "./ledger-cache.js";
import { createSnapshotReader } from "./snapshot-reader.js";

/** A job sent to the worker, with the id its answer carries. */
export interface WorkerRequest {
  readonly id: number;
  readonly job: AssessmentJob;
}

/** What a worker is started with: the database it reads snapshots from, if any. */
export interface WorkerData {
  readonly databaseUrl?: string;
}

/** The worker's answer: the result and whether a snapshot was read for it, or the message of the error that stopped it. */
export type WorkerResponse =
  | { readonly id: number; readonly ok: true; readonly result: unknown; readonly snapshotRead: boolean }
  | { readonly id: number; readonly ok: false; readonly message: string };

const url = (workerData as WorkerData | null)?.databaseUrl;
const ledgers = url ? createLedgerCache(createSnapshotReader(url).read) : null;

async function answer(job: AssessmentJob): Promise<{ result: unknown; snapshotRead: boolean }> {
  if ("snapshot" in job) return { result: runAssessmentJob(job), snapshotRead: false };
  if (!ledgers) throw new Error("the assessment worker has no database to read a snapshot from");
  const { ledger, read } = await ledgers.ledgerFor(job.regionCode, job.version);
  return { result: assessLedger(ledger, job), snapshotRead: read };
}

parentPort?.on("message", ({ id, job }: WorkerRequest) => {
  void answer(job)
    .then(
      ({ result, snapshotRead }): WorkerResponse => ({ id, ok: true, result, snapshotRead }),
      (e: unknown): WorkerResponse => ({
        id,
        ok: false,
        message: e instanceof Error ? `${e.name}: ${e.message}` : String(e),
      }),
    )
    .then((response) => parentPort?.postMessage(response));
});
