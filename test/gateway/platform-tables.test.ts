import { currentStage, type LedgerData } from "@fupin/domain";
import { generateSyntheticCounty } from "@fupin/domain/synthetic";
import { LEDGER_TABLES, seedSyntheticCounty } from "@fupin/gateway";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/database.js";

const OPTIONS = { seed: 7, referenceYear: 2026, households: 60 } as const;

let db: TestDatabase;
let ledger: LedgerData;
beforeAll(async () => {
  db = await createTestDatabase();
  ledger = generateSyntheticCounty(OPTIONS).ledger;
  await seedSyntheticCounty(db.pool, db.orm, OPTIONS);
});
afterAll(async () => {
  await db?.close();
});

const KINDS = Object.keys(LEDGER_TABLES) as (keyof typeof LEDGER_TABLES)[];

describe("ledger tables", () => {
  it.each(KINDS)("%s: rows read with the table's column map are the seeded domain records", async (kind) => {
    const table = LEDGER_TABLES[kind];
    const r = await db.pool.query(`select ${table.select} from ${table.table}`);
    const records = (ledger[kind] as readonly Record<string, unknown>[]).map((rec) =>
      kind === "projects" ? { ...rec, currentStage: currentStage(rec as never) } : rec,
    );
    expect(r.rows.length).toBe(records.length);
    const byKey = new Map(records.map((rec) => [rec[table.key], rec]));
    for (const row of r.rows) expect(row).toEqual(byKey.get(row[table.key]));
  });

  it("describe every column of their database table, and nothing more", async () => {
    for (const table of Object.values(LEDGER_TABLES)) {
      const r = await db.pool.query<{ column_name: string }>(
        "select column_name from information_schema.columns where table_schema = 'public' and table_name = $1",
        [table.table],
      );
      const described = new Set([
        ...Object.values<string>(table.columns),
        "county_code",
        "region_code",
        "created_at",
        "updated_at",
        "version",
      ]);
      expect(new Set(r.rows.map((c) => c.column_name)), table.table).toEqual(described);
    }
  });

  it("file a household's members under its village and county", async () => {
    const household = ledger.households[0]!;
    const r = await db.pool.query<{ region_code: string; county_code: string }>(
      "select distinct region_code, county_code from member where household_id = $1",
      [household.id],
    );
    expect(r.rows).toEqual([{ region_code: household.villageCode, county_code: "360723" }]);
  });
});
