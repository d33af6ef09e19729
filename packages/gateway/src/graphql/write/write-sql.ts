import type { AuditEntry } from "../../context.js";
import type { LedgerTable } from "../../ledger/ledger-table.js";
import type { Stored } from "../../ledger/ledger-writer.js";

/** An audit entry of a write before its stamp (principal, request, time). */
export type UnstampedEntry = Omit<AuditEntry, "principalId" | "requestId" | "at">;

/** The audit entry of a record created, but its county. */
export function createdImage<T>(table: LedgerTable<T>, record: T): Omit<UnstampedEntry, "countyCode"> {
  return {
    action: "create",
    entityType: table.entityType,
    entityId: String(record[table.key]),
    before: null,
    after: record,
  };
}

/** The audit entry of a record created in `countyCode`. */
export function createdEntry<T>(table: LedgerTable<T>, record: T, countyCode: string): UnstampedEntry {
  const image = createdImage(table, record);
  return {
    action: image.action,
    entityType: image.entityType,
    entityId: image.entityId,
    countyCode,
    before: image.before,
    after: image.after,
  };
}

/**
 * An entry with its stamp (who, which request, when), every field named. Not `{ ...entry, ...stamp }`:
 * a per-request object spread and extended is the pattern that, on the direct path's hook payloads,
 * made V8 promote every request's objects (measured with --trace-gc-nvp).
 */
export function stamped<E extends Partial<UnstampedEntry>>(
  entry: E,
  stamp: Pick<AuditEntry, "principalId" | "requestId" | "at">,
): E & Pick<AuditEntry, "principalId" | "requestId" | "at"> {
  return {
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    countyCode: entry.countyCode,
    before: entry.before,
    after: entry.after,
    principalId: stamp.principalId,
    requestId: stamp.requestId,
    at: stamp.at,
  } as E & Pick<AuditEntry, "principalId" | "requestId" | "at">;
}

/** The audit entry of a record updated from `before` to `after`. */
export function updatedEntry<T>(table: LedgerTable<T>, before: Stored<T>, after: T): UnstampedEntry {
  const entityId = String(after[table.key]);
  const { countyCode } = before;
  return {
    action: "update",
    entityType: table.entityType,
    entityId,
    countyCode,
    before: before.record,
    after,
  };
}

/** A value as a statement parameter: arrays and objects as JSON text (jsonb columns). */
export function toParam(value: unknown): unknown {
  return value !== null && typeof value === "object" ? JSON.stringify(value) : value;
}

/** The record a row read as JSON (`to_jsonb(t.*)`) holds, by the table's columns. */
export function recordOf<T>(table: LedgerTable<T>, row: Record<string, unknown>): T {
  const out: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(table.columns) as [string, string][]) out[field] = row[column];
  return out as T;
}

const stored = new WeakMap<object, { fields: string[]; columns: string[] }>();

/** The record fields a writer stores besides the scope columns (region_code is the row's region), and their columns: once per table. */
function storedFields<T>(table: LedgerTable<T>): { fields: (keyof T & string)[]; columns: string[] } {
  let found = stored.get(table);
  if (!found) {
    const fields = Object.keys(table.columns).filter(
      (f) => table.columns[f as keyof T & string] !== "region_code",
    );
    found = { fields, columns: fields.map((f) => table.columns[f as keyof T & string]) };
    stored.set(table, found);
  }
  return found as { fields: (keyof T & string)[]; columns: string[] };
}

/** The columns and values of a record's INSERT but its county and region. */
export function recordColumns<T>(
  table: LedgerTable<T>,
  record: T,
): { columns: readonly string[]; values: unknown[] } {
  const { fields, columns } = storedFields(table);
  return { columns, values: fields.map((f) => toParam(record[f])) };
}

/** The columns and values of a record's INSERT, filed under `regionCode` (and its county). */
export function insertColumns<T>(
  table: LedgerTable<T>,
  record: T,
  regionCode: string,
): { columns: string[]; values: unknown[] } {
  const { columns, values } = recordColumns(table, record);
  return {
    columns: ["county_code", "region_code", ...columns],
    values: [regionCode.slice(0, 6), regionCode, ...values],
  };
}

/** The columns an UPDATE of a record sets (the region first), their values, and the record's key. */
export function updateAssignments<T>(
  table: LedgerTable<T>,
  after: T,
  regionCode: string,
): { assignments: string[]; values: unknown[]; key: string } {
  const fields = storedFields(table).fields.filter((f) => f !== table.key);
  return {
    assignments: ["region_code", ...fields.map((f) => table.columns[f])],
    values: [regionCode, ...fields.map((f) => toParam(after[f]))],
    key: String(after[table.key]),
  };
}
