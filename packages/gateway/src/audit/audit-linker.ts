import type pg from "pg";
import type { AuditEntry } from "../context.js";
import { inTransaction, onCommit } from "../db/pool.js";
import { auditEntryHash, GENESIS_HASH } from "./audit-chain.js";

/** Advisory lock key serialising the chain's linking across every process (ASCII "fupinaud"). */
export const AUDIT_LOCK_KEY = 7383364011045954916n;

/** Entries linked per transaction of the linker. */
export const LINK_BATCH = 1000;

/** A row of `audit_log` as the linker and the verifier read it. */
export interface AuditRow {
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
  link_no: number | null;
  prev_hash: string | null;
  hash: string | null;
}

/** The entry a row holds, as its hash covers it. */
export function entryOfRow(r: AuditRow): AuditEntry {
  return {
    at: r.at,
    principalId: r.principal_id,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    countyCode: r.county_code,
    requestId: r.request_id,
    before: r.before,
    after: r.after,
  };
}

/**
 * Links up to `batchSize` committed, unlinked entries after the chain's last, in `seq` order, in one
 * transaction under the chain's advisory lock: each gets the next `link_no`, the previous entry's hash
 * as `prev_hash`, and `hash = sha256(prev_hash || canonical JSON of the entry)` computed from the row as
 * stored, as `verifyAuditChain` computes it. The lock is taken in a statement of its own, so the read
 * after it sees every link committed before. Four round trips (three with nothing to link). Returns
 * how many entries it linked.
 */
export async function linkAuditBatch(pool: pg.Pool, batchSize = LINK_BATCH): Promise<number> {
  return inTransaction(
    pool,
    async (client) => {
      const { rows } = await client.query<AuditRow & { last_no: string | null; last_hash: string | null }>(
        `select a.*, l.link_no::text as last_no, l.hash as last_hash
           from audit_log a
           left join lateral (select link_no, hash from audit_log where link_no is not null
                               order by link_no desc limit 1) l on true
          where a.link_no is null order by a.seq limit $1`,
        [batchSize],
      );
      if (rows.length > 0) await client.query(linkStatement(rows));
      return rows.length;
    },
    // The lock in a statement of its own, sent with BEGIN in one round trip.
    `begin; select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`,
  );
}

/** The update giving each row its place after the chain's last entry (read with the rows). */
function linkStatement(rows: readonly (AuditRow & { last_no: string | null; last_hash: string | null })[]) {
  let prev = rows[0]!.last_hash ?? GENESIS_HASH;
  let linkNo = BigInt(rows[0]!.last_no ?? 0);
  const seqs: string[] = [];
  const prevs: string[] = [];
  const hashes: string[] = [];
  const linkNos: string[] = [];
  for (const row of rows) {
    const hash = auditEntryHash(prev, entryOfRow(row));
    linkNo += 1n;
    seqs.push(String(row.seq));
    prevs.push(prev);
    hashes.push(hash);
    linkNos.push(linkNo.toString());
    prev = hash;
  }
  return {
    name: "fupin_audit_link",
    text: `update audit_log a set link_no = v.link_no, prev_hash = v.prev_hash, hash = v.hash
             from unnest($1::bigint[], $2::text[], $3::text[], $4::bigint[]) as v(seq, prev_hash, hash, link_no)
            where a.seq = v.seq`,
    values: [seqs, prevs, hashes, linkNos],
  };
}

/** Links every committed, unlinked entry, a batch at a time. Returns how many it linked. */
export async function linkAuditEntries(pool: pg.Pool, batchSize = LINK_BATCH): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await linkAuditBatch(pool, batchSize);
    total += n;
    if (n < batchSize) return total;
  }
}

/** A process's linker of one pool's audit log. */
export interface AuditLinker {
  /** Entries have committed: link them soon (coalesced: one run at a time, one more after it). */
  nudge(): void;
  /** Resolves once the run in progress, and the one asked for during it, are done. */
  settled(): Promise<void>;
  /** Where a failed run is reported (the entries stay unlinked until the next run, here or anywhere). */
  onError: (error: unknown) => void;
}

class PoolAuditLinker implements AuditLinker {
  private running: Promise<void> | null = null;
  private again = false;
  onError: (error: unknown) => void = (error) => {
    process.emitWarning(
      `audit entries not linked: ${error instanceof Error ? error.message : String(error)}`,
    );
  };

  constructor(private readonly pool: pg.Pool) {}

  nudge(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.run();
  }

  settled(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  private async run(): Promise<void> {
    do {
      this.again = false;
      try {
        await linkAuditEntries(this.pool);
      } catch (e) {
        // A pool being closed leaves its entries to the next linker, here or in another process.
        if (!(this.pool as pg.Pool & { ending?: boolean }).ending) this.onError(e);
        this.again = false;
      }
    } while (this.again);
    this.running = null;
  }
}

const linkers = new WeakMap<pg.Pool, AuditLinker>();

/** The linker of a pool's audit log in this process (created on first use). */
export function auditLinker(pool: pg.Pool): AuditLinker {
  let linker = linkers.get(pool);
  if (!linker) {
    linker = new PoolAuditLinker(pool);
    linkers.set(pool, linker);
  }
  return linker;
}

const nudgeLinker = (pool: pg.Pool) => auditLinker(pool).nudge();

/** Entries were appended in the transaction `inTransaction` holds on `client`: link them once it commits. */
export function appendedOn(client: pg.ClientBase): void {
  onCommit(client, nudgeLinker);
}

/**
 * Keeps a pool's linker at work in this process: a run now (entries left unlinked by a process that
 * ended between its commit and its link), then one every `everyMs` for the same reason; failures go
 * to `onError`. Returns the function that stops it and waits for the run in progress.
 */
export function startAuditLinking(
  pool: pg.Pool,
  onError: (error: unknown) => void,
  everyMs = 60_000,
): () => Promise<void> {
  const linker = auditLinker(pool);
  linker.onError = onError;
  linker.nudge();
  const timer = setInterval(() => linker.nudge(), everyMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await linker.settled();
  };
}

/** What the linker has left to do: entries committed but not yet in the chain, and the oldest one's age. */
export interface AuditLinkLag {
  readonly unlinked: number;
  readonly oldestSeconds: number;
}

/** The entries committed but not yet linked, and the age of the oldest at `now` (0 when none). */
export async function auditLinkLag(pool: pg.Pool, now: Date): Promise<AuditLinkLag> {
  const { rows } = await pool.query<{ n: number; oldest: Date | null }>(
    "select count(*)::int as n, min(at) as oldest from audit_log where link_no is null",
  );
  const oldest = rows[0]?.oldest;
  return {
    unlinked: rows[0]?.n ?? 0,
    oldestSeconds: oldest ? Math.max(0, (now.getTime() - new Date(oldest).getTime()) / 1000) : 0,
  };
}
