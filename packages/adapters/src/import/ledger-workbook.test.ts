import { PassThrough } from "node:stream";
import * as ExcelJS from "@cj-tech-master/excelts";
import type { LedgerData } from "@fupin/domain";
import { describe, expect, it } from "vitest";
import { exportLedger } from "../export/export-report.js";
import { loadProfile } from "../profiles/registry.js";
import { sampleLedger } from "../testing/sample-ledger.js";
import { dumpWorkbook } from "../testing/workbook-dump.js";
import { writeErrorWorkbook } from "./error-workbook.js";
import { type ImportOptions, importWorkbook } from "./import-workbook.js";

const ledger = sampleLedger();
const options: ImportOptions = { countyCode: "360723", regions: [], asOf: "2025-11-30" };

async function exported(data: LedgerData = ledger): Promise<Buffer> {
  const profile = loadProfile("ledger");
  if (!profile.ok) throw new Error(profile.error.message);
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on("data", (c: Buffer) => chunks.push(c));
  await exportLedger(profile.value, data, stream);
  return Buffer.concat(chunks);
}

/** The exported workbook with cells of the 奖补 sheet (subsidies) replaced, as a county might type them. */
async function withSubsidyCells(cells: Record<string, unknown>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await exported());
  const ws = wb.getWorksheet("奖补")!;
  for (const [address, value] of Object.entries(cells)) ws.getCell(address).value = value as never;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("importing fupin's ledger workbook", () => {
  it("round trip: export, import into an empty ledger, export again — the same workbook cell for cell", async () => {
    const first = await exported();
    const result = await importWorkbook(first, "台账.xlsx", options);
    if (!result.ok) throw new Error(JSON.stringify(result.errors ?? result.fileError));
    expect(result.shape).toBe("ledger");
    expect(result.counts).toMatchObject({ households: 3, members: 5, subsidies: 2, projects: 1 });
    const { __validated: _, ...original } = ledger;
    expect(result.data).toEqual(original);
    expect(await dumpWorkbook(await exported(result.data))).toBe(await dumpWorkbook(first));
  });

  it.each([
    ["an Excel serial", 45726, "2025-03-10"],
    ["2025.3.1", "2025.3.1", "2025-03-01"],
    ["2025年3月1日", "2025年3月1日", "2025-03-01"],
    ["text 2025/03/09", "2025/03/09", "2025-03-09"],
  ])("reads a date given as %s", async (_, value, iso) => {
    const result = await importWorkbook(await withSubsidyCells({ C2: value }), "台账.xlsx", options);
    expect(result.ok && result.data.subsidies[0]!.date).toBe(iso);
  });

  it.each([
    ["1,234.50元", 123_450],
    ["￥12.5", 1_250],
    ["８８元", 8_800],
    [1234.5, 123_450],
  ])("reads the amount %j in yuan as fen", async (value, fen) => {
    const result = await importWorkbook(await withSubsidyCells({ E2: value }), "台账.xlsx", options);
    expect(result.ok && result.data.subsidies[0]!.amountFen).toBe(fen);
  });

  it("refuses bad dates and amounts cell by cell, changes nothing, and writes an error workbook marking the cells", async () => {
    const bytes = await withSubsidyCells({ C2: "2025年2月30日", E2: "12.345", E3: "1,23" });
    const result = await importWorkbook(bytes, "台账.xlsx", options);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.sheet, e.address, e.code, e.value])).toEqual([
      ["奖补", "C2", "CELL.NOT_A_DATE", "2025年2月30日"],
      ["奖补", "E2", "CELL.NOT_AN_AMOUNT", "12.345"],
      ["奖补", "E3", "CELL.NOT_AN_AMOUNT", "1,23"],
    ]);
    expect(result.errors[0]!.message).toContain("不是有效日期");
    expect("data" in result).toBe(false);
    const marked = new ExcelJS.Workbook();
    await marked.xlsx.load(await writeErrorWorkbook(bytes, result.errors));
    const cell = marked.getWorksheet("奖补")!.getCell("E2");
    expect(cell.fill).toMatchObject({ pattern: "solid" });
    expect(String(cell.note)).toContain("金额");
    const list = marked.getWorksheet("错误清单")!;
    expect(list.rowCount).toBe(4);
    expect(list.getRow(2).values).toEqual(
      expect.arrayContaining(["奖补", 2, "发放日期", "C2", "CELL.NOT_A_DATE"]),
    );
  });

  it("refuses a row the domain refuses and a reference to nothing, naming the row", async () => {
    const bytes = await withSubsidyCells({ B3: "no-such-household" });
    const result = await importWorkbook(bytes, "台账.xlsx", options);
    expect(result.ok ? [] : result.errors.map((e) => [e.sheet, e.row, e.code])).toEqual([
      ["奖补", 3, "LEDGER.UNKNOWN_REFERENCE"],
    ]);
  });
});
