import type { FindingCode, FindingSubjectType } from "./finding-codes.js";

/** How serious a finding is, from least to most. */
export const SEVERITIES = ["low", "medium", "high", "critical"] as const;

/** A severity level. */
export type Severity = (typeof SEVERITIES)[number];

/** Rank of a severity: 0 for low up to 3 for critical. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

/** An assessment metric (考核指标) of one region and year: an additive numerator over an additive denominator. */
export interface Metric {
  readonly code: string;
  readonly regionCode: string;
  readonly year: number;
  /** numerator / denominator, or null when the denominator is 0. */
  readonly value: number | null;
  readonly numerator: number;
  readonly denominator: number;
  /** The policy target the value is measured against, where the metric has one. */
  readonly target?: number;
}

/** A problem the speech names, found in the ledger, with the records that make it true. */
export interface Finding {
  readonly code: FindingCode;
  readonly severity: Severity;
  readonly year: number;
  /** The township (9 digits) of the subject, or the county code for county-level subjects. */
  readonly regionCode: string;
  readonly subjectType: FindingSubjectType;
  readonly subjectId: string;
  /** Ids of the records that make the finding true. */
  readonly evidence: readonly string[];
  /** For county staff in Chinese, and in English. */
  readonly message: { readonly zh: string; readonly en: string };
}
