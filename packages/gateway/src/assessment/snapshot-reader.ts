import pg from "pg";
import { surviveServerLoss } from "../db/pool.js";
import { readSnapshotText } from "../graphql/read/snapshot.js";
import type { VersionedSnapshot } from "./ledger-cache.js";
import { readLedgerVersion } from "./ledger-version.js";

/** Reads snapshots on a connection of its own (an assessment worker's, not the gateway's pool). */
export interface SnapshotReader {
  /** A region's snapshot and its ledger version, read in one repeatable-read transaction. */
  read(regionCode: string): Promise<VersionedSnapshot>;
  close(): Promise<void>;
}

/** Creates a snapshot reader on one connection to `url`, opened when first needed and closed when idle 10 s. */
export function createSnapshotReader(url: string): SnapshotReader {
  // A connection that loses its server is dropped; the next read opens another.
  const pool = surviveServerLoss(new pg.Pool({ connectionString: url, max: 1, idleTimeoutMillis: 10_000 }));
  return {
    async read(regionCode) {
      const client = await pool.connect();
      const sql = {
        query: async <T extends Record<string, unknown>>(text: string, params?: readonly unknown[]) =>
          (await client.query<T>(text, params as unknown[])).rows,
      };
      try {
        await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
        const version = await readLedgerVersion(sql, regionCode);
        const snapshot = await readSnapshotText(sql, regionCode);
        await client.query("COMMIT");
        return { version, snapshot };
      } catch (e) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
