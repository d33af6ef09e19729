import type pg from "pg";
import type { AuditEntry, AuditWriter } from "../context.js";
import { inTransaction } from "../db/pool.js";
import { auditEntryHash, GENESIS_HASH, normaliseAuditImage } from "./audit-chain.js";
import { canonicalJson } from "./canonical-json.js";

/** Advisory lock key serialising appends to the one chain across every process (ASCII "fupinaud"). */
export const AUDIT_LOCK_KEY = 7383364011045954916n;

const COLUMNS =
  "at, principal_id, action, entity_type, entity_id, county_code, request_id, before, after, prev_hash, hash";

type Run = (sql: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

async function appendWith(run: Run, entries: readonly AuditEntry[]) {
  await run("select pg_advisory_xact_lock($1)", [AUDIT_LOCK_KEY.toString()]);
  const last = await run("select hash from audit_log order by seq desc limit 1", []);
  let prev = (last[0]?.hash as string | undefined) ?? GENESIS_HASH;
  const params: unknown[] = [];
  const tuples: string[] = [];
  for (const e of entries) {
    const hash = auditEntryHash(prev, e);
    const before = normaliseAuditImage(e.before);
    const after = normaliseAuditImage(e.after);
    const values = [
      e.at.toISOString(),
      e.principalId,
      e.action,
      e.entityType,
      e.entityId,
      e.countyCode,
      e.requestId,
      before === null ? null : canonicalJson(before),
      after === null ? null : canonicalJson(after),
      prev,
      hash,
    ];
    const slots = values.map((v, i) => {
      params.push(v);
      const p = `$${params.length}`;
      return i === 7 || i === 8 ? `${p}::jsonb` : i === 0 ? `${p}::timestamptz` : p;
    });
    tuples.push(`(${slots.join(", ")})`);
    prev = hash;
  }
  await run(`insert into audit_log (${COLUMNS}) values ${tuples.join(", ")}`, params);
}

/** Appends entries on a pg client inside the transaction the caller has begun (same lock and chain as the writer). */
export async function appendAuditEntries(
  client: pg.ClientBase,
  entries: readonly AuditEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  await appendWith(async (sql, params) => (await client.query(sql, params)).rows, entries);
}

/**
 * Creates the audit writer. With a client, entries are appended inside the transaction the caller
 * has begun on it; without, in a transaction of their own on the pool. The chain is extended under a
 * transaction-scoped advisory lock, so concurrent writers keep one chain.
 */
export function createAuditWriter(pool: pg.Pool): AuditWriter {
  return {
    async append(entries, tx?: pg.ClientBase) {
      if (entries.length === 0) return;
      if (tx) {
        await appendAuditEntries(tx, entries);
        return;
      }
      await inTransaction(pool, (client) => appendAuditEntries(client, entries));
    },
  };
}
