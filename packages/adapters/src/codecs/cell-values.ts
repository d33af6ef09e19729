import { formatFenAsYuan } from "@fupin/domain";
import type { Profile, ProfileColumn } from "../profiles/profile.js";

/** A cell as written: its value (text, number, date or empty) and its number format. */
export interface CellOut {
  readonly value: string | number | Date | null;
  readonly numFmt?: string;
}

/** Number formats of the column types: text cells for codes and ID numbers, two decimals for yuan, ISO dates. */
export const NUM_FMT = { text: "@", amount: "0.00", date: "yyyy-mm-dd", integer: "0" } as const;

/** Formats a domain value for a column: fen to yuan, ISO date to a date, code to its label, boolean to 是/否. */
export function toCell(column: ProfileColumn, value: unknown, profile: Profile): CellOut {
  const fmt = column.numFmt;
  if (value === null || value === undefined)
    return { value: null, numFmt: fmt ?? (column.type === "text" ? NUM_FMT.text : undefined) };
  switch (column.type) {
    case "text":
      return { value: String(value), numFmt: fmt ?? NUM_FMT.text };
    case "integer":
      return { value: Number(value), numFmt: fmt ?? NUM_FMT.integer };
    case "amount":
      // Two decimals from integer fen, through the text form, so no float arithmetic touches the amount.
      return { value: Number(formatFenAsYuan(Number(value))), numFmt: fmt ?? NUM_FMT.amount };
    case "date": {
      const [y, m, d] = String(value).split("-").map(Number);
      return { value: new Date(Date.UTC(y!, m! - 1, d!)), numFmt: fmt ?? NUM_FMT.date };
    }
    case "label":
      return {
        value: profile.codeTables[column.codeTable!]?.[String(value)] ?? String(value),
        numFmt: NUM_FMT.text,
      };
    case "boolean":
      return { value: value ? "是" : "否", numFmt: NUM_FMT.text };
    case "json":
      return { value: JSON.stringify(value), numFmt: NUM_FMT.text };
  }
}

/** Fills a title template: `{region}`, `{period}`, `{asOf}`. */
export function fillTitle(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}
