import type { ParsedRow } from "@fupin/adapters";
import { type LedgerData, RECORD_KIND_KEYS, type RecordKindKey, recordIdOf } from "@fupin/domain";
import { canonicalJson } from "../audit/canonical-json.js";

/** What an import does to one record of the file. */
export type ImportStatus = "created" | "updated" | "unchanged";

/** One record of an imported file: its kind and id, the stored record it replaces (if any) and the result. */
export interface ImportedRecord {
  readonly kind: RecordKindKey;
  readonly id: string;
  readonly before: Readonly<Record<string, unknown>> | null;
  readonly after: Readonly<Record<string, unknown>>;
  readonly status: ImportStatus;
}

/** The stored ledger with a file's records laid over it, and what happened to each record of the file. */
export interface MergedImport {
  readonly merged: LedgerData;
  readonly records: readonly ImportedRecord[];
}

type Rows = ReadonlyMap<string, ParsedRow>;
type AnyRecord = Record<string, unknown>;

/** The fields of roster records that a roster row does not carry under the record's own name. */
const ROSTER_ALWAYS: Partial<Record<RecordKindKey, readonly string[]>> = {
  households: ["id", "villageCode"],
  members: ["id", "householdId"],
  monitorings: ["id", "householdId", "category", "identifiedDate"],
};

function sameValue(a: unknown, b: unknown): boolean {
  return canonicalJson(a ?? null) === canonicalJson(b ?? null);
}

/** Whether every field of the file's record equals the stored one (stored extras such as derived columns are ignored). */
function isUnchanged(before: AnyRecord, after: AnyRecord): boolean {
  return Object.keys(after).every((k) => sameValue(after[k], before[k]));
}

/**
 * Gives the records of a person roster the ids of the stored records they stand for: a household by
 * its 户编号 in the county, a member by its household and ID number, a monitoring record by its
 * household and identification date. A roster carries no ids of its own.
 */
export function matchRosterIds(
  file: LedgerData,
  stored: LedgerData,
  rows: Rows,
): { data: LedgerData; rows: Rows } {
  const byNumber = new Map(stored.households.map((h) => [h.householdNumber, h.id]));
  const household = new Map(file.households.map((h) => [h.id, byNumber.get(h.householdNumber) ?? h.id]));
  const hid = (id: string) => household.get(id) ?? id;
  const memberId = new Map(stored.members.map((m) => [`${m.householdId}|${m.idNumber}`, m.id]));
  const monitoringId = new Map(stored.monitorings.map((m) => [`${m.householdId}|${m.identifiedDate}`, m.id]));
  const renamed = new Map<string, string>();
  const rename = <T extends { id: string }>(r: T, id: string): T => {
    if (id !== r.id) renamed.set(r.id, id);
    return { ...r, id };
  };
  const data: LedgerData = {
    ...file,
    households: file.households.map((h) => rename(h, hid(h.id))),
    members: file.members.map((m) => {
      const householdId = hid(m.householdId);
      return rename({ ...m, householdId }, memberId.get(`${householdId}|${m.idNumber}`) ?? m.id);
    }),
    monitorings: file.monitorings.map((m) => {
      const householdId = hid(m.householdId);
      return rename({ ...m, householdId }, monitoringId.get(`${householdId}|${m.identifiedDate}`) ?? m.id);
    }),
  };
  const out = new Map<string, ParsedRow>();
  for (const [id, row] of rows) out.set(renamed.get(id) ?? id, row);
  return { data, rows: out };
}

/** A roster row updates only the fields it carries; the rest of the stored record stays. */
function rosterOverlay(
  kind: RecordKindKey,
  before: AnyRecord,
  record: AnyRecord,
  row: ParsedRow | undefined,
) {
  const carried = new Set([...(ROSTER_ALWAYS[kind] ?? []), ...Object.keys(row?.values ?? {})]);
  const out: AnyRecord = {};
  for (const k of Object.keys(record)) out[k] = carried.has(k) ? record[k] : before[k];
  return out;
}

/**
 * Lays the records of a file over the stored ledger, record by record by id: a new id is created, a
 * known one updated (a roster row only in the fields it carries) or left unchanged when equal. Nothing
 * is deleted. A roster's regions are the stored ones, not the file's.
 */
export function mergeImport(
  stored: LedgerData,
  file: LedgerData,
  shape: "roster" | "ledger",
  rows: Rows,
): MergedImport {
  const records: ImportedRecord[] = [];
  const merged: Record<string, unknown> = { countyCode: stored.countyCode };
  for (const kind of RECORD_KIND_KEYS) {
    const byId = new Map<string, AnyRecord>();
    for (const r of stored[kind] as readonly AnyRecord[]) byId.set(recordIdOf(kind, r as never), r);
    const incoming = shape === "roster" && kind === "regions" ? [] : (file[kind] as readonly AnyRecord[]);
    for (const record of incoming) {
      const id = recordIdOf(kind, record as never);
      const before = byId.get(id) ?? null;
      const after = before && shape === "roster" ? rosterOverlay(kind, before, record, rows.get(id)) : record;
      const status = before === null ? "created" : isUnchanged(before, after) ? "unchanged" : "updated";
      records.push({ kind, id, before, after, status });
      byId.set(id, status === "unchanged" ? before! : after);
    }
    merged[kind] = [...byId.values()];
  }
  return { merged: merged as unknown as LedgerData, records };
}

/** Created, updated and unchanged records of each kind the file holds, in the ledger's order. */
export function importCounts(records: readonly ImportedRecord[]) {
  const counts = new Map<
    RecordKindKey,
    { kind: RecordKindKey; created: number; updated: number; unchanged: number }
  >();
  for (const r of records) {
    const c = counts.get(r.kind) ?? { kind: r.kind, created: 0, updated: 0, unchanged: 0 };
    c[r.status]++;
    counts.set(r.kind, c);
  }
  return RECORD_KIND_KEYS.flatMap((k) => (counts.has(k) ? [counts.get(k)!] : []));
}
