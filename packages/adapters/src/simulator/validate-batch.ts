import type { Profile, ProfileColumn } from "../profiles/profile.js";
import { loadProfile } from "../profiles/registry.js";

/** A row the platform refused: its sheet, batch, index in the batch, its key (户编号, project id …) and why. */
export interface RejectedRow {
  readonly sheet: string;
  readonly batch: number;
  readonly row: number;
  readonly key: string | null;
  readonly field: string | null;
  readonly reason: string;
}

/** A batch as a platform receives it (the shape `jsonBatches` writes). */
export interface ReceivedBatch {
  readonly profile: string;
  readonly sheet: string;
  readonly batch: number;
  readonly meta: Readonly<Record<string, string>>;
  readonly rows: readonly Readonly<Record<string, unknown>>[];
}

/** Why a whole batch is refused (HTTP 422): the field at fault and what is wrong. */
export interface BatchError {
  readonly field: string;
  readonly message: string;
}

const AMOUNT = /^-?[0-9]+\.[0-9]{2}$/;
const DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;
const KEY_COLUMNS = ["idNumber", "householdNumber", "projectId", "id", "township"] as const;

function cellProblem(column: ProfileColumn, value: unknown, profile: Profile): string | null {
  if (value === null) return null;
  switch (column.type) {
    case "integer":
      return Number.isInteger(value) ? null : "must be a whole number";
    case "amount":
      return typeof value === "string" && AMOUNT.test(value) ? null : "must be yuan with two decimals";
    case "date":
      return typeof value === "string" && DATE.test(value) ? null : "must be a date YYYY-MM-DD";
    case "boolean":
      return typeof value === "boolean" ? null : "must be true or false";
    case "label": {
      const labels = Object.values(profile.codeTables[column.codeTable!] ?? {});
      return typeof value === "string" && labels.includes(value)
        ? null
        : `is not a label of ${column.codeTable}`;
    }
    default:
      return typeof value === "string" ? null : "must be text";
  }
}

/** The key a platform names a row by: its ID number, 户编号, project id or township. */
export function rowKey(row: Readonly<Record<string, unknown>>): string | null {
  const key = KEY_COLUMNS.find((k) => typeof row[k] === "string");
  return key ? String(row[key]) : null;
}

/** Checks a batch's envelope against the platform's profiles; the profile and sheet when it is well formed. */
export function checkBatchEnvelope(
  body: unknown,
  accepted: readonly string[],
): { ok: true; profile: Profile; batch: ReceivedBatch } | { ok: false; error: BatchError } {
  const fail = (field: string, message: string) => ({ ok: false as const, error: { field, message } });
  if (typeof body !== "object" || body === null) return fail("body", "must be a JSON object");
  const b = body as Record<string, unknown>;
  if (typeof b.profile !== "string" || !accepted.includes(b.profile))
    return fail("profile", `must be one of ${accepted.join(", ")}`);
  const profile = loadProfile(b.profile);
  if (!profile.ok) return fail("profile", profile.error.message);
  if (!profile.value.sheets.some((s) => s.name === b.sheet))
    return fail("sheet", "no such sheet in the profile");
  if (!Number.isInteger(b.batch) || (b.batch as number) < 0)
    return fail("batch", "must be a whole number ≥ 0");
  const meta = b.meta as Record<string, unknown> | undefined;
  for (const key of ["regionCode", "period", "asOf"])
    if (typeof meta?.[key] !== "string") return fail(`meta.${key}`, "is required");
  if (!Array.isArray(b.rows)) return fail("rows", "must be a list");
  if (b.rows.length > profile.value.transport.batchSize)
    return fail("rows", `at most ${profile.value.transport.batchSize} rows a batch`);
  return { ok: true, profile: profile.value, batch: b as unknown as ReceivedBatch };
}

function rowProblem(
  columns: readonly ProfileColumn[],
  keys: ReadonlySet<string>,
  row: Readonly<Record<string, unknown>>,
  profile: Profile,
): { field: string | null; reason: string } | null {
  if (typeof row !== "object" || row === null) return { field: null, reason: "must be an object" };
  const extra = Object.keys(row).find((k) => !keys.has(k));
  if (extra !== undefined) return { field: extra, reason: "is not a column of the sheet" };
  for (const column of columns) {
    if (!(column.key in row)) return { field: column.key, reason: "is missing" };
    const problem = cellProblem(column, row[column.key], profile);
    if (problem) return { field: column.key, reason: problem };
  }
  return null;
}

/** The rows of a well-formed batch that do not match the profile's columns: unknown or missing keys, wrong types, unknown labels. */
export function rejectedRows(profile: Profile, batch: ReceivedBatch): RejectedRow[] {
  const sheet = profile.sheets.find((s) => s.name === batch.sheet)!;
  const keys = new Set(sheet.columns.map((c) => c.key));
  const out: RejectedRow[] = [];
  batch.rows.forEach((row, i) => {
    const problem = rowProblem(sheet.columns, keys, row, profile);
    if (problem) out.push({ sheet: batch.sheet, batch: batch.batch, row: i, key: rowKey(row), ...problem });
  });
  return out;
}
