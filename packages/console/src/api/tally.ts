import type { FindingsQuery } from "../gql/graphql";
import { SEVERITIES, type SeverityCode } from "../labels";

/** One finding as the findings query returns it. */
export type FindingItem = FindingsQuery["findings"][number];

/** Counts of one township × problem cell, by severity. */
export interface TallyCell {
  readonly total: number;
  readonly bySeverity: Readonly<Record<SeverityCode, number>>;
  /** The most severe severity counted. */
  readonly worst: SeverityCode;
}

/** Township × problem tally of findings (the table the deputy head reads): township → code → cell. */
export function tallyFindings(findings: readonly FindingItem[]): Map<string, Map<string, TallyCell>> {
  const out = new Map<string, Map<string, TallyCell>>();
  for (const f of findings) {
    const township = f.regionCode;
    const row = out.get(township) ?? new Map<string, TallyCell>();
    const cell = row.get(f.code);
    const by = { critical: 0, high: 0, medium: 0, low: 0, ...cell?.bySeverity };
    by[f.severity] += 1;
    const worst = SEVERITIES.find((s) => by[s] > 0) ?? "low";
    row.set(f.code, { total: (cell?.total ?? 0) + 1, bySeverity: by, worst });
    out.set(township, row);
  }
  return out;
}
