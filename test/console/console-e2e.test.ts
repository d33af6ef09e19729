import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import * as ExcelJS from "@cj-tech-master/excelts";
import { createPlatformSimulator, type PlatformSimulator } from "@fupin/adapters";
import { ensureConsoleBuild } from "@fupin/console/build";
import { createLogger, LEDGER_TABLES, type SyncWorker, startSyncWorker } from "@fupin/gateway";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { label } from "../../packages/console/src/labels.js";
import { launchChromium, screenshot, seriousAxeViolations } from "../support/browser.js";
import { startTestGateway, TEST_COUNTY, type TestGateway } from "../support/gateway.js";
import { fastSyncSettings, PROVINCE_TOKEN } from "../support/sync.js";

let gw: TestGateway;
let browser: Browser;
/** The provincial and city platforms the county's reports are delivered to (faults set per test). */
let platforms: PlatformSimulator;
let worker: SyncWorker;
let dropDir: string;

beforeAll(async () => {
  await ensureConsoleBuild({ quiet: true });
  platforms = await createPlatformSimulator({ tokens: { province: PROVINCE_TOKEN } });
  dropDir = await mkdtemp(path.join(tmpdir(), "fupin-console-sync-"));
  gw = await startTestGateway({
    http: true,
    seedHouseholds: 60,
    developmentKey: true,
    sync: async (db) => {
      // One retry: a platform that stays down leaves the run dead (多次失败) within seconds.
      worker = await startSyncWorker({
        url: db.url,
        pool: db.pool,
        orm: db.orm,
        settings: fastSyncSettings(platforms, dropDir, { retryLimit: 1 }),
        logger: createLogger("silent"),
      });
      return worker;
    },
  });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await worker?.stop();
  await gw?.close();
  await platforms?.close();
  if (dropDir) await rm(dropDir, { recursive: true, force: true });
});

async function signIn(key: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: "zh-CN" });
  await page.goto(`${gw.origin}/console`, { waitUntil: "load" });
  await page.waitForURL(/\/console\/signin/);
  await page.locator("#credential").fill(key);
  await page.getByRole("button", { name: "登录" }).click();
  await page.waitForURL(/\/console\/overview/);
  return page;
}

async function expectAccessible(page: Page): Promise<void> {
  expect(await seriousAxeViolations(page)).toEqual([]);
}

/** The townships whose report of `profile` for `period` has no error-level violation (a clean baseline). */
async function cleanTownships(profile: string, period: string): Promise<string[]> {
  const towns = await gw.graphql<{ regions: { nodes: { code: string }[] } }>(
    `{ regions(regionCode: "${TEST_COUNTY}", filter: { level: "township" }, first: 100) { nodes { code } } }`,
  );
  const clean: string[] = [];
  for (const { code } of towns.body.data!.regions.nodes) {
    const preview = await gw.graphql<{ reportPreview: { errorCount: number } }>(
      `query($p: String!, $r: String!, $d: String!) { reportPreview(profile: $p, regionCode: $r, period: $d) { errorCount } }`,
      { p: profile, r: code, d: period },
    );
    if (preview.body.data?.reportPreview.errorCount === 0) clean.push(code);
  }
  return clean;
}

