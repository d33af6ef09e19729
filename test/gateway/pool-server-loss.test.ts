import { createPool } from "@fupin/gateway";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/database.js";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase({ migrate: false });
});
afterAll(async () => {
  await db?.close();
});

describe("a pool whose server goes away under a checked-out client", () => {
  it("keeps the process: the client's error is heard, the transaction rejects, the pool serves again", async () => {
    const pool = createPool(db.url, 2);
    const admin = createPool(db.adminUrl, 1);
    let held: pg.PoolClient | undefined;
    try {
      const client = await pool.connect();
      held = client;
      await client.query("begin");
      const { rows } = await client.query<{ pid: number }>("select pg_backend_pid() as pid");
      // With no listener, the 'error' pg emits when the socket ends is thrown from the socket's
      // handler: an uncaught exception that ends a gateway or worker process.
      expect(client.listenerCount("error")).toBeGreaterThan(0);
      const ended = new Promise((resolve) => client.once("end", resolve));
      await admin.query("select pg_terminate_backend($1)", [rows[0]!.pid]);
      await ended;
      await expect(client.query("commit")).rejects.toThrow(/Connection terminated|not queryable/);
      client.release();
      held = undefined;
      expect(pool.totalCount).toBe(0);
      const again = await pool.query<{ one: number }>("select 1 as one");
      expect(again.rows[0]!.one).toBe(1);
    } finally {
      held?.release(true);
      await admin.end();
      await pool.end();
    }
  });
});
