import { computeMetrics, detectFindings, type Finding, type Ledger, type Metric } from "@fupin/domain";
import { hasRecordInOrBefore } from "../graphql/assessed-year.js";
import { ledgerOfSnapshot, type SnapshotText } from "../graphql/read/snapshot.js";

/** What an assessment is about: the findings or the metrics of a region for a year, as of an instant. */
export interface AssessmentQuestion {
  readonly kind: "findings" | "metrics";
  readonly regionCode: string;
  readonly year: number;
  /** ISO instant of the request's clock. */
  readonly now: string;
}

/** A job that carries the region's snapshot (read by the caller). */
export interface SnapshotJob extends AssessmentQuestion {
  readonly snapshot: SnapshotText;
}

/**
 * A job that carries only the ledger version the caller read: the worker reads the snapshot itself
 * (on its own connection) unless it holds one at least that recent.
 */
export interface VersionJob extends AssessmentQuestion {
  /** `readLedgerVersion` of the region, as read before the job was sent. */
  readonly version: string;
}

/** What a worker computes. */
export type AssessmentJob = SnapshotJob | VersionJob;

/** The result of an assessment job. */
export type AssessmentResult = readonly Finding[] | readonly Metric[];

/** Answers a question on a region's ledger with the domain (CPU only, no IO). */
export function assessLedger(ledger: Ledger, question: AssessmentQuestion): AssessmentResult {
  // A year before any record has nothing to assess: no metrics, no findings.
  if (!hasRecordInOrBefore(ledger, question.year)) return [];
  const options = { regionCode: question.regionCode, year: question.year, now: new Date(question.now) };
  return question.kind === "findings" ? detectFindings(ledger, options) : computeMetrics(ledger, options);
}

/** Runs a job that carries its snapshot: parses it and calls the domain (CPU only, no IO). */
export function runAssessmentJob(job: SnapshotJob): AssessmentResult {
  return assessLedger(ledgerOfSnapshot(job.snapshot), job);
}
