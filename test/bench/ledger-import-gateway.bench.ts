// Time and memory of importing a person roster of 50,000 member rows through the gateway's import
// (`importLedgerFile`, what importLedger and `pnpm fupin import` run): read and type every cell, lay
// the records over the stored county ledger, check scope, duplicates and the ledger's rules, then a
// dry run and the real write (inserts and an audit entry per record, one transaction) on an embedded
// PostgreSQL. Reference in the same run: plain reading of the same workbook (`readWorkbook`).
// Memory is the process's peak RSS sampled every 50 ms (after a GC; RSS keeps what earlier steps took,
// so each line also prints the RSS it started from). It prints; it asserts nothing. `pnpm bench ledger-import-gateway`.
import { performance } from "node:perf_hooks";
import * as ExcelJS from "@cj-tech-master/excelts";
import { readWorkbook } from "@fupin/adapters";
import { idNumberCheckDigit } from "@fupin/domain";
import { createPool, createSqlExecutor, importLedgerFile, migrate, openDatabase } from "@fupin/gateway";
import { startBenchPostgres } from "./lib/postgres.js";

const MEMBERS = 50_000;
const VILLAGE = "360723100201";

function idOf(n: number): string {
  const day = new Date(Date.UTC(1940, 0, 1) + Math.floor(n / 3) * 86_400_000);
  const body = `360723${day.toISOString().slice(0, 10).replaceAll("-", "")}${String(600 + (n % 3)).padStart(3, "0")}`;
  return `${body}${idNumberCheckDigit(body)}`;
}

async function roster(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("人口名单");
  ws.addRow([
    "行政区划代码",
    "户编号",
    "姓名",
    "证件号码",
    "与户主关系",
    "劳动技能",
    "贫困户属性",
    "致贫原因",
    "脱贫属性",
    "首次识别时间",
  ]);
  for (let i = 0; i < MEMBERS; i++) {
    const number = `${VILLAGE}B${String(Math.floor(i / 3)).padStart(6, "0")}`;
    ws.addRow([
      VILLAGE,
      number,
      "王某某",
      idOf(i),
      ["户主", "配偶", "子女"][i % 3],
      "普通劳动力",
      "一般贫困户",
      "缺资金",
      "未脱贫",
      2016,
    ]);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

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
