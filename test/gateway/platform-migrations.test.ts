import { createOrm, LEDGER_TABLES as DESCRIBED, MIGRATIONS, pendingMigrations } from "@fupin/gateway";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/database.js";

const LEDGER_TABLES = [
  "region",
  "industry",
  "household",
  "member",
  "income",
  "village_industry",
  "household_industry",
  "business_entity",
  "entity_activity",
  "linkage",
  "linkage_year",
  "subsidy",
  "technical_service",
  "fund",
  "fund_use",
  "project",
  "responsibility",
  "rectification",
  "monitoring",
  "household_credit",
  "credit_return",
  "fund_disbursement",
];

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

async function columns(table: string): Promise<Map<string, string>> {
  const r = await db.pool.query<{ column_name: string; data_type: string }>(
    "select column_name, data_type from information_schema.columns where table_schema = 'public' and table_name = $1",
    [table],
  );
  return new Map(r.rows.map((c) => [c.column_name, c.data_type]));
}

/** Inserts an unlinked entry, as a writer does; returns its seq. */
async function insertAuditRow(client: pg.ClientBase | pg.Pool = db.pool): Promise<number> {
  const r = await client.query<{ seq: number }>(
    `insert into audit_log (at, principal_id, action, entity_type, entity_id, county_code, request_id)
     values (now(), 'key:test', 'create', 'household', 'h1', '360723', 'r1') returning seq`,
  );
  return Number(r.rows[0]!.seq);
}

/** Gives an unlinked entry a place in the chain, as the linker does. */
function linkSql(seq: number): string {
  return `update audit_log set link_no = ${seq} + 1000, prev_hash = 'x', hash = md5(random()::text) where seq = ${seq}`;
}

describe("migrations", () => {
  it("apply every committed migration, so none is pending", async () => {
    expect(MIGRATIONS.length).toBeGreaterThan(0);
    expect(await pendingMigrations(db.orm)).toEqual([]);
    const applied = await db.pool.query<{ name: string }>("select name from mikro_orm_migrations");
    expect(applied.rows.map((r) => r.name.replace(/\.[jt]s$/, ""))).toEqual(MIGRATIONS.map((m) => m.name));
  });

  it("keep the rate limiter's counters out of the write-ahead log (unlogged)", async () => {
    const r = await db.pool.query<{ persistence: string }>(
      "select relpersistence as persistence from pg_class where relname = 'rate_limit'",
    );
    expect(r.rows[0]?.persistence).toBe("u");
  });

  it("match the table descriptions: MikroORM's migrator finds nothing to change", async () => {
    const diff = await db.orm.getSchemaGenerator().getUpdateSchemaMigrationSQL({ wrap: false });
    expect(diff.up.trim()).toBe("");
    expect(diff.down.trim()).toBe("");
  });

  it("would change when a table description changes (the check above can fail)", async () => {
    const orm = await createOrm(db.url);
    try {
      const meta = orm.getMetadata().get("Household");
      const phone = meta.properties.phone;
      expect(phone).toBeDefined();
      phone!.nullable = false;
      const diff = await orm.getSchemaGenerator().getUpdateSchemaMigrationSQL({ wrap: false });
      expect(diff.up).toContain('alter column "phone"');
    } finally {
      await orm.close(true);
    }
  });

  it("create every ledger table with the scope columns and the scope index", async () => {
    for (const table of LEDGER_TABLES) {
      const cols = await columns(table);
      expect(cols.get("county_code"), table).toBe("text");
      expect(cols.get("region_code"), table).toBe("text");
      expect(cols.get("version"), table).toBe("integer");
      expect(cols.get("created_at"), table).toBe("timestamp with time zone");
      const idx = await db.pool.query<{ indexdef: string }>(
        "select indexdef from pg_indexes where tablename = $1 and indexname = $2",
        [table, `${table}_scope_idx`],
      );
      expect(idx.rows[0]?.indexdef, table).toContain("(county_code, region_code text_pattern_ops)");
    }
  });

  it("bump the county's ledger version on every write to every described ledger table (a new table needs its trigger)", async () => {
    const described = Object.values(DESCRIBED).map((t) => t.table);
    expect([...described].sort()).toEqual([...LEDGER_TABLES].sort());
    const r = await db.pool.query<{ tgname: string }>(
      "select tgname from pg_trigger where not tgisinternal and tgname like '%_ledger_version'",
    );
    const triggered = new Set(r.rows.map((t) => t.tgname));
    expect(described.filter((t) => !triggered.has(`${t}_ledger_version`))).toEqual([]);
  });

  it("store money as bigint, dates as date and ID numbers unique", async () => {
    expect((await columns("income")).get("wage_fen")).toBe("bigint");
    expect((await columns("subsidy")).get("date")).toBe("date");
    expect((await columns("project")).get("stages")).toBe("jsonb");
    const unique = await db.pool.query(
      `select 1 from pg_indexes where tablename = 'member' and indexdef like '%UNIQUE%(id_number)%'`,
    );
    expect(unique.rowCount).toBe(1);
  });

  it("create the API key, audit log and rate limit tables", async () => {
    expect((await columns("api_key")).get("key_hash")).toBe("text");
    expect((await columns("api_key")).get("permissions")).toBe("ARRAY");
    expect((await columns("audit_log")).get("hash")).toBe("text");
    expect((await columns("rate_limit")).get("expire")).toBe("bigint");
  });
});

