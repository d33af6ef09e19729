import { readFileSync, writeFileSync } from "node:fs";
import { PassThrough } from "node:stream";
import * as ExcelJS from "@cj-tech-master/excelts";
import { buildReportSet, type ReportDataset } from "@fupin/domain";
import { describe, expect, it } from "vitest";
import { regionNamesOf } from "../profiles/dataset-rows.js";
import { loadProfile } from "../profiles/registry.js";
import { ID_WITH_X, sampleLedger } from "../testing/sample-ledger.js";
import { dumpWorkbook } from "../testing/workbook-dump.js";
import { exportLedger, exportReport } from "./export-report.js";

const ledger = sampleLedger();
const set = buildReportSet(ledger, "360723", { kind: "month", year: 2025, month: 3 });
const names = regionNamesOf(ledger);

function profile(name: string) {
  const p = loadProfile(name);
  if (!p.ok) throw new Error(p.error.message);
  return p.value;
}

async function collect(write: (stream: PassThrough) => Promise<unknown>): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on("data", (c: Buffer) => chunks.push(c));
  await write(stream);
  return Buffer.concat(chunks);
}

const golden = (name: string) => new URL(`./golden/${name}.txt`, import.meta.url);

function matchGolden(name: string, text: string) {
  // Set UPDATE_GOLDEN=1 to rewrite a golden file after a deliberate change of a profile.
  if (process.env.UPDATE_GOLDEN === "1") writeFileSync(golden(name), text);
  expect(text).toBe(readFileSync(golden(name), "utf8"));
}

const datasets: [string, ReportDataset][] = [
  ["province-households", set.households],
  ["city-projects", set.projects],
  ["city-campaign", set.campaign],
];

describe("xlsx export", () => {
  it.each(datasets)("%s matches its golden file cell for cell", async (name, dataset) => {
    const bytes = await collect((s) => exportReport(profile(name), dataset, names, s));
    matchGolden(name, await dumpWorkbook(bytes));
  });

  it("the ledger workbook matches its golden file", async () => {
    const bytes = await collect((s) => exportLedger(profile("ledger"), ledger, s));
    matchGolden("ledger", await dumpWorkbook(bytes));
  });

  it("writes ID numbers and codes as text, yuan with two decimals from fen, dates as dates, headers merged", async () => {
    const bytes = await collect((s) =>
      exportReport(profile("province-households"), set.households, names, s),
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes);
    const roster = wb.getWorksheet("人口名单")!;
    expect(roster.getCell("A1").value).toBe("大余县建档立卡人口名单（2025-03，数据截至2025-03-31）");
    expect(roster.getCell("G2").value).toBe("证件号码");
    const id = roster.getCell("G3");
    expect([id.value, id.numFmt]).toEqual([ID_WITH_X, "@"]);
    expect([roster.getCell("D3").value, roster.getCell("D3").numFmt]).toEqual(["3607231002010001", "@"]);
    const support = wb.getWorksheet("户帮扶情况")!;
    expect(support.getCell("E2").value).toBe("帮扶责任人");
    expect(support.getCell("E3").value).toBe("姓名");
    expect((support.model as unknown as { mergeCells: string[] }).mergeCells).toEqual(
      expect.arrayContaining(["E2:F2", "A2:A3", "G2:I2"]),
    );
    expect([support.getCell("H4").value, support.getCell("H4").numFmt]).toEqual([1234.56, "0.00"]);
    expect(support.getCell("I4").value).toEqual(new Date(Date.UTC(2025, 1, 10)));
  });

  it("writes JSON batches of the profile's batch size, amounts as yuan texts", async () => {
    const p = loadProfile("city-campaign", { transport: { batchSize: 4 } });
    if (!p.ok) throw new Error(p.error.message);
    const text = (await collect((s) => exportReport(p.value, set.campaign, names, s, "json"))).toString(
      "utf8",
    );
    const batches = text
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(batches.map((b) => b.rows.length)).toEqual([4, 4, 1]);
    expect(batches[0]).toMatchObject({
      profile: "city-campaign",
      batch: 0,
      meta: { regionCode: "360723", period: "2025-03", asOf: "2025-03-31" },
    });
    const total = batches[2].rows[0];
    expect(total).toMatchObject({ township: "合计", month: 3, subsidyFenCum: "2034.56" });
  });
});
