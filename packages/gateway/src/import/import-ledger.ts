import { createHash, randomUUID } from "node:crypto";
import {
  type ImportProgress,
  type ImportRowError,
  importWorkbook,
  writeErrorWorkbook,
} from "@fupin/adapters";
import { chinaDateOf, type LedgerData, sliceLedgerData } from "@fupin/domain";
import type { SqlExecutor, SqlTransaction } from "../context.js";
import { ledgerOfSnapshot, readSnapshotText } from "../graphql/read/snapshot.js";
import {
  duplicateErrors,
  type ImportScope,
  isCrossScopeError,
  keysOf,
  regionsOf,
  ruleErrors,
  scopeErrors,
} from "./import-checks.js";
import { importCounts, matchRosterIds, mergeImport } from "./import-merge.js";
import { writeImport } from "./import-write.js";

/** Who imports: the principal, its region scope, the request and the time. */
export interface ImportCaller {
  readonly principalId: string;
  readonly regionCode: string;
  readonly requestId: string;
  readonly now: Date;
  /** Whether the caller may read personal data (then a conflict outside its scope is shown row by row). */
  readonly readsPersonal?: boolean;
}

/** Progress of an import: rows of the file read and errors so far, then records written. */
export type ImportProgressEvent =
  | ({ readonly phase: "read" } & ImportProgress)
  | { readonly phase: "write"; readonly written: number };

/** Options of `importLedgerFile`. */
export interface LedgerImportOptions {
  readonly fileName: string;
  /** Check everything, write nothing. */
  readonly dryRun: boolean;
  /** Largest file accepted, in bytes. */
  readonly maxBytes: number;
  readonly onProgress?: (event: ImportProgressEvent) => void;
}

/** Created, updated and unchanged records of one kind. */
export interface ImportCount {
  readonly kind: string;
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
}

/** What an import did: the counts when the file was clean, else every error (and nothing written). */
export interface LedgerImportOutcome {
  readonly ok: boolean;
  readonly dryRun: boolean;
  /** Whether the records were written (ok and not a dry run). */
  readonly written: boolean;
  readonly shape: "roster" | "ledger" | null;
  readonly rowsRead: number;
  readonly errors: readonly ImportRowError[];
  readonly counts: readonly ImportCount[];
  readonly skippedSheets: readonly string[];
  /** Codes of the errors about records outside the caller's scope (for the audit; hidden without personal:read). */
  readonly refusedAcrossScopes?: readonly string[];
  readonly sha256: string;
  readonly size: number;
  /** The error workbook (the file with bad cells marked, and a list of errors), or null without errors. */
  errorWorkbook(): Promise<Buffer | null>;
}

/** The caller's scope is above a county: an import needs a county (or a township or village in it). */
export class ImportScopeError extends Error {
  readonly code = "IMPORT.COUNTY_SCOPE_REQUIRED";
}

/** Advisory lock class of imports (with the county as the second key): one import per county at a time. */
const IMPORT_LOCK_CLASS = 7_383_364;

function fileError(code: string, message: string, messageEn: string): ImportRowError {
  return { sheet: "", row: 0, column: "", address: null, value: "", code, message, messageEn };
}

/**
 * Errors about records the caller cannot read, hidden from a caller without personal:read: a dry run
 * answers as if those records did not exist (so many candidates in one file tell nothing), a real
 * import is refused as a whole with one CONFLICT naming no row.
 */
function hideCrossScope(errors: readonly ImportRowError[], dryRun: boolean): ImportRowError[] {
  const inScope = errors.filter((e) => !isCrossScopeError(e));
  if (dryRun) return inScope;
  return [
    ...inScope,
    fileError(
      "CONFLICT",
      "文件与台账中的记录冲突，未导入任何记录（有个人信息读取权限的密钥可查看具体行）",
      "the file conflicts with records of the ledger; nothing was imported (a key with personal:read sees which rows)",
    ),
  ];
}

function byPlace(a: ImportRowError, b: ImportRowError): number {
  return a.sheet.localeCompare(b.sheet) || a.row - b.row || a.column.localeCompare(b.column);
}

