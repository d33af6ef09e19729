import type { Writable } from "node:stream";
import * as ExcelJS from "@cj-tech-master/excelts";
import type { SheetRow } from "../profiles/dataset-rows.js";
import type { Profile, ProfileSheet } from "../profiles/profile.js";
import { fillTitle, toCell } from "./cell-values.js";

/** A sheet to write: the profile's sheet and its rows (an iterable, consumed once, row by row). */
export interface SheetInput {
  readonly sheet: ProfileSheet;
  readonly rows: Iterable<SheetRow> | AsyncIterable<SheetRow>;
}

/** Options of `writeXlsx`: title placeholders and a progress callback (rows written so far). */
export interface XlsxWriteOptions {
  readonly titleValues?: Readonly<Record<string, string>>;
  readonly onProgress?: (rowsWritten: number) => void;
}

// Let the zip stream drain every so many rows: without it the whole workbook waits in memory.
const YIELD_EVERY = 500;
const HEADER_STYLE = {
  font: { bold: true },
  alignment: { horizontal: "center", vertical: "middle", wrapText: true },
} as const;

type Sheet = ExcelJS.WorksheetWriter;

function writeHeaders(ws: Sheet, sheet: ProfileSheet, titles: readonly string[]): number {
  const n = sheet.columns.length;
  let row = 0;
  for (const title of titles) {
    row++;
    const r = ws.addRow([title]);
    r.getCell(1).style = { font: { bold: true, size: 14 }, alignment: { horizontal: "center" } };
    ws.mergeCells(row, 1, row, n);
    r.commit();
  }
  const grouped = sheet.columns.some((c) => c.group !== undefined);
  const upper = ws.addRow(sheet.columns.map((c) => c.group ?? c.header));
  const lower = grouped
    ? ws.addRow(sheet.columns.map((c) => (c.group === undefined ? null : c.header)))
    : null;
  for (const r of lower ? [upper, lower] : [upper]) {
    for (let i = 1; i <= n; i++) r.getCell(i).style = HEADER_STYLE;
  }
  // A streamed row cannot be merged once committed: merge first, then commit both header rows.
  const top = row + 1;
  for (let i = 0; lower && i < n; ) {
    const group = sheet.columns[i]!.group;
    let j = i;
    while (group !== undefined && j + 1 < n && sheet.columns[j + 1]!.group === group) j++;
    if (group === undefined) ws.mergeCells(top, i + 1, top + 1, i + 1);
    else if (j > i) ws.mergeCells(top, i + 1, top, j + 1);
    i = j + 1;
  }
  upper.commit();
  lower?.commit();
  return top + (lower ? 1 : 0);
}

async function writeSheet(
  wb: ExcelJS.WorkbookWriter,
  profile: Profile,
  input: SheetInput,
  options: XlsxWriteOptions,
  count: { rows: number },
) {
  const { sheet } = input;
  const titles = sheet.titleRows.map((t) => fillTitle(t, options.titleValues ?? {}));
  const headerRows = titles.length + (sheet.columns.some((c) => c.group) ? 2 : 1);
  const ws = wb.addWorksheet(sheet.name, { views: [{ state: "frozen", ySplit: headerRows }] });
  ws.columns = sheet.columns.map((c) => ({ width: c.width ?? Math.max(8, c.header.length * 2 + 2) }));
  writeHeaders(ws, sheet, titles);
  for await (const row of input.rows) {
    const cells = sheet.columns.map((c) => toCell(c, row[c.key], profile));
    const r = ws.addRow(cells.map((c) => c.value));
    cells.forEach((c, i) => {
      if (c.numFmt) r.getCell(i + 1).numFmt = c.numFmt;
    });
    r.commit();
    if (++count.rows % YIELD_EVERY === 0) {
      options.onProgress?.(count.rows);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  ws.commit();
}

/**
 * Writes a workbook of a profile to a stream, one row at a time (each committed, so memory does
 * not grow with the rows): title rows merged across the sheet, one or two header rows (a group's
 * cell merged over its columns), then the data with ID numbers and codes as text, yuan with two
 * decimals and dates as dates. Resolves when the stream has the whole file.
 */
export async function writeXlsx(
  profile: Profile,
  sheets: readonly SheetInput[],
  stream: Writable,
  options: XlsxWriteOptions = {},
): Promise<number> {
  const wb = new ExcelJS.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  wb.creator = "fupin";
  wb.created = new Date(0);
  wb.modified = new Date(0);
  const count = { rows: 0 };
  for (const input of sheets) await writeSheet(wb, profile, input, options, count);
  const done = new Promise<void>((resolve, reject) => {
    stream.once("finish", resolve);
    stream.once("error", reject);
  });
  await wb.commit();
  await done;
  options.onProgress?.(count.rows);
  return count.rows;
}
