import * as ExcelJS from "@cj-tech-master/excelts";
import type { ImportRowError } from "./import-errors.js";
import { sniffFormat } from "./read-workbook.js";

const ERROR_FILL = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFC7CE" } } as const;
const HEADERS = ["工作表", "行", "列", "单元格", "值", "代码", "说明", "Message"];

/**
 * The error workbook of a failed import: the original workbook with each bad cell filled red and
 * its message as a note, plus a sheet 错误清单 listing every error (a CSV gets only the list).
 */
export async function writeErrorWorkbook(
  bytes: Uint8Array,
  errors: readonly ImportRowError[],
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  if (sniffFormat(bytes) === "xlsx")
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  for (const e of errors) {
    const ws = e.address ? wb.getWorksheet(e.sheet) : undefined;
    if (!ws || !e.address) continue;
    const cell = ws.getCell(e.address);
    cell.fill = ERROR_FILL;
    cell.note = `${e.message}\n${e.messageEn}`;
  }
  const list = wb.addWorksheet("错误清单");
  list.addRow(HEADERS).font = { bold: true };
  for (const e of errors)
    list.addRow([e.sheet, e.row, e.column, e.address ?? "", e.value, e.code, e.message, e.messageEn]);
  list.columns.forEach((c, i) => {
    c.width = [14, 6, 14, 8, 24, 28, 60, 60][i];
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
