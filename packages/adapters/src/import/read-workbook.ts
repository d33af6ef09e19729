import * as ExcelJS from "@cj-tech-master/excelts";
import { type RawCell, toRawCell } from "./raw-cell.js";

/** A sheet as a grid of raw cells, rows numbered as the spreadsheet numbers them. */
export interface SheetGrid {
  readonly name: string;
  readonly hidden: boolean;
  readonly rows: readonly { readonly number: number; readonly cells: readonly RawCell[] }[];
}

/** Why a file cannot be read at all. */
export interface FileError {
  readonly code: "IMPORT.OLD_XLS" | "IMPORT.ENCRYPTED" | "IMPORT.UNREADABLE";
  readonly message: string;
  readonly messageEn: string;
}

/** What a file is, from its first bytes: an xlsx (zip), an OLE2 container (old .xls or an encrypted workbook), or text. */
export function sniffFormat(bytes: Uint8Array): "xlsx" | "xls" | "encrypted" | "csv" {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return "xlsx";
  const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].every((b, i) => bytes[i] === b);
  if (!ole) return "csv";
  // A password-protected xlsx is an OLE2 container holding an "EncryptionInfo" stream (names in UTF-16LE).
  const marker = Buffer.from("EncryptionInfo", "utf16le");
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(marker) ? "encrypted" : "xls";
}

/** Decodes a CSV's bytes: UTF-8 (with or without BOM), else GBK as Excel saves it on Chinese Windows. */
export function decodeCsv(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return new TextDecoder("gbk").decode(bytes);
  }
}

/** Splits CSV text into rows of fields (quoted fields may hold commas, quotes and line breaks). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') field += text[i++];
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  return rows;
}

// The streaming reader keeps one row at a time; a merged cell reads as empty outside its master.
async function readXlsx(bytes: Uint8Array): Promise<SheetGrid[]> {
  const reader = new ExcelJS.WorkbookReader(bytes, {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    entries: "emit",
  });
  const sheets: SheetGrid[] = [];
  for await (const ws of reader) {
    const rows: { number: number; cells: RawCell[] }[] = [];
    for await (const row of ws) {
      const values = row.values as unknown[];
      const cells: RawCell[] = [];
      for (let c = 1; c < values.length; c++) cells.push(toRawCell(values[c]));
      if (cells.some((c) => c.kind !== "empty")) rows.push({ number: row.number, cells });
    }
    sheets.push({ name: ws.name, hidden: ws.state !== undefined && ws.state !== "visible", rows });
  }
  return sheets;
}

/** Reads a workbook (xlsx) or a CSV into grids; an old .xls or a password-protected file is refused with a clear message. */
export async function readWorkbook(
  bytes: Uint8Array,
  fileName: string,
): Promise<{ ok: true; sheets: SheetGrid[] } | { ok: false; error: FileError }> {
  const format = sniffFormat(bytes);
  if (format === "xls")
    return {
      ok: false,
      error: {
        code: "IMPORT.OLD_XLS",
        message: `“${fileName}”是旧版 Excel 97-2003（.xls）文件：请在 Excel 中另存为 .xlsx 后再导入`,
        messageEn: `${fileName} is an old Excel 97-2003 (.xls) file: save it as .xlsx and import again`,
      },
    };
  if (format === "encrypted")
    return {
      ok: false,
      error: {
        code: "IMPORT.ENCRYPTED",
        message: `“${fileName}”设置了打开密码：请取消密码保护后再导入`,
        messageEn: `${fileName} is password-protected: remove the password and import again`,
      },
    };
  if (format === "csv") {
    const rows = parseCsv(decodeCsv(bytes));
    return {
      ok: true,
      sheets: [
        {
          name: fileName.replace(/\.[^.]*$/, ""),
          hidden: false,
          rows: rows.map((cells, i) => ({ number: i + 1, cells: cells.map(toRawCell) })),
        },
      ],
    };
  }
  try {
    return { ok: true, sheets: await readXlsx(bytes) };
  } catch (error) {
    const reason = (error as Error).message;
    return {
      ok: false,
      error: {
        code: "IMPORT.UNREADABLE",
        message: `无法读取“${fileName}”：${reason}`,
        messageEn: `cannot read ${fileName}: ${reason}`,
      },
    };
  }
}
