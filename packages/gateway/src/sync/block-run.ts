import { chinaDateOf, createRectification, type LedgerData, type RuleViolation } from "@fupin/domain";
import { writeLedger } from "../graphql/write/transaction.js";
import { rectificationTable } from "../ledger/rectification/rectification.table.js";
import type { PreparedReport } from "../reports/report-data.js";
import { violationSummary } from "../reports/submissions.js";
import { type SyncDeps, syncContext } from "./sync-context.js";
import { changeRun, type SyncRunView } from "./sync-runs.js";

/** Days a township gets to put a blocked report right (the rectification's deadline). */
export const RECTIFICATION_DAYS = 10;

/** The township of a ledger record: its own township, village or region code, or its household's village. */
function townshipOfRecord(record: Record<string, unknown>, ledger: LedgerData): string | null {
  for (const field of ["townshipCode", "villageCode", "regionCode"]) {
    const code = record[field];
    if (typeof code === "string" && code.length >= 9) return code.slice(0, 9);
  }
  const household = ledger.households.find((h) => h.id === record.householdId);
  return household ? household.villageCode.slice(0, 9) : null;
}

/** The township (9 digits) a violation is about: from its scope key (a township, 户编号 or row key), else from the records behind it. */
export function violationTownship(v: RuleViolation, ledger: LedgerData): string | null {
  const byNumber = ledger.households.find((h) => h.householdNumber === v.scopeKey);
  if (byNumber) return byNumber.villageCode.slice(0, 9);
  const fromKey = /^([0-9]{9})(?:[^0-9]|$)/.exec(v.scopeKey)?.[1];
  if (fromKey) return fromKey;
  const ids = new Set([...v.left.refs, ...v.right.refs].flatMap((r) => r.recordIds));
  for (const records of Object.values(ledger)) {
    if (!Array.isArray(records)) continue;
    for (const record of records as Record<string, unknown>[]) {
      if (!ids.has(record.id as string)) continue;
      const township = townshipOfRecord(record, ledger);
      if (township) return township;
    }
  }
  return null;
}

/** The township's fixed person (固定人员) on a date, or a placeholder saying there is none. */
function responsiblePerson(ledger: LedgerData, township: string, date: string): string {
  const person = ledger.responsibilities.find(
    (r) =>
      r.kind === "township_fixed_person" &&
      r.townshipCode === township &&
      r.validFrom <= date &&
      (r.validTo === null || r.validTo >= date),
  );
  return person?.personName ?? "（乡镇未明确固定人员）";
}

/** The violations as the run history keeps them (the same summary a refused submission gives). */
export { violationSummary };

/**
 * Blocks a run on error-level violations: stores them on the run and opens one rectification per
 * township involved, for its fixed person, through the ledger's audited write path. Nothing is frozen or sent.
 */
export async function blockRun(
  deps: SyncDeps,
  run: SyncRunView,
  report: PreparedReport,
  errors: readonly RuleViolation[],
): Promise<string[]> {
  const ctx = syncContext(deps, run);
  const today = chinaDateOf(deps.now());
  const deadline = new Date(Date.parse(`${today}T00:00:00Z`) + RECTIFICATION_DAYS * 86_400_000)
    .toISOString()
    .slice(0, 10);
  const byTownship = new Map<string, RuleViolation[]>();
  for (const v of errors) {
    const township = violationTownship(v, report.ledger);
    if (township) byTownship.set(township, [...(byTownship.get(township) ?? []), v]);
  }
  const ids = await writeLedger(ctx, async (w) => {
    const opened: string[] = [];
    for (const [township, violations] of byTownship) {
      const id = `sync-${run.id}-${run.attempts}-${township}`;
      const codes = [...new Set(violations.map((v) => v.code))].join(", ");
      const r = createRectification({
        id,
        townshipCode: township,
        problem:
          `${run.profile} ${run.period} 报表未通过一致性校验（${codes}），不得报送：${violations[0]!.message}`.slice(
            0,
            1000,
          ),
        source: "check",
        findingCode: violations[0]!.code.slice(0, 64),
        foundDate: today,
        responsiblePerson: responsiblePerson(report.ledger, township, today),
        deadline,
      });
      if (!r.ok) throw new Error(`rectification of run ${run.id}: ${r.error.message}`);
      await w.insert(rectificationTable, r.value, township);
      opened.push(id);
    }
    return opened;
  });
  await changeRun(
    deps.sql,
    run.id,
    "status = 'blocked', violations = $2, rectification_ids = $3, finished_at = $4, error = $5",
    [
      JSON.stringify(violationSummary(errors)),
      JSON.stringify(ids),
      deps.now(),
      `blocked: ${errors.length} error-level consistency violation(s), first ${errors[0]!.code}`,
    ],
    deps.now(),
  );
  return ids;
}