describe("the audit log is append-only", () => {
  it("refuses UPDATE, DELETE and TRUNCATE even for a superuser (trigger)", async () => {
    const before = await db.pool.query<{ n: number }>("select count(*)::int as n from audit_log");
    await insertAuditRow();
    await expect(db.pool.query("update audit_log set principal_id = 'x'")).rejects.toThrow(/append-only/);
    await expect(db.pool.query("delete from audit_log")).rejects.toThrow(/append-only/);
    await expect(db.pool.query("truncate audit_log")).rejects.toThrow(/append-only/);
    const n = await db.pool.query<{ n: number }>("select count(*)::int as n from audit_log");
    expect(n.rows[0]?.n).toBe(before.rows[0]!.n + 1);
  });

  it("lets an unlinked entry be linked once, its content unchanged, and nothing else", async () => {
    const seq = await insertAuditRow();
    // Linking and changing the content in one update: refused.
    await expect(
      db.pool.query(
        `update audit_log set link_no = ${seq} + 1000, prev_hash = 'x', hash = 'y', after = '{}' where seq = $1`,
        [seq],
      ),
    ).rejects.toThrow(/append-only/);
    // Linked halfway (no hash): refused.
    await expect(
      db.pool.query(`update audit_log set link_no = ${seq} + 1000 where seq = $1`, [seq]),
    ).rejects.toThrow(/append-only/);
    await db.pool.query(linkSql(seq));
    // Linked again (a new place, a new hash): refused.
    await expect(db.pool.query(linkSql(seq))).rejects.toThrow(/append-only/);
    const row = await db.pool.query<{ link_no: number; principal_id: string }>(
      "select link_no, principal_id from audit_log where seq = $1",
      [seq],
    );
    expect(row.rows[0]).toEqual({ link_no: seq + 1000, principal_id: "key:test" });
  });

  it("refuses an entry inserted already linked: only the linker places entries", async () => {
    for (const column of ["link_no", "prev_hash", "hash"]) {
      await expect(
        db.pool.query(
          `insert into audit_log (at, principal_id, action, entity_type, entity_id, county_code, request_id, ${column})
           values (now(), 'key:test', 'create', 'household', 'h1', '360723', 'r1', ${column === "link_no" ? "999999" : "'x'"})`,
        ),
      ).rejects.toThrow(/inserted unlinked/);
    }
  });

  it("grants the application role everything but UPDATE and DELETE on the audit log, but its link columns", async () => {
    const priv = await db.pool.query<Record<string, boolean>>(
      `select has_table_privilege('fupin_app', 'audit_log', 'INSERT') as audit_insert,
              has_table_privilege('fupin_app', 'audit_log', 'SELECT') as audit_select,
              has_table_privilege('fupin_app', 'audit_log', 'UPDATE') as audit_update,
              has_table_privilege('fupin_app', 'audit_log', 'DELETE') as audit_delete,
              has_column_privilege('fupin_app', 'audit_log', 'link_no', 'UPDATE') as link_no_update,
              has_column_privilege('fupin_app', 'audit_log', 'hash', 'UPDATE') as hash_update,
              has_column_privilege('fupin_app', 'audit_log', 'after', 'UPDATE') as after_update,
              has_table_privilege('fupin_app', 'household', 'UPDATE') as household_update,
              has_table_privilege('fupin_app', 'household', 'DELETE') as household_delete`,
    );
    expect(priv.rows[0]).toEqual({
      audit_insert: true,
      audit_select: true,
      audit_update: false,
      audit_delete: false,
      link_no_update: true,
      hash_update: true,
      after_update: false,
      household_update: true,
      household_delete: true,
    });
  });

  it("refuses UPDATE and DELETE to the application role by privilege, before any trigger; it may link", async () => {
    const client = await db.pool.connect();
    try {
      await client.query("begin");
      await client.query("alter table audit_log disable trigger audit_log_no_update_delete");
      await client.query("set local role fupin_app");
      await expect(client.query("update audit_log set principal_id = 'x'")).rejects.toThrow(
        /permission denied/,
      );
      await client.query("rollback");
      await client.query("begin");
      await client.query("set local role fupin_app");
      await expect(client.query("delete from audit_log")).rejects.toThrow(/permission denied/);
      await client.query("rollback");
      await client.query("begin");
      await client.query("set local role fupin_app");
      const seq = await insertAuditRow(client);
      await client.query(linkSql(seq));
      await client.query("rollback");
    } finally {
      client.release();
    }
  });
});
