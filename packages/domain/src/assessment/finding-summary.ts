import { FINDING_CODES, type FindingCode } from "./finding-codes.js";
import { type Finding, SEVERITIES, type Severity, severityRank } from "./types.js";

/** How many findings of one code (and its severity) a township has. */
export interface FindingTally {
  readonly code: FindingCode;
  /** The severity of the code's findings; where it varies (RECTIFICATION.FINDING_WITHOUT_ITEM), the most severe of them. */
  readonly severity: Severity;
  readonly count: number;
}

/** What the deputy county head reads first: one township's findings counted by severity and by code. */
export interface TownshipFindingSummary {
  /** The township (9 digits), or the county code for the county-level findings (funds). */
  readonly regionCode: string;
  readonly year: number;
  readonly total: number;
  /** Findings per severity, every severity present (0 when none). */
  readonly bySeverity: Readonly<Record<Severity, number>>;
  /** Findings per code, most severe first, then in the order of `FINDING_CODES`; codes with none left out. */
  readonly byCode: readonly FindingTally[];
}

/**
 * Tallies findings of one year per township (the county code holding the county-level ones), by
 * code and severity, ordered by region code. Each of `regionCodes` gets a summary even with no
 * finding, so a clean township shows as clean rather than missing. Severities are counted finding
 * by finding: the findings of one code can differ (RECTIFICATION.FINDING_WITHOUT_ITEM).
 */
export function summariseFindings(
  findings: readonly Finding[],
  year: number,
  regionCodes: readonly string[] = [],
): TownshipFindingSummary[] {
  const byRegion = new Map<string, Finding[]>();
  for (const code of regionCodes) byRegion.set(code, []);
  for (const f of findings) {
    if (f.year !== year) continue;
    const mine = byRegion.get(f.regionCode);
    if (mine) mine.push(f);
    else byRegion.set(f.regionCode, [f]);
  }
  return [...byRegion.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([regionCode, mine]) => summaryOf(regionCode, year, mine));
}

function summaryOf(regionCode: string, year: number, findings: readonly Finding[]): TownshipFindingSummary {
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  const byCodeMap = new Map<FindingCode, FindingTally>();
  for (const f of findings) {
    bySeverity[f.severity] += 1;
    const t = byCodeMap.get(f.code);
    const severity = t && severityRank(t.severity) > severityRank(f.severity) ? t.severity : f.severity;
    byCodeMap.set(f.code, { code: f.code, severity, count: (t?.count ?? 0) + 1 });
  }
  const tallies = [...byCodeMap.values()];
  const byCode = tallies.sort(
    (a, b) =>
      severityRank(b.severity) - severityRank(a.severity) ||
      FINDING_CODES.indexOf(a.code) - FINDING_CODES.indexOf(b.code),
  );
  const total = findings.length;
  return { regionCode, year, total, bySeverity, byCode };
}
