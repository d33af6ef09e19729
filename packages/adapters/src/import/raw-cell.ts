/** A cell as read from a workbook or CSV, before its column's type gives it meaning. */
export type RawCell =
  | { readonly kind: "empty" }
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "number"; readonly value: number }
  | { readonly kind: "date"; readonly date: Date }
  | { readonly kind: "boolean"; readonly value: boolean }
  | { readonly kind: "error"; readonly error: string };

const EMPTY: RawCell = { kind: "empty" };

/** The raw cell of a spreadsheet value: a formula counts as its cached result (an error result stays an error). */
export function toRawCell(value: unknown): RawCell {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === "string") return value.trim() === "" ? EMPTY : { kind: "text", text: value };
  if (typeof value === "number")
    return Number.isNaN(value) ? { kind: "error", error: "#NUM!" } : { kind: "number", value };
  if (typeof value === "boolean") return { kind: "boolean", value };
  if (value instanceof Date) return { kind: "date", date: value };
  const v = value as Record<string, unknown>;
  if (typeof v.error === "string") return { kind: "error", error: v.error };
  if ("formula" in v || "sharedFormula" in v) {
    if (v.result === undefined) return { kind: "error", error: "公式无计算结果" };
    return toRawCell(v.result);
  }
  if (Array.isArray(v.richText))
    return toRawCell(v.richText.map((r: { text?: string }) => r.text ?? "").join(""));
  if (typeof v.text === "string") return toRawCell(v.text);
  return { kind: "text", text: String(value) };
}

/** The text of a raw cell, as a person reads it (for messages and for matching labels). */
export function rawText(cell: RawCell): string {
  switch (cell.kind) {
    case "empty":
      return "";
    case "text":
      return cell.text.trim();
    case "number":
      return String(cell.value);
    case "date":
      return cell.date.toISOString().slice(0, 10);
    case "boolean":
      return cell.value ? "TRUE" : "FALSE";
    case "error":
      return cell.error;
  }
}