function unique(errors: readonly ImportRowError[]): ImportRowError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.sheet}|${e.row}|${e.column}|${e.code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

type Checked = Omit<LedgerImportOutcome, "dryRun" | "written" | "sha256" | "size" | "errorWorkbook"> & {
  readonly write?: (tx: SqlTransaction) => Promise<void>;
};

/** Rows outside the caller's scope; if none, duplicates and broken rules of the merged ledger. */
function recordErrors(
  merged: LedgerData,
  records: Parameters<typeof scopeErrors>[0],
  rows: Parameters<typeof scopeErrors>[3],
  data: LedgerData,
  where: { readonly scope: ImportScope; readonly regions: Parameters<typeof scopeErrors>[1] },
): ImportRowError[] {
  const outside = scopeErrors(records, where.regions, where.scope, rows);
  if (outside.length > 0) return outside;
  return [
    ...duplicateErrors(merged, records, rows, new Set([...where.scope.visible, ...keysOf(data)])),
    ...ruleErrors(merged, records, where.scope, keysOf(data), rows),
  ];
}

async function checkFile(
  tx: SqlTransaction,
  bytes: Uint8Array,
  caller: ImportCaller,
  options: LedgerImportOptions,
  file: { readonly county: string; readonly sha256: string },
): Promise<Checked> {
  const { county } = file;
  const stored: LedgerData = ledgerOfSnapshot(await readSnapshotText(tx, county));
  const visibleLedger = caller.regionCode.length > 6 ? sliceLedgerData(stored, caller.regionCode) : stored;
  const read = await importWorkbook(bytes, options.fileName, {
    countyCode: county,
    // Regions are the public administrative divisions: the scope check below names what is outside.
    regions: stored.regions,
    asOf: chinaDateOf(caller.now),
    onProgress: (p) => options.onProgress?.({ phase: "read", ...p }),
  });
  const base = { shape: read.shape, rowsRead: read.rowsRead, skippedSheets: read.skippedSheets, counts: [] };
  if (!read.ok) {
    const errors = read.fileError
      ? [fileError(read.fileError.code, read.fileError.message, read.fileError.messageEn)]
      : read.errors;
    return { ...base, ok: false, errors };
  }
  const { data, rows } =
    read.shape === "roster"
      ? matchRosterIds(read.data, stored, read.rows)
      : { data: read.data, rows: read.rows };
  const { merged, records } = mergeImport(stored, data, read.shape, rows);
  const scope = { regionCode: caller.regionCode, visible: keysOf(visibleLedger) };
  const regions = { merged: regionsOf(merged), stored: regionsOf(stored) };
  const found = recordErrors(merged, records, rows, data, { scope, regions });
  const refusedAcrossScopes = [...new Set(found.filter(isCrossScopeError).map((e) => e.code))].sort();
  const errors =
    refusedAcrossScopes.length > 0 && !caller.readsPersonal ? hideCrossScope(found, options.dryRun) : found;
  const counts = importCounts(records);
  if (errors.length > 0)
    return { ...base, ok: false, errors: unique(errors).sort(byPlace), refusedAcrossScopes };
  return {
    ...base,
    ok: true,
    errors: [],
    counts,
    refusedAcrossScopes,
    write: async (t) => {
      let written = 0;
      await writeImport(t, {
        stored,
        merged,
        records,
        scope: caller.regionCode,
        stamp: { principalId: caller.principalId, requestId: caller.requestId, at: caller.now },
        summary: {
          action: "create",
          entityType: "ledger_import",
          entityId: randomUUID(),
          countyCode: county,
          before: null,
          after: {
            fileName: options.fileName,
            sha256: file.sha256,
            shape: read.shape,
            rowsRead: read.rowsRead,
            counts,
          },
        },
        onProgress: (n) => {
          written += n;
          options.onProgress?.({ phase: "write", written });
        },
      });
    },
  };
}

/**
 * Imports a ledger workbook (the national person roster or fupin's own ledger workbook) into the
 * caller's county: every row through the domain's input schemas, the records laid over the stored
 * ledger and checked there (scope, duplicates, the ledger's rules), then — only when nothing is
 * wrong and not a dry run — written in one transaction with an audit entry per record and one for
 * the import. Concurrent imports of a county wait for each other.
 */
export async function importLedgerFile(
  sql: SqlExecutor,
  bytes: Uint8Array,
  caller: ImportCaller,
  options: LedgerImportOptions,
): Promise<LedgerImportOutcome> {
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const done = (checked: Omit<Checked, "write">, written: boolean): LedgerImportOutcome => ({
    ...checked,
    dryRun: options.dryRun,
    written,
    sha256,
    size: bytes.byteLength,
    errorWorkbook: async () =>
      checked.errors.length === 0 || checked.shape === null
        ? null
        : writeErrorWorkbook(bytes, checked.errors),
  });
  if (bytes.byteLength > options.maxBytes) {
    const error = fileError(
      "IMPORT.TOO_LARGE",
      `文件过大：${bytes.byteLength} 字节，上限 ${options.maxBytes} 字节`,
      `file too large: ${bytes.byteLength} bytes, the limit is ${options.maxBytes}`,
    );
    return done(
      { ok: false, shape: null, rowsRead: 0, errors: [error], counts: [], skippedSheets: [] },
      false,
    );
  }
  if (caller.regionCode.length < 6)
    throw new ImportScopeError(`an import needs a key scoped to a county or below, not ${caller.regionCode}`);
  const county = caller.regionCode.slice(0, 6);
  return sql.transaction(async (tx) => {
    if (!options.dryRun)
      await tx.query("SELECT pg_advisory_xact_lock($1, $2::int)", [IMPORT_LOCK_CLASS, Number(county)]);
    const { write, ...checked } = await checkFile(tx, bytes, caller, options, { county, sha256 });
    if (!write || options.dryRun) return done(checked, false);
    await write(tx);
    return done(checked, true);
  });
}
