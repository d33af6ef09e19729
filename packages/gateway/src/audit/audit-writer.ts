import type pg from "pg";
import type { AuditEntry, AuditWriter } from "../context.js";
import type { EntryWithoutCounty } from "./audit-chain.js";
import { appendedOn, auditLinker } from "./audit-linker.js";

/** The JSON text of an entry's columns as `fupin_audit_append` takes them, but its county code, unclosed. */
function appendColumns(e: EntryWithoutCounty): string {
  const columns = JSON.stringify({
    at: e.at.toISOString(),
    principalId: e.principalId,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    requestId: e.requestId,
    before: e.before ?? null,
    after: e.after ?? null,
  });
  return columns.slice(0, -1);
}

/**
 * The entries as `fupin_audit_append` takes them (Migration20261204140001): their columns, inserted
 * unlinked; the linker hashes them into the chain after they commit.
 */
export function appendArgument(entries: readonly AuditEntry[]): string {
  return `[${entries.map((e) => appendItem(e)).join(",")}]`;
}

/** One entry of `appendArgument`, as JSON text. */
export function appendItem(entry: AuditEntry): string {
  return `${appendColumns(entry)},"countyCode":${JSON.stringify(entry.countyCode)}}`;
}

/**
 * One entry of `appendArgument` filed in a county a statement reads (the county of the row a record
 * is written under): the entry's JSON text without `countyCode`, which the statement adds.
 */
export function appendItemWithoutCounty(entry: EntryWithoutCounty): string {
  return `${appendColumns(entry)}}`;
}

/**
 * Appends entries on a pg client inside the transaction the caller has begun (`inTransaction` has
 * them linked once it commits), or on a pool in a statement of their own (linked once it returns).
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
  if (isPool(client)) auditLinker(client).nudge();
  else appendedOn(client);
}

function isPool(client: pg.ClientBase | pg.Pool): client is pg.Pool {
  return "totalCount" in client;
}

/**
 * Creates the audit writer. With a client, entries are appended inside the transaction the caller
 * has begun on it; without, by one statement on the pool (its own transaction). Entries go in
 * unlinked, so concurrent writers never wait on each other; the pool's linker chains them.
 */
export function createAuditWriter(pool: pg.Pool): AuditWriter {
  return {
    async append(entries, tx?: pg.ClientBase) {
      await appendAuditEntries(tx ?? pool, entries);
    },
    committed() {
      auditLinker(pool).nudge();
    },
  };
}
