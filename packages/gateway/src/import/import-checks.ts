import { cellError, type ImportRowError, type ParsedRow } from "@fupin/adapters";
import {
  checkLedgerRules,
  type LedgerData,
  RECORD_KIND_KEYS,
  RECORD_KINDS,
  type RecordKindKey,
  recordIdOf,
} from "@fupin/domain";
import { LEDGER_TABLES } from "../ledger/tables.js";
import { ledgerRows } from "../seed/seed-ledger.js";
import type { ImportedRecord } from "./import-merge.js";

type Rows = ReadonlyMap<string, ParsedRow>;

/** The key of a record across kinds. */
export const recordKey = (kind: RecordKindKey, id: string) => `${kind}:${id}`;

const KIND_OF_TABLE = new Map(RECORD_KIND_KEYS.map((k) => [LEDGER_TABLES[k].table, k]));

/** The record kind a ledger table stores. */
export function kindOfTable(table: string): RecordKindKey {
  const kind = KIND_OF_TABLE.get(table);
  if (!kind) throw new Error(`no record kind for table ${table}`);
  return kind;
}

/** The region every record of a ledger is filed under (as the database files it), by `recordKey`. */
export function regionsOf(data: LedgerData): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of ledgerRows(data)) {
    const kind = kindOfTable(part.table.table);
    for (const { record, regionCode } of part.rows)
      out.set(recordKey(kind, recordIdOf(kind, record as never)), regionCode);
  }
  return out;
}

/** The keys of every record of a ledger. */
export function keysOf(data: LedgerData): Set<string> {
  const out = new Set<string>();
  for (const kind of RECORD_KIND_KEYS)
    for (const r of data[kind]) out.add(recordKey(kind, recordIdOf(kind, r as never)));
  return out;
}

function referencedIds(value: unknown): readonly string[] {
  if (value === null || value === undefined) return [];
  return Array.isArray(value) ? value.map(String) : [String(value)];
}

/** The row a record came from: its own, else the row of a record it refers to (a roster's monitoring: its head's row). */
function rowOf(rows: Rows, record: ImportedRecord): ParsedRow | undefined {
  const own = rows.get(record.id);
  if (own) return own;
  for (const ref of RECORD_KINDS[record.kind].references)
    for (const id of referencedIds(record.after[ref.field])) if (rows.has(id)) return rows.get(id);
  return undefined;
}

type Problem = Omit<ImportRowError, "sheet" | "row" | "column" | "address" | "value">;

/** An error at a record's row and the cell of `key` (else the row's first cell), showing the cell's text from the file. */
const crossScope = new WeakSet<ImportRowError>();

/**
 * Whether a row error comes from a record the caller cannot read (a duplicate ID number or household
 * number of another township, a rule naming such a record): that it fires at all says the record exists.
 */
export function isCrossScopeError(error: ImportRowError): boolean {
  return crossScope.has(error);
}

function markCrossScope(error: ImportRowError, across: boolean): ImportRowError {
  if (across) crossScope.add(error);
  return error;
}

function rowError(row: ParsedRow | undefined, key: string, e: Problem, value: string): ImportRowError {
  if (row) return cellError(row, row.positions.has(key) ? key : ([...row.positions.keys()][0] ?? key), e);
  return { sheet: "", row: 0, column: "", address: null, value, ...e };
}

/** Where the caller may write: regions under its scope, and (created only) the regions above it. */
export interface ImportScope {
  readonly regionCode: string;
  /** Keys of the stored records the caller can read (its region's ledger with what it refers to). */
  readonly visible: ReadonlySet<string>;
}

/**
 * The records of a file the caller may not write: one filed outside its scope (created, or updated
 * from or to there), or an unchanged one it cannot read. The error is the same whether or not such a
 * record is stored, so an import tells nothing about the ledger outside the caller's scope.
 */
