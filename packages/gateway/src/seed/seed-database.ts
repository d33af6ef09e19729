import { chinaDateOf } from "@fupin/domain";
import {
  generateSyntheticCounty,
  syntheticPeriod as sharedSyntheticPeriod,
  windowStart,
} from "@fupin/domain/synthetic";
import type { MikroORM } from "@mikro-orm/postgresql";
import type pg from "pg";
import { LEDGER_TABLE_LIST } from "../ledger/tables.js";
import { insertLedger, type SeedCounts } from "./seed-ledger.js";

/** Options of `seedSyntheticCounty`. */
export interface SeedOptions {
  /** Registered households to generate. Default 4000. */
  readonly households?: number;
  /** The synthetic "current" year. Default: the year of `now` (China time). */
  readonly referenceYear?: number;
  /** Generator seed. Default 1. */
  readonly seed?: number;
  /** Replace an existing ledger (truncates every ledger table; the audit log is kept). */
  readonly force?: boolean;
  readonly now?: () => Date;
  readonly onProgress?: (message: string) => void;
}

/** What seeding did: skipped (the database already had a ledger) or the rows inserted and the time taken. */
export type SeedResult =
  | { readonly seeded: false; readonly households: number }
  | { readonly seeded: true; readonly counts: SeedCounts; readonly rows: number; readonly ms: number };

/** The synthetic county's period for `today` (the domain's `syntheticPeriod`, shared with the examples), or the given reference year. */
export function syntheticPeriod(
  today: string,
  referenceYear?: number,
): { referenceYear: number; asOf?: string } {
  return referenceYear !== undefined ? { referenceYear } : sharedSyntheticPeriod(today);
}

/** Whether the database holds no households yet. */
export async function isLedgerEmpty(pool: pg.Pool): Promise<boolean> {
  const r = await pool.query<{ n: number }>("select count(*)::int as n from household");
  return (r.rows[0]?.n ?? 0) === 0;
}

/** Loads the synthetic Dayu county into an empty database (or replaces the ledger with `force`), in one transaction. */
export async function seedSyntheticCounty(
  pool: pg.Pool,
  _orm: MikroORM,
  options: SeedOptions = {},
): Promise<SeedResult> {
  const log = options.onProgress ?? (() => undefined);
  const started = performance.now();
  const existing = await pool.query<{ n: number }>("select count(*)::int as n from household");
  const householdsBefore = existing.rows[0]?.n ?? 0;
  if (householdsBefore > 0 && !options.force) return { seeded: false, households: householdsBefore };

  const now = (options.now ?? (() => new Date()))();
  const { referenceYear, asOf } = syntheticPeriod(chinaDateOf(now), options.referenceYear);
  const households = options.households ?? 4000;
  log(
    `generating the synthetic county: ${households} households, years ${windowStart(referenceYear)}–${referenceYear}`,
  );
  const county = generateSyntheticCounty({
    seed: options.seed ?? 1,
    referenceYear,
    households,
    ...(asOf ? { asOf } : {}),
  });
  log(`generated in ${Math.round(performance.now() - started)} ms; inserting`);

  const client = await pool.connect();
  try {
    await client.query("begin");
    if (options.force) {
      await client.query(`truncate ${LEDGER_TABLE_LIST.map((t) => `"${t.table}"`).join(", ")}`);
    }
    const counts = await insertLedger(client, county.ledger, (table, rows) =>
      log(`  ${table}: ${rows} rows`),
    );
    await client.query("commit");
    // Fresh statistics: without them the planner sorts a whole county for every page of a connection.
    await client.query("analyze");
    const rows = Object.values(counts).reduce((a, b) => a + b, 0);
    const ms = Math.round(performance.now() - started);
    log(`seeded ${rows} rows in ${ms} ms (synthetic data)`);
    return { seeded: true, counts, rows, ms };
  } catch (e) {
    await client.query("rollback").catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}
