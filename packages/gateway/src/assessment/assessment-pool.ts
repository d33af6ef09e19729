import { Worker } from "node:worker_threads";
import type { AssessmentJob, AssessmentResult } from "./assessment-job.js";
import type { WorkerData, WorkerRequest, WorkerResponse } from "./assessment-worker.js";

/** What a worker answers: the result, and whether it read a snapshot from the database for it. */
export interface AssessmentOutcome {
  readonly result: AssessmentResult;
  readonly snapshotRead: boolean;
}

/** Worker threads that run assessment jobs, so a heavy assessment never blocks the event loop. */
export interface AssessmentPool {
  run(job: AssessmentJob): Promise<AssessmentOutcome>;
  /** Stops every worker; jobs still running fail. */
  close(): Promise<void>;
}

/** Options of `createAssessmentPool`. */
export interface AssessmentPoolOptions {
  /** Worker threads. Default 1: the gateway's own thread keeps the other core. */
  readonly size?: number;
  /**
   * A worker idle this long exits (it starts again on the next job), dropping the ledgers it holds
   * (about 25 MB for a county of 4,000 households, read again in 1–3 s). Default 5 minutes.
   */
  readonly idleMs?: number;
  /**
   * The database the workers read snapshots from, each on a connection of its own (needed by jobs
   * that carry a version instead of a snapshot).
   */
  readonly databaseUrl?: string;
}

const ENTRY = new URL("./assessment-worker-entry.mjs", import.meta.url);

/** Flags of the whole process that a Worker refuses ("invalid execArgv flags"), e.g. under `pnpm bench`. */
const PROCESS_ONLY_FLAGS = new Set(["--expose-gc", "--expose_gc"]);

/**
 * The parent's loader flags are left out: the entry registers tsx itself, and twice would load it twice;
 * process-wide flags too, or the worker does not start.
 */
function workerExecArgv(): string[] {
  const out: string[] = [];
  const argv = process.execArgv;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (/^--(import|loader|experimental-loader|require)$/.test(a) && /tsx/.test(argv[i + 1] ?? "")) i++;
    else if (!/^--(import|loader|experimental-loader|require)=.*tsx/.test(a) && !PROCESS_ONLY_FLAGS.has(a)) {
      out.push(a);
    }
  }
  return out;
}

interface Slot {
  worker: Worker;
  readonly pending: Map<number, { resolve: (r: AssessmentOutcome) => void; reject: (e: Error) => void }>;
  idle: NodeJS.Timeout | null;
}

/** Creates a pool of assessment worker threads, started on the first job. */
export function createAssessmentPool(options: AssessmentPoolOptions = {}): AssessmentPool {
  const size = Math.max(1, options.size ?? 1);
  const idleMs = options.idleMs ?? 300_000;
  const slots: (Slot | null)[] = Array.from({ length: size }, () => null);
  let nextId = 1;
  let closed = false;
  const workerData: WorkerData = options.databaseUrl ? { databaseUrl: options.databaseUrl } : {};

  function stop(index: number, slot: Slot, reason: Error): void {
    if (slots[index] === slot) slots[index] = null;
    if (slot.idle) clearTimeout(slot.idle);
    for (const p of slot.pending.values()) p.reject(reason);
    slot.pending.clear();
    void slot.worker.terminate();
  }

  function start(index: number): Slot {
    const worker = new Worker(ENTRY, { execArgv: workerExecArgv(), workerData });
    worker.unref();
    const slot: Slot = { worker, pending: new Map(), idle: null };
    worker.on("message", (response: WorkerResponse) => {
      const p = slot.pending.get(response.id);
      if (!p) return;
      slot.pending.delete(response.id);
      if (response.ok) {
        p.resolve({ result: response.result as AssessmentResult, snapshotRead: response.snapshotRead });
      } else p.reject(new Error(`assessment failed: ${response.message}`));
      if (slot.pending.size === 0) {
        slot.idle = setTimeout(() => stop(index, slot, new Error("assessment worker stopped")), idleMs);
        slot.idle.unref();
      }
    });
    worker.on("error", (e) => stop(index, slot, e));
    worker.on("exit", (code) => stop(index, slot, new Error(`assessment worker exited with ${code}`)));
    return slot;
  }

  return {
    run(job) {
      if (closed) return Promise.reject(new Error("assessment pool is closed"));
      let index = slots.findIndex((s) => s === null || s.pending.size === 0);
      if (index < 0) {
        const loads = slots.map((s) => s?.pending.size ?? 0);
        index = loads.indexOf(Math.min(...loads));
      }
      const slot = slots[index] ?? start(index);
      slots[index] = slot;
      if (slot.idle) clearTimeout(slot.idle);
      slot.idle = null;
      const id = nextId++;
      return new Promise<AssessmentOutcome>((resolve, reject) => {
        slot.pending.set(id, { resolve, reject });
        slot.worker.postMessage({ id, job } satisfies WorkerRequest);
      });
    },
    async close() {
      closed = true;
      slots.forEach((slot, i) => {
        if (slot) stop(i, slot, new Error("assessment pool is closed"));
      });
    },
  };
}
