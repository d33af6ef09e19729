import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { generatedIdNumber, generatedRoster } from "@fupin/adapters/testing/roster";
import { seedSyntheticCounty } from "@fupin/gateway";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runFupin, spawnFupin } from "../support/cli.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";

// An import that dies half-way leaves nothing written: the real CLI against real PostgreSQL, killed
// with SIGKILL inside its transaction, or failing on one row by a trigger.
let db: TestDatabase;
let dir: string;
let village: string;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedSyntheticCounty(db.pool, db.orm, { households: 30 });
  village = (
    await db.pool.query<{ code: string }>(
      "select code from region where level = 'village' order by code limit 1",
    )
  ).rows[0]!.code;
  dir = await mkdtemp(path.join(tmpdir(), "fupin-kill-"));
}, 120_000);
afterAll(async () => {
  await db?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Where the rosters' ID numbers start (birth dates from 1950, sequence 500). */
const ID_START = { firstBirthYear: 1950, firstSequence: 500 };

/** A roster of `households` new households of two persons each. */
async function roster(name: string, households: number): Promise<string> {
  const file = path.join(dir, name);
  const bytes = await generatedRoster({
    village,
    persons: 2 * households,
    perHousehold: 2,
    tag: "K",
    digits: 5,
    names: ["王某某", "李某某"],
    ...ID_START,
  });
  await writeFile(file, bytes);
  return file;
}

async function stored() {
  const { rows } = await db.pool.query(
    `select (select count(*)::int from household) as households, (select count(*)::int from member) as members,
            (select count(*)::int from audit_log) as audits`,
  );
  return rows[0];
}

/** The import's backend once it is writing inside its transaction (its last statement an INSERT). */
async function writingBackend(timeoutMs: number): Promise<number> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const { rows } = await db.pool.query<{ pid: number }>(
      `select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()
         and xact_start is not null and query ilike 'insert into%'`,
    );
    if (rows[0]) return rows[0].pid;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error("the import never started writing");
}

describe("an import killed half-way", () => {
  it("SIGKILL inside the write transaction: nothing of it is stored", { timeout: 240_000 }, async () => {
    const file = await roster("big.xlsx", 1500);
    const before = await stored();
    const child = spawnFupin(["import", file], { DATABASE_URL: db.url });
    const pid = await writingBackend(150_000);
    child.kill("SIGKILL");
    const run = await child.result;
    expect(run.signal).toBe("SIGKILL");
    // PostgreSQL rolls back when the client's connection drops; wait until the backend is gone.
    for (let i = 0; i < 500; i++) {
      const { rows } = await db.pool.query("select 1 from pg_stat_activity where pid = $1", [pid]);
      if (rows.length === 0) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(await stored()).toEqual(before);
    const again = await runFupin(["import", file, "--dry-run"], { DATABASE_URL: db.url });
    expect(again.stdout).toContain("households: 1500 created, 0 updated, 0 unchanged");
  });

  it("a failure on the N-th row insert (a trigger) rolls back the rows before it", {
    timeout: 120_000,
  }, async () => {
    const file = await roster("fails.xlsx", 40);
    await db.pool.query(`create function fail_on_row() returns trigger language plpgsql as $$
      begin if new.id_number = '${generatedIdNumber(61, ID_START.firstBirthYear, ID_START.firstSequence)}' then raise exception 'forced failure on row 62'; end if; return new; end $$`);
    await db.pool.query(
      "create trigger fail_on_row before insert on member for each row execute function fail_on_row()",
    );
    try {
      const before = await stored();
      const run = await runFupin(["import", file], { DATABASE_URL: db.url });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain("forced failure on row 62");
      expect(await stored()).toEqual(before);
    } finally {
      await db.pool.query("drop trigger fail_on_row on member; drop function fail_on_row()");
    }
    const after = await runFupin(["import", file], { DATABASE_URL: db.url });
    expect(after.stdout).toContain("households: 40 created");
  });
});
