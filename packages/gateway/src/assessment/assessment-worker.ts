import { parentPort } from "node:worker_threads";
import { type AssessmentJob, runAssessmentJob } from "./assessment-job.js";

/** A job sent to the worker, with the id its answer carries. */
export interface WorkerRequest {
  readonly id: number;
  readonly job: AssessmentJob;
}

/** The worker's answer: the result, or the message of the error that stopped it. */
export type WorkerResponse =
  | { readonly id: number; readonly ok: true; readonly result: unknown }
  | { readonly id: number; readonly ok: false; readonly message: string };

parentPort?.on("message", ({ id, job }: WorkerRequest) => {
  let response: WorkerResponse;
  try {
    response = { id, ok: true, result: runAssessmentJob(job) };
  } catch (e) {
    response = { id, ok: false, message: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
  }
  parentPort?.postMessage(response);
});
