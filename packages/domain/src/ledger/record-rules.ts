import {
  type LedgerRecordTypes,
  RECORD_KIND_KEYS,
  RECORD_KINDS,
  type RecordKindKey,
  recordIdOf,
  recordsOf,
  referencedIds,
} from "./record-kinds.js";
import { defineLedgerRule, type LedgerRule } from "./rule.js";

/** Codes of the rules every kind of record keeps (ids, references, amounts), driven by `RECORD_KINDS`. */
export type RecordRuleCode = "LEDGER.DUPLICATE_ID" | "LEDGER.UNKNOWN_REFERENCE" | "LEDGER.INVALID_AMOUNT";

type AnyRecord = Readonly<Record<string, unknown>>;

const entries = (ledger: Parameters<LedgerRule["check"]>[0]) =>
  RECORD_KIND_KEYS.filter((key) => ledger[key] !== undefined).map(
    (key) => [key, recordsOf(ledger, key) as readonly LedgerRecordTypes[RecordKindKey][]] as const,
  );

// The ids of a collection, kept per array (collections are immutable) so that the id and reference
// rules of one validation build each set once.
const idSets = new WeakMap<readonly unknown[], ReadonlySet<string>>();

function idsOf(ledger: Parameters<LedgerRule["check"]>[0], key: RecordKindKey): ReadonlySet<string> {
  const records = recordsOf(ledger, key);
  let set = idSets.get(records);
  if (!set) {
    const idField = RECORD_KINDS[key].idField as string;
    set = new Set((records as readonly AnyRecord[]).map((r) => String(r[idField])));
    if (records.length > 0) idSets.set(records, set);
  }
  return set;
}

/** A record's id is used once in its collection (a region's code once among the regions). */
export const duplicateId = defineLedgerRule(
  "LEDGER.DUPLICATE_ID",
  "A record's id (a region's code) is used once in its collection.",
  (ledger, report) => {
    for (const [key, records] of entries(ledger)) {
      // Most collections have no duplicate: the set of their ids is as long as they are.
      if (idsOf(ledger, key).size === records.length) continue;
      const idField = RECORD_KINDS[key].idField;
      const seen = new Set<string>();
      for (const record of records) {
        const id = recordIdOf(key, record);
        if (seen.has(id)) report(`${key}: ${idField} ${id} is used twice`, [id], idField);
        seen.add(id);
      }
    }
  },
);

/** A reference names a record of the ledger; judged only where the referred collection is present. */
export const unknownReference = defineLedgerRule(
  "LEDGER.UNKNOWN_REFERENCE",
  "A reference to another record names a record of the ledger.",
  (ledger, report) => {
    for (const [key, records] of entries(ledger)) {
      const references = RECORD_KINDS[key].references.filter((r) => ledger[r.kind] !== undefined);
      for (const record of records) {
        const from = recordIdOf(key, record);
        for (const { field, kind } of references) {
          for (const id of referencedIds((record as AnyRecord)[field])) {
            if (!idsOf(ledger, kind).has(id))
              report(`${from}: ${field} ${id} is not in ${kind}`, [from, id], field);
          }
        }
      }
    }
  },
);

/** Whether a value is a whole, non-negative number of fen. */
export function isFen(value: unknown): boolean {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0;
}

/** Every amount is a whole, non-negative number of fen (records may come from a database unchecked). */
export const invalidAmount = defineLedgerRule(
  "LEDGER.INVALID_AMOUNT",
  "Every amount is a whole, non-negative number of fen.",
  (ledger, report) => {
    for (const [key, records] of entries(ledger)) {
      const { name, amountFields, amountMaps } = RECORD_KINDS[key];
      for (const record of records as readonly AnyRecord[]) {
        const id = String(record.id);
        for (const field of amountFields as readonly string[]) {
          const value = record[field];
          if (value !== null && !isFen(value))
            report(
              `${key} ${id}: ${field} must be a whole, non-negative number of fen, got ${String(value)}`,
              [id],
              field,
            );
        }
        for (const field of amountMaps as readonly string[]) {
          for (const [source, value] of Object.entries((record[field] ?? {}) as AnyRecord)) {
            if (!isFen(value))
              report(`${name} ${id}: ${field}.${source} must be whole, non-negative fen`, [id], field);
          }
        }
      }
    }
  },
);

/** The rules every record keeps, keyed by code. */
export const RECORD_RULES: Readonly<Record<RecordRuleCode, LedgerRule<RecordRuleCode>>> = {
  "LEDGER.DUPLICATE_ID": duplicateId,
  "LEDGER.UNKNOWN_REFERENCE": unknownReference,
  "LEDGER.INVALID_AMOUNT": invalidAmount,
};
