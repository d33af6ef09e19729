import { MIGRATIONS, runCli } from "@fupin/gateway";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/database.js";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

async function cli(args: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const code = await runCli(
    args,
    { DATABASE_URL: db.url },
    { log: (l) => lines.push(l), error: (l) => lines.push(l) },
  );
  return { code, out: lines.join("\n") };
}

async function count(table: string, where = "true"): Promise<number> {
  const r = await db.pool.query<{ n: number }>(`select count(*)::int as n from ${table} where ${where}`);
  return r.rows[0]!.n;
}

describe("fupin seed", () => {
  it("loads the synthetic county with every row located at its county and region, and prints progress", async () => {
    const { code, out } = await cli(["seed", "--households", "300"]);
    expect(code).toBe(0);
    expect(out).toContain("household: 300 rows");
    expect(out).toMatch(/seeded \d+ rows in \d+ ms/);
    expect(await count("household")).toBe(300);
    expect(await count("member")).toBeGreaterThan(300);
    for (const table of [
      "household",
      "member",
      "income",
      "linkage",
      "linkage_year",
      "subsidy",
      "fund_use",
      "rectification",
    ]) {
      expect(await count(table, "county_code <> '360723'"), table).toBe(0);
      expect(await count(table, "region_code not like '360723%'"), table).toBe(0);
    }
    expect(
      await count("member m join household h on h.id = m.household_id", "m.region_code <> h.village_code"),
    ).toBe(0);
    expect(
      await count(
        "linkage_year y join linkage l on l.id = y.linkage_id join household h on h.id = l.household_id",
        "y.region_code <> h.village_code",
      ),
    ).toBe(0);
  });

  it("does nothing when a ledger is already loaded, and replaces it with --force", async () => {
    const skipped = await cli(["seed", "--households", "50"]);
    expect(skipped.out).toContain("already holds 300 households; use --force");
    expect(await count("household")).toBe(300);
    const forced = await cli(["seed", "--households", "50", "--force"]);
    expect(forced.code).toBe(0);
    expect(await count("household")).toBe(50);
  });

  it("refuses a household count that is not a positive whole number", async () => {
    await expect(cli(["seed", "--households", "many"])).rejects.toThrow(
      /--households must be a positive whole number/,
    );
  });

  it("`fupin migrate` applies the migrations to an empty database, then reports it up to date", async () => {
    const empty = await createTestDatabase({ migrate: false });
    try {
      const lines: string[] = [];
      const quiet = { log: (l: string) => lines.push(l), error: (l: string) => lines.push(l) };
      expect(await runCli(["migrate"], { DATABASE_URL: empty.url }, quiet)).toBe(0);
      expect(lines).toEqual([`applied ${MIGRATIONS.map((m) => m.name).join(", ")}`]);
      const tables = await empty.pool.query(
        "select 1 from information_schema.tables where table_name = 'household'",
      );
      expect(tables.rowCount).toBe(1);
    } finally {
      await empty.close();
    }
  });

  it("`fupin migrate` reports an up-to-date database", async () => {
    const { code, out } = await cli(["migrate"]);
    expect(code).toBe(0);
    expect(out).toBe("database is up to date");
  });
});
