import type { ProfileColumn } from "../profiles/profile.js";
import { type RawCell, rawText } from "./raw-cell.js";
import type { SheetGrid } from "./read-workbook.js";

/** Other header texts counties use for the same column. */
const ALIASES: Readonly<Record<string, readonly string[]>> = {
  idNumber: ["证件号码", "身份证号", "身份证号码", "公民身份号码"],
  householdNumber: ["户编号", "户码"],
  name: ["姓名", "成员姓名"],
  relation: ["与户主关系", "与户主的关系"],
  villageCode: ["行政区划代码", "村代码", "区划代码"],
};

const EMPTY: RawCell = { kind: "empty" };
const clean = (text: string) => text.replace(/[\s\n\r]/g, "");

/** Where a sheet's columns are: the header row and each column's position (1-based) by key. */
export interface ColumnLayout {
  readonly headerRow: number;
  readonly positions: ReadonlyMap<string, number>;
}

/**
 * Finds the header row among a sheet's first ten rows: the row naming the most columns, which for
 * two-level merged headers is the lower row (a vertically merged cell reads as its header there).
 */
export function locateColumns(grid: SheetGrid, columns: readonly ProfileColumn[]): ColumnLayout | null {
  let best: ColumnLayout | null = null;
  let above: readonly RawCell[] = [];
  for (const row of grid.rows.slice(0, 10)) {
    // Under a two-level header a vertically merged header is only in the row above: read through to it.
    const width = Math.max(row.cells.length, above.length);
    const cells = Array.from({ length: width }, (_, i) => {
      const c = row.cells[i];
      return c === undefined || c.kind === "empty" ? (above[i] ?? EMPTY) : c;
    });
    above = row.cells;
    const positions = new Map<string, number>();
    cells.forEach((cell, i) => {
      const text = clean(rawText(cell));
      if (text === "") return;
      const column = columns.find(
        (c) => !positions.has(c.key) && (clean(c.header) === text || ALIASES[c.key]?.includes(text)),
      );
      if (column) positions.set(column.key, i + 1);
    });
    if (positions.size > (best?.positions.size ?? 1)) best = { headerRow: row.number, positions };
  }
  return best;
}

const SUBTOTAL = /^(合\s*计|小\s*计|总\s*计|累\s*计)/;

/** Whether a data row is blank or a subtotal row (合计, 小计 in one of its first cells). */
export function isSkippedRow(cells: readonly RawCell[]): boolean {
  if (cells.every((c) => c.kind === "empty")) return true;
  return cells.slice(0, 4).some((c) => c.kind === "text" && SUBTOTAL.test(c.text.trim()));
}
