import {
  createLedger,
  emptyLedgerData,
  type LedgerData,
  type LedgerViolation,
  type Region,
} from "@fupin/domain";
import type { Profile, ProfileColumn } from "../profiles/profile.js";
import { loadProfile } from "../profiles/registry.js";
import type { ImportRowError, ParsedRow } from "./import-errors.js";
import { isLedgerCollection, ledgerSheetRecords } from "./ledger-workbook.js";
import { locateColumns } from "./locate-columns.js";
import { ImportLog, type ImportProgress, readRows } from "./read-rows.js";
import { type FileError, readWorkbook, type SheetGrid } from "./read-workbook.js";
import { rosterRecords } from "./roster.js";

/** Options of an import: the county, its known regions (to resolve village names), the date (for ages) and a progress callback. */
export interface ImportOptions {
  readonly countyCode: string;
  readonly regions: readonly Region[];
  readonly asOf: string;
  readonly onProgress?: (progress: ImportProgress) => void;
}

/** The outcome of reading a workbook: the records (nothing is written here) or every error; a file that cannot be read at all has a file error. */
export type ImportResult =
  | {
      readonly ok: true;
      readonly shape: "roster" | "ledger";
      readonly data: LedgerData;
      readonly counts: Readonly<Record<string, number>>;
      /** The row each record came from, by record id (a region by its code). */
      readonly rows: ReadonlyMap<string, ParsedRow>;
      readonly rowsRead: number;
      readonly skippedSheets: readonly string[];
    }
  | {
      readonly ok: false;
      readonly shape: "roster" | "ledger" | null;
      readonly errors: readonly ImportRowError[];
      readonly fileError: FileError | null;
      readonly rowsRead: number;
      readonly skippedSheets: readonly string[];
    };

/** Extra roster columns read on import beside the export profile's. */
const ROSTER_EXTRA: readonly ProfileColumn[] = [{ key: "villageCode", header: "行政区划代码", type: "text" }];
const ROSTER_REQUIRED = ["householdNumber", "name", "idNumber", "relation"];

function profileOf(name: "province-households" | "ledger"): Profile {
  const p = loadProfile(name);
  if (!p.ok) throw new Error(p.error.message);
  return p.value;
}

function violationErrors(
  violations: readonly LedgerViolation[],
  rowOf: ReadonlyMap<string, ParsedRow>,
): ImportRowError[] {
  return violations.flatMap((v) => {
    const rows = v.recordIds.flatMap((id) => (rowOf.has(id) ? [rowOf.get(id)!] : []));
    return (rows.length > 0 ? rows : [undefined]).map((row) => ({
      sheet: row?.sheet ?? "",
      row: row?.row ?? 0,
      column: "",
      address: null,
      value: v.recordIds.join(","),
      code: v.code,
      message: `台账校验未通过：${v.message}`,
      messageEn: v.message,
    }));
  });
}

function importRoster(grids: readonly SheetGrid[], options: ImportOptions, log: ImportLog) {
  const profile = profileOf("province-households");
  const columns = [...profile.sheets[0]!.columns, ...ROSTER_EXTRA];
  const grid =
    grids.find((g) => (locateColumns(g, columns)?.positions.size ?? 0) >= ROSTER_REQUIRED.length) ?? grids[0];
  const rows = grid ? (readRows(grid, columns, profile, log, ROSTER_REQUIRED) ?? []) : [];
  const records = rosterRecords(rows, options.regions, options.countyCode, options.asOf, log.errors);
  const data: LedgerData = {
    ...emptyLedgerData(options.countyCode),
    regions: options.regions,
    households: records.households,
    members: records.members,
    monitorings: records.monitorings,
  };
  return { data, rowOf: records.rowOf };
}

function importLedgerWorkbook(grids: readonly SheetGrid[], options: ImportOptions, log: ImportLog) {
  const profile = profileOf("ledger");
  const rowOf = new Map<string, ParsedRow>();
  const data: Record<string, unknown> = { ...emptyLedgerData(options.countyCode) };
  for (const sheet of profile.sheets) {
    const grid = grids.find((g) => g.name === sheet.name);
    if (!grid || !isLedgerCollection(sheet.rows)) continue;
    const rows = readRows(grid, sheet.columns, profile, log, [sheet.columns[0]!.key]) ?? [];
    data[sheet.rows] = ledgerSheetRecords(sheet.rows, rows, options.asOf, log.errors, rowOf);
  }
  return { data: data as unknown as LedgerData, rowOf };
}

/**
 * Reads a ledger workbook — the national person roster (人口名单) or fupin's own ledger workbook —
 * through the domain's input schemas and the ledger's invariants. Hidden sheets are skipped. Any
 * error means no records: the caller writes nothing unless `ok`.
 */
export async function importWorkbook(
  bytes: Uint8Array,
  fileName: string,
  options: ImportOptions,
): Promise<ImportResult> {
  const read = await readWorkbook(bytes, fileName);
  if (!read.ok)
    return { ok: false, shape: null, errors: [], fileError: read.error, rowsRead: 0, skippedSheets: [] };
  const skippedSheets = read.sheets.filter((s) => s.hidden).map((s) => s.name);
  const grids = read.sheets.filter((s) => !s.hidden);
  const ledgerNames = new Set(profileOf("ledger").sheets.map((s) => s.name));
  const shape = grids.some((g) => ledgerNames.has(g.name)) ? "ledger" : "roster";
  const log = new ImportLog(options.onProgress);
  const { data, rowOf } =
    shape === "ledger" ? importLedgerWorkbook(grids, options, log) : importRoster(grids, options, log);
  if (log.errors.length === 0) {
    const ledger = createLedger(
      shape === "roster" || data.regions.length > 0 ? data : { ...data, regions: options.regions },
    );
    if (!ledger.ok) log.errors.push(...violationErrors(ledger.error.violations, rowOf));
  }
  log.report();
  if (log.errors.length > 0)
    return { ok: false, shape, errors: log.errors, fileError: null, rowsRead: log.rowsRead, skippedSheets };
  const counts = Object.fromEntries(
    Object.entries(data).flatMap(([k, v]) => (Array.isArray(v) && k !== "regions" ? [[k, v.length]] : [])),
  );
  return { ok: true, shape, data, counts, rows: rowOf, rowsRead: log.rowsRead, skippedSheets };
}
