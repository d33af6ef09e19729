import { z } from "zod";

/** An amount in integer fen (分): 100 fen make one yuan. Never negative in the ledger. */
export type Fen = number;

/** Schema of an amount in fen: a non-negative safe integer. */
export const fenSchema = z
  .number({ error: "must be an amount in fen (a whole number)" })
  .int({ error: "must be a whole number of fen (no fractions of a fen)" })
  .nonnegative({ error: "must not be negative" })
  .max(Number.MAX_SAFE_INTEGER, { error: "is too large" });

/**
 * Converts a yuan text such as "1,234.50", "￥12.5" or "１２.５元" to fen without floating-point
 * arithmetic; null when it is not an amount. Thousands separators must group by three digits.
 */
export function parseYuanToFen(text: string): Fen | null {
  const normalized = toHalfWidth(text)
    .trim()
    .replace(/^[¥￥]\s*|\s*元$/g, "");
  // "1,23" is a typo for 123 or for 1.23: refuse it rather than guess.
  const match = /^(\d{1,3}(?:[,\s]\d{3})+|\d+)(?:\.(\d{1,2}))?$/.exec(normalized);
  if (!match) return null;
  const yuan = Number(match[1]!.replace(/[,\s]/g, ""));
  const cents = Number((match[2] ?? "").padEnd(2, "0"));
  const fen = yuan * 100 + cents;
  return Number.isSafeInteger(fen) ? fen : null;
}

/** Formats fen as yuan with two decimals, e.g. 123456 → "1234.56". */
export function formatFenAsYuan(fen: Fen): string {
  const sign = fen < 0 ? "-" : "";
  const abs = Math.abs(fen);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/** Replaces full-width digits, letters and punctuation (U+FF01–U+FF5E) and the ideographic space by their ASCII forms. */
export function toHalfWidth(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, " ");
}
