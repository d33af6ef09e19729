import type pg from "pg";
import type { AuditEntry, AuditWriter } from "../context.js";
import {
  type AuditImages,
  auditEntryBodyAround,
  auditImages,
  type EntryWithoutCounty,
} from "./audit-chain.js";

/** Advisory lock key serialising appends to the one chain across every process (ASCII "fupinaud"). */
export const AUDIT_LOCK_KEY = 7383364011045954916n;

/** The JSON text of an entry's columns as `fupin_audit_append` takes them, but its county code and body, unclosed. */
function appendColumns(e: EntryWithoutCounty, images: AuditImages): string {
  const columns = JSON.stringify({
    at: e.at.toISOString(),
    principalId: e.principalId,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    requestId: e.requestId,
  });
  return `${columns.slice(0, -1)},"before":${images.before},"after":${images.after}`;
}

/**
 * The entries as `fupin_audit_append` takes them (Migration20261203020000): the columns, and the
 * canonical JSON body PostgreSQL hashes after the previous entry's hash — the same bytes
 * `auditEntryHash` hashes, so `verifyAuditChain` checks the chain in the gateway.
 */
export function appendArgument(entries: readonly AuditEntry[]): string {
  return `[${entries.map((e) => appendItem(e)).join(",")}]`;
}

/** One entry of `appendArgument`, as JSON text. */
export function appendItem(entry: AuditEntry): string {
  const images = auditImages(entry);
  const [head, tail] = auditEntryBodyAround(entry, images);
  const county = JSON.stringify(entry.countyCode);
  return `${appendColumns(entry, images)},"countyCode":${county},"body":${JSON.stringify(`${head}${county}${tail}`)}}`;
}

/**
 * One entry of `appendArgument` filed in a county a statement reads (the county of the row a record
 * is written under): the entry's JSON text without `countyCode` and `body`, and the body's text
 * before and after the county code's JSON, which the statement adds.
 */
export function appendItemAround(entry: EntryWithoutCounty): {
  readonly item: string;
  readonly around: readonly [string, string];
} {
  const images = auditImages(entry);
  return { item: `${appendColumns(entry, images)}}`, around: auditEntryBodyAround(entry, images) };
}

/**
 * Appends entries on a pg client inside the transaction the caller has begun, in one statement: the
 * chain's advisory lock (held until the transaction ends), the last hash and the inserts.
 */
export async function appendAuditEntries(
  client: pg.ClientBase | pg.Pool,
  entries: readonly AuditEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  await client.query({
    name: "fupin_audit_append",
    text: "select fupin_audit_append($1::jsonb)",
    values: [appendArgument(entries)],
  });
}

/**
 * Creates the audit writer. With a client, entries are appended inside the transaction the caller
 * has begun on it; without, by one statement on the pool (its own transaction). The chain is extended
 * under a transaction-scoped advisory lock, so concurrent writers keep one chain.
 */
export function createAuditWriter(pool: pg.Pool): AuditWriter {
  return {
    async append(entries, tx?: pg.ClientBase) {
      if (entries.length === 0) return;
      if (tx) {
        await appendAuditEntries(tx, entries);
        return;
      }
      await appendAuditEntries(pool, entries);
    },
  };
}
