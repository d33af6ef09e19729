import { currentStage, type LedgerData, type Project } from "@fupin/domain";
import { appendAuditEntries } from "../audit/audit-writer.js";
import type { AuditEntry, SqlTransaction } from "../context.js";
import { createWriter } from "../graphql/write/transaction.js";
import { relocateHousehold } from "../ledger/households/relocate-household.js";
import type { LedgerTable } from "../ledger/ledger-table.js";
import { LEDGER_TABLES } from "../ledger/tables.js";
import { insertRows, ledgerRows, type TableRows } from "../seed/seed-ledger.js";
import { kindOfTable, recordKey, regionsOf } from "./import-checks.js";
import type { ImportedRecord } from "./import-merge.js";

/** Audit entries appended per statement: 11 parameters each, under PostgreSQL's 65,535. */
const AUDIT_CHUNK = 5000;

type Stamp = Pick<AuditEntry, "principalId" | "requestId" | "at">;

/** Progress of the write: rows written so far. */
export type WriteProgress = (written: number) => void;

async function insertCreated(
  tx: SqlTransaction,
  merged: LedgerData,
  created: ReadonlySet<string>,
  onRow: WriteProgress,
): Promise<Omit<AuditEntry, keyof Stamp>[]> {
  const entries: Omit<AuditEntry, keyof Stamp>[] = [];
  for (const part of ledgerRows(merged)) {
    const kind = kindOfTable(part.table.table);
    const table = part.table as LedgerTable<Record<string, unknown>>;
    const rows = part.rows.filter(({ record }) =>
      created.has(recordKey(kind, String((record as Record<string, unknown>)[table.key]))),
    );
    if (rows.length === 0) continue;
    const slice: TableRows = { table, rows };
    await insertRows(tx.client, slice);
    onRow(rows.length);
    for (const { record, regionCode } of rows)
      entries.push({
        action: "create",
        entityType: table.entityType,
        entityId: String((record as Record<string, unknown>)[table.key]),
        countyCode: regionCode.length < 6 ? regionCode : regionCode.slice(0, 6),
        before: null,
        after: record,
      });
  }
  return entries;
}

/**
 * Writes what an import creates and changes, inside the caller's transaction: new records with
 * multi-row INSERTs in foreign-key order, changed ones one UPDATE each (a household moved to
 * another village takes its rows with it), every record's audit entry (before and after) and one
 * entry for the import itself. Any failure rolls the whole import back.
 */
export async function writeImport(
  tx: SqlTransaction,
  input: {
    readonly stored: LedgerData;
    readonly merged: LedgerData;
    readonly records: readonly ImportedRecord[];
    readonly scope: string;
    readonly stamp: Stamp;
    readonly summary: Omit<AuditEntry, keyof Stamp>;
    readonly onProgress?: WriteProgress;
  },
): Promise<void> {
  const { stored, merged, records, stamp } = input;
  const onRow = input.onProgress ?? (() => undefined);
  const created = new Set(records.filter((r) => r.status === "created").map((r) => recordKey(r.kind, r.id)));
  const entries: AuditEntry[] = [];
  const audit = (e: Omit<AuditEntry, keyof Stamp>) => entries.push({ ...e, ...stamp });
  for (const e of await insertCreated(tx, merged, created, onRow)) audit(e);
  const [before, after] = [regionsOf(stored), regionsOf(merged)];
  const writer = createWriter(tx, input.scope, audit);
  for (const r of records.filter((x) => x.status === "updated")) {
    const key = recordKey(r.kind, r.id);
    const table = LEDGER_TABLES[r.kind] as unknown as LedgerTable<Record<string, unknown>>;
    const region = after.get(key)!;
    const next =
      r.kind === "projects"
        ? { ...r.after, currentStage: currentStage(r.after as unknown as Project) }
        : r.after;
    const was = { record: r.before!, regionCode: before.get(key)!, countyCode: region.slice(0, 6) };
    await writer.update(table, was, next, region);
    if (r.kind === "households" && before.get(key) !== region) await relocateHousehold(writer, r.id, region);
    onRow(1);
  }
  audit(input.summary);
  for (let i = 0; i < entries.length; i += AUDIT_CHUNK)
    await appendAuditEntries(tx.client, entries.slice(i, i + AUDIT_CHUNK));
}
