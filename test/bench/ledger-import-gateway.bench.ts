// Time and memory of importing a person roster of 50,000 member rows through the gateway's import
// (`importLedgerFile`, what importLedger and `pnpm fupin import` run): read and type every cell, lay
// the records over the stored county ledger, check scope, duplicates and the ledger's rules, then a
// dry run and the real write (inserts and an audit entry per record, one transaction) on an embedded
// PostgreSQL. Reference in the same run: plain reading of the same workbook (`readWorkbook`).
// Memory is the process's peak RSS sampled every 50 ms (after a GC; RSS keeps what earlier steps took,
// so each line also prints the RSS it started from). It prints; it asserts nothing. `pnpm bench ledger-import-gateway`.
import { performance } from "node:perf_hooks";
import { readWorkbook } from "@fupin/adapters";
import { generatedRoster } from "@fupin/adapters/testing/roster";
import { createPool, createSqlExecutor, importLedgerFile, migrate, openDatabase } from "@fupin/gateway";
import { startBenchPostgres } from "./lib/postgres.js";

const MEMBERS = 50_000;
const VILLAGE = "360723100201";

/** The roster: households of three (head, spouse, child) in one village, ID numbers from 1940. */
const roster = () =>
  generatedRoster({
    village: VILLAGE,
    persons: MEMBERS,
    perHousehold: 3,
    tag: "B",
    digits: 6,
    names: ["王某某"],
    firstBirthYear: 1940,
    firstSequence: 600,
  });

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

async function measure<T>(label: string, work: () => Promise<T>): Promise<T> {
  gc();
  const startRss = process.memoryUsage().rss;
  let peak = startRss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  const start = performance.now();
  const result = await work();
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  console.log(
    `${label.padEnd(44)} ${((performance.now() - start) / 1000).toFixed(2).padStart(6)} s   peak RSS ${(peak / 2 ** 20).toFixed(0).padStart(5)} MiB`,
  );
  return result;
}

const server = await startBenchPostgres();
try {
  const url = await server.createDatabase("ledger_import");
  const db = await openDatabase({ url });
  await migrate(db.orm);
  const pool = createPool(url, 4);
  for (const [code, name, level, parent] of [
    ["360723", "大余县", "county", null],
    ["360723100", "南安镇", "township", "360723"],
    [VILLAGE, "新华村", "village", "360723100"],
  ] as const)
    await pool.query(
      "insert into region (county_code, region_code, code, name, level, parent_code, is_poor_village) values ($1, $2, $2, $3, $4, $5, false)",
      ["360723", code, name, level, parent],
    );
  const bytes = await roster();
  console.log(`roster: ${MEMBERS} member rows, ${(bytes.byteLength / 2 ** 20).toFixed(1)} MiB xlsx`);
  const caller = { principalId: "bench", regionCode: "360723", requestId: "bench", now: new Date() };
  const options = { fileName: "roster.xlsx", maxBytes: 50 * 2 ** 20 };
  const sql = createSqlExecutor(pool);
  await measure("reference: readWorkbook (plain reading)", () => readWorkbook(bytes, "roster.xlsx"));
  const dry = await measure("gateway import, dry run", () =>
    importLedgerFile(sql, bytes, caller, { ...options, dryRun: true }),
  );
  const real = await measure("gateway import, written (+ audit per record)", () =>
    importLedgerFile(sql, bytes, caller, { ...options, dryRun: false }),
  );
  console.log(
    `dry run ok=${dry.ok}; written=${real.written}: ${real.counts.map((c) => `${c.kind} ${c.created} created`).join(", ")}`,
  );
  await pool.end();
  await db.close();
} finally {
  await server.stop();
}
