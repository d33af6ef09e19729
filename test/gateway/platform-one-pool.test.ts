import { createPool, migrate, pendingMigrations } from "@fupin/gateway";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/database.js";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase({ migrate: false });
});
afterAll(async () => {
  await db?.close();
});

/** Server processes connected to the test database (the admin pool connects to another database). */
async function backends(): Promise<number> {
  const admin = createPool(db.adminUrl, 1);
  try {
    const r = await admin.query<{ n: number }>(
      "select count(*)::int as n from pg_stat_activity where datname = $1 and backend_type = 'client backend'",
      [db.name],
    );
    return r.rows[0]!.n;
  } finally {
    await admin.end();
  }
}

describe("one pool", () => {
  it("serves MikroORM's migrator and the pending-migration check: no connection of its own", async () => {
    expect((await pendingMigrations(db.orm)).length).toBeGreaterThan(0);
    expect((await migrate(db.orm)).length).toBeGreaterThan(0);
    expect(await pendingMigrations(db.orm)).toEqual([]);
    await db.pool.query("select 1");
    expect(db.pool.totalCount).toBeGreaterThan(0);
    expect(await backends()).toBe(db.pool.totalCount);
  });
});
