import type pg from "pg";
import { auditEntryHash, GENESIS_HASH } from "./audit-chain.js";
import { type AuditRow, entryOfRow, linkAuditEntries } from "./audit-linker.js";

/** The result of verifying the audit log: every entry links and hashes, or the first that does not. */
export type AuditChainResult =
  | { readonly ok: true; readonly entries: number }
  | { readonly ok: false; readonly entries: number; readonly brokenSeq: number; readonly reason: string };

/**
 * Links the entries committed but not yet linked (`linkAuditEntries`), then walks the chain in link
 * order, checking each entry's link to the previous hash and its own hash. An entry still unlinked
 * (committed after the linking) is left to the next verification.
 */
export async function verifyAuditChain(pool: pg.Pool, batchSize = 5000): Promise<AuditChainResult> {
  await linkAuditEntries(pool);
  let prev = GENESIS_HASH;
  let lastLink = 0;
  let count = 0;
  for (;;) {
    const { rows } = await pool.query<AuditRow>(
      "select * from audit_log where link_no > $1 order by link_no limit $2",
      [lastLink, batchSize],
    );
    if (rows.length === 0) return { ok: true, entries: count };
    for (const r of rows) {
      if (r.prev_hash !== prev) {
        return { ok: false, entries: count, brokenSeq: r.seq, reason: "does not link to the previous entry" };
      }
      if (auditEntryHash(prev, entryOfRow(r)) !== r.hash) {
        return { ok: false, entries: count, brokenSeq: r.seq, reason: "content does not match its hash" };
      }
      prev = r.hash;
      lastLink = Number(r.link_no);
      count++;
    }
  }
}
