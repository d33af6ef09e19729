import { computeMetrics, detectFindings, type Finding, type Metric } from "@fupin/domain";
import { hasRecordInOrBefore } from "../graphql/assessed-year.js";
import { ledgerOfSnapshot, type SnapshotText } from "../graphql/read/snapshot.js";

/** What a worker computes: the findings or the metrics of a region's snapshot for a year, as of an instant. */
export interface AssessmentJob {
  readonly kind: "findings" | "metrics";
  readonly regionCode: string;
  readonly year: number;
  /** ISO instant of the request's clock. */
  readonly now: string;
  readonly snapshot: SnapshotText;
}

/** The result of an assessment job. */
export type AssessmentResult = readonly Finding[] | readonly Metric[];

/** Runs an assessment job: parses the snapshot and calls the domain (CPU only, no IO). */
export function runAssessmentJob(job: AssessmentJob): AssessmentResult {
  const ledger = ledgerOfSnapshot(job.snapshot);
  // A year before any record has nothing to assess: no metrics, no findings.
  if (!hasRecordInOrBefore(ledger, job.year)) return [];
  const options = { regionCode: job.regionCode, year: job.year, now: new Date(job.now) };
  return job.kind === "findings" ? detectFindings(ledger, options) : computeMetrics(ledger, options);
}
