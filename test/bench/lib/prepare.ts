// Prepares one checkout's benchmark database, run as `node --import tsx prepare.ts` in its own
// process: migrates and seeds with that checkout's own gateway code (so an older checkout measured
// beside this one gets the schema it expects), creates the API keys of the measured callers and picks
// the filter's arguments. Prints one line `prepared <json>`.
//
// Environment: BENCH_CHECKOUT (the repository folder), DATABASE_URL, BENCH_HOUSEHOLDS.
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type * as Gateway from "@fupin/gateway";

/** What a prepared database offers the benchmark. */
export interface Prepared {
  readonly households: number;
  readonly members: number;
  readonly seedMs: number;
  /** API keys (full `fpk_…` text) by caller. */
  readonly keys: {
    readonly countyRead: string;
    readonly countyPersonal: string;
    readonly countyWrite: string;
    readonly townshipRead: string;
  };
  readonly township: string;
  readonly filter: { readonly township: string; readonly povertyStatus: string; readonly industryId: string };
  /** A household written to by the write shape. */
  readonly householdId: string;
  /** Households the many-household write shape writes to in turn, spread over the county. */
  readonly householdIds: readonly string[];
}

/** The county of the synthetic ledger. */
export const COUNTY = "360723";

/** How many households the many-household write shape writes to in turn. */
const WRITTEN_HOUSEHOLDS = 500;

async function main(): Promise<void> {
  const checkout = process.env.BENCH_CHECKOUT;
  const url = process.env.DATABASE_URL;
  if (!checkout || !url) throw new Error("BENCH_CHECKOUT and DATABASE_URL are required");
  const households = Number(process.env.BENCH_HOUSEHOLDS ?? 10_000);
  const gw = (await import(
    pathToFileURL(join(checkout, "packages/gateway/src/index.ts")).href
  )) as typeof Gateway;
  const db = await gw.openDatabase({ url });
  try {
    await gw.migrate(db.orm);
    const started = performance.now();
    await gw.seedSyntheticCounty(db.pool, db.orm, {
      households,
      referenceYear: 2025,
      now: () => new Date("2025-11-30T04:00:00Z"),
    });
    const seedMs = Math.round(performance.now() - started);
    const counts = await db.pool.query<{ h: number; m: number }>(
      "select (select count(*)::int from household) as h, (select count(*)::int from member) as m",
    );
    const pick = await db.pool.query<{ township: string; status: string; industry: string }>(
      `select left(h.village_code, 9) as township, h.poverty_status as status, hi.industry_id as industry
         from household h join household_industry hi on hi.household_id = h.id
        group by 1, 2, 3 order by abs(count(distinct h.id) - 40), 1, 2, 3 limit 1`,
    );
    const first = await db.pool.query<{ id: string }>("select id from household order by id limit 1");
    const spread = await db.pool.query<{ id: string }>("select id from household order by md5(id) limit $1", [
      WRITTEN_HOUSEHOLDS,
    ]);
    const row = pick.rows[0]!;
    const key = async (regionCode: string, permissions: string[], label: string) =>
      (await gw.createApiKey(db.pool, { regionCode, permissions, label })).key;
    const prepared: Prepared = {
      households: counts.rows[0]!.h,
      members: counts.rows[0]!.m,
      seedMs,
      keys: {
        countyRead: await key(COUNTY, ["ledger:read"], "bench county read"),
        countyPersonal: await key(COUNTY, ["ledger:read", "personal:read"], "bench county personal"),
        countyWrite: await key(COUNTY, ["ledger:read", "ledger:write"], "bench county write"),
        townshipRead: await key(row.township, ["ledger:read"], "bench township read"),
      },
      township: row.township,
      filter: { township: row.township, povertyStatus: row.status, industryId: row.industry },
      householdId: first.rows[0]!.id,
      householdIds: spread.rows.map((r) => r.id),
    };
    console.log(`prepared ${JSON.stringify(prepared)}`);
  } finally {
    await db.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
