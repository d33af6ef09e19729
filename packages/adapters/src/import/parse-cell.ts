import { isIsoDate, parseIdNumber, parseYuanToFen, toHalfWidth } from "@fupin/domain";
import type { ProfileColumn } from "../profiles/profile.js";
import { type RawCell, rawText } from "./raw-cell.js";

/** Codes of the ways a cell can be wrong on import. */
export type CellErrorCode =
  | "CELL.FORMULA_ERROR"
  | "CELL.NOT_A_NUMBER"
  | "CELL.NOT_AN_AMOUNT"
  | "CELL.NOT_A_DATE"
  | "CELL.UNKNOWN_LABEL"
  | "CELL.NOT_YES_NO"
  | "CELL.NOT_JSON"
  | "CELL.ID_AS_NUMBER";

/** Why a cell cannot be read: its code and a message in Chinese and in English. */
export interface CellError {
  readonly code: CellErrorCode | string;
  readonly message: string;
  readonly messageEn: string;
}

/** The value of a cell in domain form (text, number, fen, ISO date, code, boolean), or why it cannot be read. */
export type CellResult =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly error: CellError };

const fail = (code: string, message: string, messageEn: string): CellResult => ({
  ok: false,
  error: { code, message, messageEn },
});
const done = (value: unknown): CellResult => ({ ok: true, value });

const _ID_MESSAGES: Readonly<Record<string, string>> = {
  "ID_NUMBER.EMPTY": "身份证号为空",
  "ID_NUMBER.SCIENTIFIC_NOTATION":
    "身份证号被 Excel 显示为科学计数法（如 3.60723E+17），末几位已丢失：请将该列设为文本格式后重新录入",
  "ID_NUMBER.LENGTH": "身份证号应为 18 位",
  "ID_NUMBER.CHARACTERS": "身份证号只能由数字和末位 X 组成",
  "ID_NUMBER.BIRTH_DATE": "身份证号中的出生日期不存在",
  "ID_NUMBER.CHECK_DIGIT": "身份证号校验位不符：可能录错一位，或被 Excel 截成 15 位有效数字（末尾为 000）",
};

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** The ISO date of an Excel date serial (1900 date system, as Excel counts it). */
export function excelSerialToIso(serial: number): string {
  return new Date(EXCEL_EPOCH + Math.round(serial) * 86_400_000).toISOString().slice(0, 10);
}

/** Reads a date typed as `2025-03-01`, `2025/3/1`, `2025.3.1`, `2025年3月1日` or `20250301`; null when it is none of them or not a real day. */
export function parseDateText(text: string): string | null {
  const t = toHalfWidth(text).trim();
  const m =
    /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(t) ??
    /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (!m) return null;
  const iso = `${m[1]}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}`;
  return isIsoDate(iso) ? iso : null;
}

function parseDate(cell: RawCell): CellResult {
  if (cell.kind === "date") return done(cell.date.toISOString().slice(0, 10));
  if (cell.kind === "number" && cell.value > 1 && cell.value < 200_000)
    return done(excelSerialToIso(cell.value));
  const iso = parseDateText(rawText(cell));
  return iso
    ? done(iso)
    : fail("CELL.NOT_A_DATE", `不是有效日期：“${rawText(cell)}”`, `not a date: "${rawText(cell)}"`);
}

function parseAmount(cell: RawCell): CellResult {
  if (cell.kind === "number") {
    const fen = Math.round(cell.value * 100);
    if (Math.abs(fen - cell.value * 100) > 1e-6 || fen < 0)
      return fail(
        "CELL.NOT_AN_AMOUNT",
        `金额最多两位小数且不能为负：${cell.value}`,
        `an amount has at most two decimals and is not negative: ${cell.value}`,
      );
    return done(fen);
  }
  const fen = parseYuanToFen(rawText(cell));
  return fen === null
    ? fail(
        "CELL.NOT_AN_AMOUNT",
        `不是有效金额（元）：“${rawText(cell)}”`,
        `not an amount in yuan: "${rawText(cell)}"`,
      )
    : done(fen);
}

function parseText(cell: RawCell, column: ProfileColumn): CellResult {
  if (column.key === "idNumber" && cell.kind === "number") {
    return fail(
      "CELL.ID_AS_NUMBER",
      `身份证号被存成了数字（${cell.value}），末几位已丢失：请将该列设为文本格式后重新录入`,
      `the ID number was stored as a number (${cell.value}) and its last digits are lost: format the column as text and type it again`,
    );
  }
  // A leading apostrophe is how people force text in Excel; a CSV keeps it literally.
  const text = rawText(cell).replace(/^'/, "");
  if (column.key === "idNumber") {
    const parsed = parseIdNumber(text);
    return parsed.ok
      ? done(parsed.value.idNumber)
      : fail(parsed.error.code, `身份证号无效：${parsed.error.message}`, parsed.error.message);
  }
  return done(cell.kind === "number" ? toHalfWidth(String(cell.value)) : text);
}

function parseLabel(cell: RawCell, labels: Readonly<Record<string, string>>): CellResult {
  const text = toHalfWidth(rawText(cell)).trim();
  const code =
    Object.entries(labels).find(([, label]) => label === text)?.[0] ?? (text in labels ? text : undefined);
  return code !== undefined
    ? done(code)
    : fail(
        "CELL.UNKNOWN_LABEL",
        `“${text}”不在代码表中（可选：${Object.values(labels).join("、")}）`,
        `"${text}" is not in the code table`,
      );
}

/** Reads a cell as its column's type; an empty cell is null, a formula error is refused with its value. */
export function parseCell(
  cell: RawCell,
  column: ProfileColumn,
  labels?: Readonly<Record<string, string>>,
): CellResult {
  if (cell.kind === "empty") return done(null);
  if (cell.kind === "error")
    return fail(
      "CELL.FORMULA_ERROR",
      `单元格为公式错误值 ${cell.error}`,
      `the cell holds the formula error ${cell.error}`,
    );
  switch (column.type) {
    case "text":
      return parseText(cell, column);
    case "integer": {
      const n =
        cell.kind === "number" ? cell.value : Number(toHalfWidth(rawText(cell)).replace(/[,\s]/g, ""));
      return Number.isInteger(n)
        ? done(n)
        : fail("CELL.NOT_A_NUMBER", `不是整数：“${rawText(cell)}”`, `not a whole number: "${rawText(cell)}"`);
    }
    case "amount":
      return parseAmount(cell);
    case "date":
      return parseDate(cell);
    case "label":
      return parseLabel(cell, labels ?? {});
    case "boolean": {
      const t = rawText(cell).toUpperCase();
      if (["是", "Y", "TRUE", "1"].includes(t)) return done(true);
      if (["否", "N", "FALSE", "0"].includes(t)) return done(false);
      return fail(
        "CELL.NOT_YES_NO",
        `应为“是”或“否”：“${rawText(cell)}”`,
        `must be 是 or 否: "${rawText(cell)}"`,
      );
    }
    case "json":
      try {
        return done(JSON.parse(rawText(cell)));
      } catch {
        return fail("CELL.NOT_JSON", `格式无法识别：“${rawText(cell)}”`, `not JSON: "${rawText(cell)}"`);
      }
  }
}
