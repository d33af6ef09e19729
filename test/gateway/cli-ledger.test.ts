import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import * as ExcelJS from "@cj-tech-master/excelts";
import { seedSyntheticCounty } from "@fupin/gateway";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runFupin } from "../support/cli.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";

// The real CLI as a child process, against DATABASE_URL: export, import, check.
let county: TestDatabase;
let empty: TestDatabase;
let dir: string;
const YEAR = String(new Date().getUTCFullYear() - 1);
const file = (name: string) => path.join(dir, name);

beforeAll(async () => {
  [county, empty] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  await seedSyntheticCounty(county.pool, county.orm, { households: 60 });
  dir = await mkdtemp(path.join(tmpdir(), "fupin-cli-"));
}, 120_000);
afterAll(async () => {
  await Promise.all([county?.close(), empty?.close()]);
  if (dir) await rm(dir, { recursive: true, force: true });
});

const on = (db: TestDatabase) => ({ DATABASE_URL: db.url });

/** Every cell of every sheet as text, sheet by sheet. */
async function cells(bytes: Buffer): Promise<Record<string, string[]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes);
  const out: Record<string, string[]> = {};
  wb.eachSheet((ws) => {
    const list: string[] = [];
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        list.push(
          `${cell.address}=${cell.value instanceof Date ? cell.value.toISOString() : String(cell.value)}`,
        );
      }),
    );
    out[ws.name] = list;
  });
  return out;
}

describe("pnpm fupin export / import / check", () => {
  it("round trip: the county's ledger workbook imports into an empty database and exports again cell for cell", {
    timeout: 240_000,
  }, async () => {
    const first = await runFupin(
      ["export", "--profile", "ledger", "--region", "360723", "--out", file("a.xlsx")],
      on(county),
    );
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^wrote .*a\.xlsx \(ledger, region 360723: \d+ rows\)/m);

    const again = await runFupin(["import", file("a.xlsx"), "--dry-run"], on(county));
    expect(again.code, again.stderr).toBe(0);
    const counts = again.stdout.split("\n").filter((l) => / created, /.test(l));
    expect(counts.length).toBeGreaterThan(10);
    expect(counts.filter((l) => !/: 0 created, 0 updated, \d+ unchanged$/.test(l))).toEqual([]);
    expect(again.stdout).toContain("dry run: a.xlsx is clean");
    expect(again.stderr).toMatch(/read \d+ rows, 0 errors so far/);

    const into = await runFupin(["import", file("a.xlsx"), "--region", "360723"], on(empty));
    expect(into.code, into.stdout + into.stderr).toBe(0);
    expect(into.stdout).toMatch(/^households: 60 created, 0 updated, 0 unchanged$/m);
    expect(into.stderr).toMatch(/wrote \d+ records/);

    const second = await runFupin(
      ["export", "--profile", "ledger", "--region", "360723", "--out", file("b.xlsx")],
      on(empty),
    );
    expect(second.code, second.stderr).toBe(0);
    expect(await cells(await readFile(file("b.xlsx")))).toEqual(await cells(await readFile(file("a.xlsx"))));

    const checks = await Promise.all(
      [county, empty].map((db) => runFupin(["check", "--region", "360723", "--period", YEAR], on(db))),
    );
    expect(checks[1]!.stdout).toBe(checks[0]!.stdout);
    expect(checks[1]!.code).toBe(checks[0]!.code);
  });

  it("check prints each error-level violation in Chinese with its rows and exits 1; a clean region exits 0", {
    timeout: 120_000,
  }, async () => {
    const broken = await runFupin(["check", "--region", "360723", "--period", YEAR], on(county));
    const errors = broken.stdout.split("\n").filter((l) => l.startsWith("错误 "));
    expect(errors.length).toBeGreaterThan(0);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(/^错误 R\d\.[A-Z_.]+ R\d .+：.+，应为 /m);
    expect(broken.stdout).toMatch(
      /^ {2}.+：-?\d+；行：(province-households|city-projects|city-campaign|ledger) /m,
    );
    expect(broken.stdout).toContain(`360723 ${YEAR}: ${errors.length} 个错误`);
    const clean = await runFupin(["check", "--region", "360724", "--period", YEAR], on(county));
    expect(clean.stdout).toContain(`360724 ${YEAR}: 0 个错误，0 个警告`);
    expect(clean.code).toBe(0);
  });

  it("import exits 1 on row errors, printing them in Chinese and the error workbook's path; nothing written", {
    timeout: 120_000,
  }, async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("人口名单");
    ws.addRow([
      "行政区划代码",
      "户编号",
      "姓名",
      "证件号码",
      "与户主关系",
      "贫困户属性",
      "致贫原因",
      "脱贫属性",
      "首次识别时间",
    ]);
    ws.addRow([
      "360723100201",
      "360723100201X001",
      "张三",
      "3.60723E+17",
      "户主",
      "一般贫困户",
      "缺资金",
      "未脱贫",
      2016,
    ]);
    await wb.xlsx.writeFile(file("bad.xlsx"));
    const before = await county.pool.query("select count(*)::int as n from household");
    const run = await runFupin(["import", file("bad.xlsx")], on(county));
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^人口名单!D2 \[ID_NUMBER\.SCIENTIFIC_NOTATION\] .*（值：3\.60723E\+17）$/m);
    expect(run.stdout).toContain(`error workbook: ${file("bad.errors.xlsx")}`);
    expect(existsSync(file("bad.errors.xlsx"))).toBe(true);
    expect((await county.pool.query("select count(*)::int as n from household")).rows).toEqual(before.rows);
  });

  it("export writes a report for a period; bad options are usage errors naming the option", {
    timeout: 120_000,
  }, async () => {
    const ok = await runFupin(
      [
        "export",
        "--profile",
        "province-households",
        "--region",
        "360723",
        "--period",
        YEAR,
        "--out",
        file("r1.xlsx"),
      ],
      on(county),
    );
    expect(ok.code, ok.stderr).toBe(0);
    const sheets = await cells(await readFile(file("r1.xlsx")));
    expect(Object.values(sheets)[0]!.length).toBeGreaterThan(60);
    const bad = await runFupin(
      [
        "export",
        "--profile",
        "city-projects",
        "--region",
        "360723",
        "--period",
        "2025-13",
        "--out",
        file("x.xlsx"),
      ],
      on(county),
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^--period: /);
  });
});
