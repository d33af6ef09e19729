import type { DomainError, FieldIssue } from "@fupin/domain";
import type { ProfileColumn } from "../profiles/profile.js";
import type { CellError } from "./parse-cell.js";

/** A bad cell or row of an imported file: where (sheet, row, column header), the value, a fixed code, the message in Chinese and English. */
export interface ImportRowError {
  readonly sheet: string;
  readonly row: number;
  readonly column: string;
  /** The cell's address (`G5`) where the column is in the sheet. */
  readonly address: string | null;
  readonly value: string;
  readonly code: string;
  readonly message: string;
  readonly messageEn: string;
}

/** A data row of a sheet read by its profile: values by column key in domain form, and the text of each cell. */
export interface ParsedRow {
  readonly sheet: string;
  readonly row: number;
  readonly values: Record<string, unknown>;
  readonly texts: Readonly<Record<string, string>>;
  readonly columns: readonly ProfileColumn[];
  /** Each present column's position (1-based) by key. */
  readonly positions: ReadonlyMap<string, number>;
  /** Keys of the cells that could not be read (already reported). */
  readonly failed: Set<string>;
}

/** The letters of a column number (1 → A, 27 → AA). */
export function columnLetters(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** The error of one cell of a row. */
export function cellError(row: ParsedRow, key: string, e: CellError): ImportRowError {
  const column = row.columns.find((c) => c.key === key);
  const at = row.positions.get(key);
  return {
    sheet: row.sheet,
    row: row.row,
    column: column?.header ?? key,
    address: at === undefined ? null : `${columnLetters(at)}${row.row}`,
    value: row.texts[key] ?? "",
    code: e.code,
    message: e.message,
    messageEn: e.messageEn,
  };
}

const FIELD_MESSAGES: Readonly<Record<string, string>> = {
  "must not be before the registration year": "不能早于识别年度",
  "an exited or relapsed household needs its exit year": "已脱贫或返贫户须填写脱贫年度",
  "a household still in poverty has no exit year": "未脱贫户不应填写脱贫年度",
};

/** The errors of a record the domain refused, one per field issue, each at its column when the sheet has it. */
export function domainErrors(
  row: ParsedRow,
  error: DomainError,
  keyOf: (path: string) => string = (p) => p.split(".")[0]!,
): ImportRowError[] {
  const issues: readonly FieldIssue[] = error.issues?.length
    ? error.issues
    : [{ path: "", message: error.message }];
  return issues.flatMap((issue) => {
    const key = keyOf(issue.path);
    // A cell already refused on reading is not reported twice.
    if (row.failed.has(key)) return [];
    const zh = FIELD_MESSAGES[issue.message] ?? `不符合要求：${issue.message}`;
    return cellError(row, key, {
      code: issue.code ?? error.code,
      message: zh,
      messageEn: `${issue.path || "record"}: ${issue.message}`,
    });
  });
}
