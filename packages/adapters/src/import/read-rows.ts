import type { Profile, ProfileColumn } from "../profiles/profile.js";
import { cellError, type ImportRowError, type ParsedRow } from "./import-errors.js";
import { isSkippedRow, locateColumns } from "./locate-columns.js";
import { parseCell } from "./parse-cell.js";
import { rawText } from "./raw-cell.js";
import type { SheetGrid } from "./read-workbook.js";

/** Progress of a long import: rows read so far and errors found so far. */
export interface ImportProgress {
  readonly rowsRead: number;
  readonly errors: number;
}

/** Collects errors and reports progress every thousand rows. */
export class ImportLog {
  readonly errors: ImportRowError[] = [];
  rowsRead = 0;
  constructor(private readonly onProgress?: (p: ImportProgress) => void) {}
  /** Counts a row read. */
  row(): void {
    if (++this.rowsRead % 1000 === 0) this.report();
  }
  /** Reports progress now. */
  report(): void {
    this.onProgress?.({ rowsRead: this.rowsRead, errors: this.errors.length });
  }
}

/**
 * Reads the data rows of a sheet through a profile sheet's columns: finds the header row (under any
 * title rows), skips blank and subtotal rows, and parses each present column by its type. A cell that
 * cannot be read is logged as an error and left out of the row's values.
 */
export function readRows(
  grid: SheetGrid,
  columns: readonly ProfileColumn[],
  profile: Profile,
  log: ImportLog,
  required: readonly string[],
): ParsedRow[] | null {
  const layout = locateColumns(grid, columns);
  const missing = required.filter((k) => !layout?.positions.has(k));
  if (!layout || missing.length > 0) {
    const headers = missing.map((k) => columns.find((c) => c.key === k)?.header ?? k).join("、");
    log.errors.push({
      sheet: grid.name,
      row: layout?.headerRow ?? 1,
      column: headers,
      address: null,
      value: "",
      code: "IMPORT.MISSING_COLUMNS",
      message: `找不到表头：${headers}`,
      messageEn: `header not found: ${missing.join(", ")}`,
    });
    return null;
  }
  const present = columns.filter((c) => layout.positions.has(c.key));
  const rows: ParsedRow[] = [];
  for (const r of grid.rows) {
    if (r.number <= layout.headerRow || isSkippedRow(r.cells)) continue;
    log.row();
    const texts: Record<string, string> = {};
    const values: Record<string, unknown> = {};
    const parsed: ParsedRow = {
      sheet: grid.name,
      row: r.number,
      values,
      texts,
      columns,
      positions: layout.positions,
      failed: new Set(),
    };
    for (const column of present) {
      const cell = r.cells[layout.positions.get(column.key)! - 1] ?? { kind: "empty" as const };
      texts[column.key] = rawText(cell);
      const result = parseCell(
        cell,
        column,
        column.codeTable ? profile.codeTables[column.codeTable] : undefined,
      );
      if (result.ok) {
        if (result.value !== null) values[column.key] = result.value;
      } else {
        parsed.failed.add(column.key);
        log.errors.push(cellError(parsed, column.key, result.error));
      }
    }
    rows.push(parsed);
  }
  return rows;
}