/** Waits until no loading mask is shown. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll(".el-loading-mask").length === 0, null, {
    timeout: 60_000,
  });
}

describe("console", () => {
  it("signs in with the development key and shows the overview's figures equal to GraphQL metrics", async () => {
    const page = await signIn(gw.developmentKey!);
    await settled(page);
    const shown = await page
      .locator("[data-metric]")
      .evaluateAll((els) => els.map((e) => [e.getAttribute("data-metric"), e.textContent?.trim()] as const));
    const res = await gw.graphql<{ metrics: { code: string; display: string }[] }>(
      `{ metrics(regionCode: "${TEST_COUNTY}") { code display } }`,
      {},
      { key: gw.developmentKey! },
    );
    const expected = res.body.data!.metrics.map((m) => [m.code, m.display] as const);
    expect(expected.length).toBeGreaterThan(5);
    expect(shown).toEqual(expected);
    const summary = await gw.graphql<{ findingSummary: { total: number; byCode: { count: number }[] }[] }>(
      `{ findingSummary(regionCode: "${TEST_COUNTY}") { total byCode { count } } }`,
      {},
      { key: gw.developmentKey! },
    );
    const cells = await page
      .locator("[data-testid=tally] [data-count]")
      .evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-count"))));
    const tallied = summary.body.data!.findingSummary.flatMap((t) => t.byCode.map((c) => c.count));
    expect(cells.reduce((a, b) => a + b, 0)).toBe(tallied.reduce((a, b) => a + b, 0));
    expect(cells.length).toBe(tallied.length);
    // ledger:read only: no write actions anywhere.
    await page.goto(`${gw.origin}/console/findings`);
    await settled(page);
    expect(await page.getByRole("button", { name: "发起整改" }).count()).toBe(0);
    await page.close();
  });

  it("refuses a wrong key in Chinese, saying what to do", async () => {
    const page = await browser.newPage();
    await page.goto(`${gw.origin}/console/signin`);
    await page.locator("#credential").fill("fpk_wrong");
    await page.getByRole("button", { name: "登录" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toMatch(/请重新登录/);
    await screenshot(page, "console-signin");
    await expectAccessible(page);
    await page.close();
  });

  it("shows every page to a county key with all permissions, each accessible, each screenshotted", async () => {
    const page = await signIn(gw.keys.county);
    await settled(page);
    await page.locator("[data-testid=tally] tbody tr").first().waitFor();
    await screenshot(page, "console-overview");
    await expectAccessible(page);

    await page.locator("[data-testid=tally] tbody tr button").first().click();
    await page.waitForURL(/\/console\/findings\?/);
    await settled(page);
    expect(await page.locator("[data-testid=findings] tbody tr").count()).toBeGreaterThan(0);
    await screenshot(page, "console-findings");
    await expectAccessible(page);

    for (const [path, name] of [
      ["rectifications", "console-rectifications"],
      ["ledger", "console-ledger"],
      ["reports", "console-reports"],
      ["sync", "console-sync"],
    ] as const) {
      await page.goto(`${gw.origin}/console/${path}`);
      await settled(page);
      await screenshot(page, name);
      await expectAccessible(page);
    }

    await page.goto(`${gw.origin}/console/ledger`);
    await settled(page);
    await page.locator("[data-testid=households] tbody tr a").first().click();
    await page.waitForURL(/\/console\/ledger\/hh-/);
    await settled(page);
    await page.getByRole("heading", { name: "家庭成员" }).waitFor();
    await screenshot(page, "console-household");
    await expectAccessible(page);
    await page.close();
  });

  it("shows a township key only its township", async () => {
    const towns = await gw.graphql<{ regions: { nodes: { code: string; name: string }[] } }>(
      `{ regions(regionCode: "${TEST_COUNTY}", filter: { level: "township" }, first: 100) { nodes { code name } } }`,
    );
    const town = towns.body.data!.regions.nodes[0]!;
    const key = await gw.keys.create(town.code, ["ledger:read"]);
    const page = await signIn(key);
    await settled(page);
    await expect.poll(() => page.getByTestId("scope").textContent()).toContain(town.code);
    const rows = await page.locator("[data-testid=tally] tbody tr th").allTextContents();
    expect(
      rows
        .map((r) => r.trim())
        .filter(Boolean)
        .every((r) => r === town.name),
    ).toBe(true);
    const count = await gw.graphql<{ households: { totalCount: number } }>(
      `{ households(regionCode: "${town.code}") { totalCount } }`,
    );
    await page.goto(`${gw.origin}/console/ledger`);
    await settled(page);
    await expect
      .poll(() => page.getByTestId("household-total").textContent())
      .toBe(`共 ${count.body.data!.households.totalCount} 户`);
    const villages = await page
      .locator("[data-testid=households] tbody tr td:nth-child(3)")
      .allTextContents();
    expect(villages.length).toBeGreaterThan(0);
    await page.close();
  });

  it("finds households by a member's name (not only the head's), refusing digits in Chinese", async () => {
    const member = await gw.db.pool.query<{ name: string }>(
      `select m.name from member m where m.relation <> 'head' and m.name not like '% %'
        order by (select count(*) from member o where strpos(o.name, m.name) > 0), m.id limit 1`,
    );
    const name = member.rows[0]!.name;
    const expected = await gw.db.pool.query<{ household_number: string }>(
      `select h.household_number from household h
        where exists (select 1 from member m where m.household_id = h.id and m.name like '%' || $1 || '%')
        order by h.id`,
      [name],
    );
    expect(expected.rows.length).toBeGreaterThan(0);
    const page = await signIn(gw.keys.county);
    await page.goto(`${gw.origin}/console/ledger`);
    await settled(page);
    const all = await page.getByTestId("household-total").textContent();
    await page.getByRole("textbox", { name: "姓名" }).fill(name);
    await page.getByRole("button", { name: "查询" }).click();
    await expect
      .poll(() => page.getByTestId("household-total").textContent())
      .toBe(`共 ${expected.rows.length} 户`);
    await settled(page);
    expect(await page.getByTestId("household-total").textContent()).not.toBe(all);
    const numbers = await page.locator("[data-testid=households] tbody tr td:nth-child(1)").allTextContents();
    expect(numbers.map((n) => n.trim())).toEqual(expected.rows.map((r) => r.household_number));
    const matches = await page.getByTestId("name-match").allTextContents();
    expect(matches.every((m) => m.includes(name))).toBe(true);
    await screenshot(page, "console-ledger-by-name");
    await expectAccessible(page);

    await page.getByRole("textbox", { name: "姓名" }).fill("360723199001010011");
    await page.getByRole("button", { name: "查询" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toMatch(/姓名中不能有数字/);
    await page.close();
  });

  it("previews a report with a planted inconsistency and is refused submission, in Chinese", async () => {
    // A township whose province report of a year has no error, and in it a linkage year whose payment,
    // relabelled, is more than the household's recorded income of that kind: one GraphQL write
    // (recordLinkageYear, same id, same amount) calls the payment wages (务工) — employment pay then exceeds
    // the wage income — or a dividend (分红) — dividends and rent then exceed the property income. No
    // total moves, so only that household's rule breaks.
    const { linkageYears, linkages, incomes, households } = LEDGER_TABLES;
    const PLANTS = [
      { kind: "wage", same: ["wage"], income: "wage_fen", rule: "R5.WAGES_COVER_EMPLOYMENT_PAY" },
      {
        kind: "dividend",
        same: ["dividend", "rent"],
        income: "property_fen",
        rule: "R5.PROPERTY_COVERS_DIVIDENDS_AND_RENT",
      },
    ] as const;
    let planted: {
      town: string;
      year: number;
      plant: (typeof PLANTS)[number];
      row: Record<string, unknown>;
    } | null = null;
    search: for (const year of [2025, 2024, 2023]) {
      for (const town of await cleanTownships("province-households", String(year))) {
        for (const plant of PLANTS) {
          const found = await gw.db.pool.query(
            `select y.id, y.linkage_id, y.received_fen, y.months_worked, y.area_mu, y.invested_fen,
                    y.payment_dates, i.id as income_id
               from ${linkageYears.table} y join ${linkages.table} l on l.id = y.linkage_id
               join ${households.table} h on h.id = l.household_id
               join ${incomes.table} i on i.household_id = h.id and i.year = y.year
              where y.year = $1 and y.took_part and y.benefit_kind <> all($3) and y.received_fen > 0
                and h.village_code like $2 || '%'
                and y.received_fen + (select coalesce(sum(w.received_fen), 0) from ${linkageYears.table} w
                      join ${linkages.table} wl on wl.id = w.linkage_id
                     where wl.household_id = l.household_id and w.year = y.year and w.took_part
                       and w.benefit_kind = any($3)) > i.${plant.income}
              order by y.id limit 1`,
            [year, town, plant.same],
          );
          if (found.rows[0]) {
            planted = { town, year, plant, row: found.rows[0] };
            break search;
          }
        }
      }
    }
    if (!planted)
      throw new Error("the synthetic county has no clean township with a linkage year to plant on");
    const { town, year, plant, row } = planted;
    const optional = (name: string, value: unknown) => (value == null ? {} : { [name]: Number(value) });
    const wrote = await gw.graphql(
      `mutation($input: LinkageYearInput!) { recordLinkageYear(input: $input) { recordId receivedFen } }`,
      {
        input: {
          id: row.id,
          linkageId: row.linkage_id,
          year,
          tookPart: true,
          benefitKind: plant.kind,
          receivedFen: Number(row.received_fen),
          ...optional("monthsWorked", row.months_worked),
          ...optional("areaMu", row.area_mu),
          ...optional("investedFen", row.invested_fen),
          ...(row.payment_dates == null ? {} : { paymentDates: row.payment_dates }),
        },
      },
    );
    expect(wrote.body.errors).toBeUndefined();

    const clerk = await gw.keys.create(town, ["ledger:read", "reports:submit"]);
    const before = await gw.graphql<{ submissions: { totalCount: number } }>(
      `{ submissions(regionCode: "${town}") { totalCount } }`,
    );
    const page = await signIn(clerk);
    await page.goto(`${gw.origin}/console/reports`);
    await page.getByRole("textbox", { name: "报表期间" }).fill(String(year));
    await page.getByRole("button", { name: "预览" }).click();
    await page.locator("[data-testid=violations] tbody tr").first().waitFor({ timeout: 60_000 });
    const rules = await page.locator("[data-testid=violations] tbody tr td:nth-child(3)").allTextContents();
    // Only the planted inconsistency: the report was clean before the write.
    expect(rules.map((r) => r.trim())).toEqual([plant.rule]);
    await page.locator("[data-testid=violations] tbody tr .el-table__expand-icon").first().click();
    const rowsShown = page.locator("[data-testid=violations] .el-table__expanded-cell");
    // Its rows: the household's income record and the linkage year just written, with both figures.
    await expect.poll(() => rowsShown.textContent()).toContain(String(row.id));
    const shown = (await rowsShown.textContent())!;
    expect(shown).toContain(String(row.income_id));
    const [, income, paid] = shown.match(/收入 = (\d+)；[^=]+ = (\d+)/) ?? [];
    expect(Number(paid)).toBeGreaterThan(Number(income));
    await page.getByRole("textbox", { name: "填报人" }).fill("张三");
    await page.getByRole("textbox", { name: "审核人" }).fill("李四");
    await page.getByRole("button", { name: "报送", exact: true }).click();
    await expect
      .poll(() => page.getByTestId("submit-error").textContent(), { timeout: 60_000 })
      .toMatch(/报表存在错误级校验问题，不能报送/);
    await screenshot(page, "console-reports-refused");
    await expectAccessible(page);
    const after = await gw.graphql<{ submissions: { totalCount: number } }>(
      `{ submissions(regionCode: "${town}") { totalCount } }`,
    );
    expect(after.body.data!.submissions.totalCount).toBe(before.body.data!.submissions.totalCount);
    await page.close();
  }, 180_000);

  it("checks a bad workbook and shows its row errors (sheet, row, column, value, message), writing nothing", async () => {
    const villages = await gw.graphql<{ regions: { nodes: { code: string }[] } }>(
      `{ regions(regionCode: "${TEST_COUNTY}", filter: { level: "village" }, first: 1) { nodes { code } } }`,
    );
    const village = villages.body.data!.regions.nodes[0]!.code;
    const headers = ["行政区划代码", "户编号", "姓名", "证件号码", "与户主关系", "劳动技能", "致贫原因"];
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("人口名单");
    ws.addRow([...headers, "首次识别时间", "贫困户属性", "脱贫属性", "脱贫年度"]);
    ws.addRow([
      village,
      "E2E-001",
      "王五",
      "360723199001010000",
      "户主",
      "普通劳动力",
      "缺资金",
      2016,
      "一般贫困户",
      "已脱贫",
      2019,
    ]);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const before = await gw.graphql<{ households: { totalCount: number } }>(
      `{ households(regionCode: "${TEST_COUNTY}") { totalCount } }`,
    );
    const page = await signIn(gw.keys.county);
    await page.getByRole("menuitem", { name: "导入" }).click();
    await page.waitForURL(/\/console\/import/);
    await page.locator("#import-file").setInputFiles({
      name: "bad-roster.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: bytes,
    });
    await page.getByRole("button", { name: "试导入（只检查）" }).click();
    await page.locator("[data-testid=import-errors] tbody tr").first().waitFor({ timeout: 60_000 });
    const row = await page
      .locator("[data-testid=import-errors] tbody tr")
      .first()
      .locator("td")
      .allTextContents();
    expect(row.slice(0, 4).map((c) => c.trim())).toEqual(["人口名单", "2", "证件号码", "360723199001010000"]);
    expect(row[4]).toMatch(/[\u4e00-\u9fff]/);
    await expect.poll(() => page.getByTestId("import-refused").textContent()).toMatch(/未写入任何数据/);
    expect(await page.getByRole("button", { name: "确认导入" }).isDisabled()).toBe(true);
    await screenshot(page, "console-import-errors");
    await expectAccessible(page);
    const after = await gw.graphql<{ households: { totalCount: number } }>(
      `{ households(regionCode: "${TEST_COUNTY}") { totalCount } }`,
    );
    expect(after.body.data!.households.totalCount).toBe(before.body.data!.households.totalCount);
    await page.close();
  });

  it("re-runs a run that failed while the platform was down, and the clerk sees it delivered", async () => {
    // A township whose report passes its rules, so the run reaches the platform (and is not blocked).
    const [town] = await cleanTownships("province-households", "2026-10");
    if (!town) throw new Error("no township's province report for 2026-10 is free of errors");
    platforms.setFault({ mode: "down" });
    const asked = await gw.graphql<{ runSyncNow: { run: { id: string } } }>(
      `mutation { runSyncNow(profile: "province-households", regionCode: "${town}", period: "2026-10",
         preparer: "张三", reviewer: "李四") { run { id } } }`,
    );
    expect(asked.body.errors).toBeUndefined();
    const id = asked.body.data!.runSyncNow.run.id;
    const statusOf = async () =>
      (await gw.db.pool.query<{ status: string }>("select status from sync_run where id = $1", [id])).rows[0]
        ?.status;
    await expect.poll(statusOf, { timeout: 40_000, interval: 250 }).toBe("dead");

    const page = await signIn(gw.keys.county);
    await page.goto(`${gw.origin}/console/sync`);
    await settled(page);
    const row = page
      .locator("[data-testid=sync-runs] tbody tr")
      .filter({ hasText: label("province-households") });
    await expect.poll(() => row.locator("td").nth(3).textContent()).toContain("多次失败");
    expect(await row.locator("td").nth(7).textContent()).toMatch(/503/);
    await screenshot(page, "console-sync-failed");
    await expectAccessible(page);

    platforms.clearFault();
    await row.getByRole("button", { name: "重新报送" }).click();
    await expect.poll(() => page.getByRole("status").textContent()).toContain(`编号 ${id}`);
    expect(await statusOf()).not.toBe("dead");
    await expect
      .poll(
        async () => {
          await page.getByRole("button", { name: "刷新" }).click();
          await settled(page);
          return row.locator("td").nth(3).textContent();
        },
        { timeout: 60_000, interval: 500 },
      )
      .toContain("已送达");
    expect(await row.getByRole("button", { name: "重新报送" }).count()).toBe(0);
    expect(await statusOf()).toBe("delivered");
    const audited = await gw.db.pool.query<{ before: { status: string } }>(
      "select before from audit_log where entity_type = 'sync_run' and entity_id = $1 and before->>'status' = 'dead'",
      [id],
    );
    expect(audited.rowCount).toBeGreaterThan(0);
    await screenshot(page, "console-sync-rerun");
    await page.close();
  }, 180_000);
});
