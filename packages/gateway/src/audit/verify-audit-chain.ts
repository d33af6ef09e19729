import type pg from "pg";
import type { AuditEntry } from "../context.js";
import { auditEntryHash, GENESIS_HASH } from "./audit-chain.js";

/** The result of verifying the audit log: every entry links and hashes, or the first that does not. */
export type AuditChainResult =
  | { readonly ok: true; readonly entries: number }
  | { readonly ok: false; readonly entries: number; readonly brokenSeq: number; readonly reason: string };

interface AuditRow {
  seq: number;
  at: Date;
  principal_id: string;
  action: AuditEntry["action"];
  entity_type: string;
  entity_id: string;
  county_code: string;
  request_id: string;
  before: unknown;
  after: unknown;
  prev_hash: string;
  hash: string;
}

/** Walks the audit log in order, checking each entry's link to the previous hash and its own hash. */
export async function verifyAuditChain(pool: pg.Pool, batchSize = 5000): Promise<AuditChainResult> {
  let prev = GENESIS_HASH;
  let lastSeq = 0;
  let count = 0;
  for (;;) {
    const { rows } = await pool.query<AuditRow>(
      "select * from audit_log where seq > $1 order by seq limit $2",
      [lastSeq, batchSize],
    );
    if (rows.length === 0) return { ok: true, entries: count };
    for (const r of rows) {
      if (r.prev_hash !== prev) {
        return { ok: false, entries: count, brokenSeq: r.seq, reason: "does not link to the previous entry" };
      }
      const expected = auditEntryHash(prev, {
        at: r.at,
        principalId: r.principal_id,
        action: r.action,
        entityType: r.entity_type,
        entityId: r.entity_id,
        countyCode: r.county_code,
        requestId: r.request_id,
        before: r.before,
        after: r.after,
      });
      if (expected !== r.hash) {
        return { ok: false, entries: count, brokenSeq: r.seq, reason: "content does not match its hash" };
      }
      prev = r.hash;
      lastSeq = r.seq;
      count++;
    }
  }
}