export function scopeErrors(
  records: readonly ImportedRecord[],
  regions: { readonly merged: ReadonlyMap<string, string>; readonly stored: ReadonlyMap<string, string> },
  scope: ImportScope,
  rows: Rows,
): ImportRowError[] {
  const inside = (code: string | undefined) => code?.startsWith(scope.regionCode) === true;
  const errors: ImportRowError[] = [];
  for (const r of records) {
    const key = recordKey(r.kind, r.id);
    const ancestor = r.kind === "regions" && scope.regionCode.startsWith(r.id);
    const allowed =
      r.status === "unchanged"
        ? scope.visible.has(key)
        : r.status === "created"
          ? inside(regions.merged.get(key)) || ancestor
          : inside(regions.merged.get(key)) && inside(regions.stored.get(key));
    if (allowed) continue;
    const field = RECORD_KINDS[r.kind].region?.field ?? RECORD_KINDS[r.kind].references[0]?.field ?? "id";
    errors.push(
      rowError(
        rowOf(rows, r),
        field,
        {
          code: "IMPORT.OUT_OF_SCOPE",
          message: `该行记录不在您的权限范围（${scope.regionCode}）内，不能导入`,
          messageEn: `the row's record lies outside your scope ${scope.regionCode}`,
        },
        "",
      ),
    );
  }
  return errors;
}

/**
 * The ledger's rules (`checkLedgerRules`) over the stored ledger with the file laid over it, about the
 * records the file creates or changes. A violation that names a record the caller cannot read gets a
 * fixed message, without the other record.
 */
export function ruleErrors(
  merged: LedgerData,
  records: readonly ImportedRecord[],
  scope: ImportScope,
  fileKeys: ReadonlySet<string>,
  rows: Rows,
): ImportRowError[] {
  const changed = records.filter((r) => r.status !== "unchanged");
  if (changed.length === 0) return [];
  const byId = new Map(changed.map((r) => [r.id, r]));
  const known = new Set([...scope.visible, ...fileKeys].map((k) => k.slice(k.indexOf(":") + 1)));
  return checkLedgerRules(merged, { about: changed.map((r) => r.id) }).flatMap((v) => {
    const mine = v.recordIds.filter((id) => byId.has(id));
    const hidden = v.recordIds.some((id) => !known.has(id));
    return mine.map((id) =>
      markCrossScope(
        rowError(
          rowOf(rows, byId.get(id)!),
          v.field ?? "id",
          {
            code: v.code,
            message: hidden
              ? `台账校验未通过（${v.code}）：与您权限范围以外的记录冲突`
              : `台账校验未通过：${v.message}`,
            messageEn: hidden ? `${v.code}: conflicts with a record outside your scope` : v.message,
          },
          id,
        ),
        hidden,
      ),
    );
  });
}

/**
 * The unique constraints of the ledger's tables (a household number in the county, a person's ID
 * number) over the merged ledger: a created or changed record sharing its values with another record,
 * of the file or stored, is a duplicate.
 */
export function duplicateErrors(
  merged: LedgerData,
  records: readonly ImportedRecord[],
  rows: Rows,
  known: ReadonlySet<string>,
): ImportRowError[] {
  const errors: ImportRowError[] = [];
  for (const kind of RECORD_KIND_KEYS) {
    const changed = new Map(
      records.filter((r) => r.kind === kind && r.status !== "unchanged").map((r) => [r.id, r]),
    );
    if (changed.size === 0) continue;
    for (const unique of LEDGER_TABLES[kind].uniques) {
      const fields = unique.fields.filter((f) => f !== "countyCode");
      const seen = new Map<string, string[]>();
      for (const r of merged[kind] as readonly Record<string, unknown>[]) {
        const value = fields.map((f) => String(r[f])).join("|");
        seen.set(value, [...(seen.get(value) ?? []), recordIdOf(kind, r as never)]);
      }
      for (const [value, ids] of seen) {
        if (ids.length < 2) continue;
        const across = ids.some((i) => !known.has(recordKey(kind, i)));
        for (const id of ids.filter((i) => changed.has(i)))
          errors.push(
            markCrossScope(
              rowError(
                rowOf(rows, changed.get(id)!),
                fields[0]!,
                {
                  code: unique.failure?.code ?? "IMPORT.DUPLICATE",
                  message: `重复：${fields.join("、")} 为 ${value} 的记录已存在（本文件或台账中）`,
                  messageEn: `duplicate ${fields.join(", ")} ${value}: another record of the file or the ledger has it`,
                },
                value,
              ),
              across,
            ),
          );
      }
    }
  }
  return errors;
}
