import type { AssessmentContext } from "../context.js";
import type { FindingCode, FindingSubjectType } from "../finding-codes.js";
import type { Finding, Severity } from "../types.js";

/**
 * A rule that finds one problem of the speech in a ledger, for the context's year. A rule that judges
 * the other findings of the same run (`judgesFindings`: is each answered by a rectification item?) is
 * given them as `findings` — those of every rule that judges only the ledger, computed before it — so
 * it never judges its own or another judge's findings.
 */
export interface FindingDetector {
  readonly code: FindingCode;
  /** The severity of its findings; with `severityOfNamed`, the least they take under the default policy. */
  readonly severity: Severity;
  /**
   * True when each finding takes the severity of the finding it names, not one of the code: a judge
   * of findings (a critical finding left without a rectification item is critical, a high one high).
   */
  readonly severityOfNamed?: true;
  readonly subjectType: FindingSubjectType;
  /** True for a rule over the run's other findings; `detectFindings` calls it after the others. */
  readonly judgesFindings?: true;
  detect(ctx: AssessmentContext, findings: readonly Finding[]): Finding[];
}

/** Builds a finding of a detector for the context's year, of the detector's severity unless `fields` names one. */
export function makeFinding(
  detector: Pick<FindingDetector, "code" | "severity" | "subjectType">,
  ctx: AssessmentContext,
  fields: {
    regionCode: string;
    subjectId: string;
    evidence: readonly string[];
    zh: string;
    en: string;
    severity?: Severity;
  },
): Finding {
  return {
    code: detector.code,
    severity: fields.severity ?? detector.severity,
    year: ctx.year,
    regionCode: fields.regionCode,
    subjectType: detector.subjectType,
    subjectId: fields.subjectId,
    evidence: fields.evidence,
    message: { zh: fields.zh, en: fields.en },
  };
}
