import type pg from "pg";

/** First key of a run's lease, the advisory lock (SYNC_LEASE_CLASS, run id): ASCII "sync" as an int4. */
export const SYNC_LEASE_CLASS = 0x73796e63;

/** What `withRunLease` gives back: the work's result, or that another live worker holds the run. */
export type Leased<R> = { readonly held: true; readonly value: R } | { readonly held: false };

/**
 * Runs `work` holding the run's lease: a session advisory lock on a connection kept for the attempt.
 * pg-boss expires a job whose worker is slow as well as one whose worker died, and retries it; the
 * lease keeps a second attempt off a run whose first worker is still alive (`held: false` then),
 * while a dead worker's lease goes with its connection. The sweep leaves leased runs alone.
 */
export async function withRunLease<R>(
  pool: pg.Pool,
  runId: string,
  work: () => Promise<R>,
): Promise<Leased<R>> {
  const client = await pool.connect();
  let broken = false;
  // A database going down while the lease is held: the client errors outside any query.
  const onError = () => {
    broken = true;
  };
  client.on("error", onError);
  try {
    const { rows } = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1, $2::int) AS ok", [
      SYNC_LEASE_CLASS,
      runId,
    ]);
    if (!rows[0]?.ok) return { held: false };
    try {
      return { held: true, value: await work() };
    } finally {
      await client.query("SELECT pg_advisory_unlock($1, $2::int)", [SYNC_LEASE_CLASS, runId]).catch(onError);
    }
  } finally {
    client.off("error", onError);
    client.release(broken);
  }
}

/** SQL true when the run `idColumn` names has its lease held (in this database): for the sweep. */
export function leaseHeldSql(idColumn: string): string {
  return `EXISTS (SELECT 1 FROM pg_locks l WHERE l.locktype = 'advisory' AND l.granted
    AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
    AND l.classid = ${SYNC_LEASE_CLASS}::int::oid AND l.objid = ${idColumn}::int::oid AND l.objsubid = 2)`;
}
