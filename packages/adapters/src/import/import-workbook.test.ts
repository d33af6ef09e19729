import { readFileSync } from "node:fs";
import { PassThrough } from "node:stream";
import { buildReportSet, idNumberCheckDigit, toHalfWidth } from "@fupin/domain";
import { describe, expect, it } from "vitest";
import { exportReport } from "../export/export-report.js";
import { regionNamesOf } from "../profiles/dataset-rows.js";
import { loadProfile } from "../profiles/registry.js";
import { EXITED_PERSON, rosterRow, rosterWorkbook, workbookBytes } from "../testing/roster-workbook.js";
import { ID_WITH_X, sampleLedger } from "../testing/sample-ledger.js";
import { type ImportOptions, importWorkbook } from "./import-workbook.js";

const ledger = sampleLedger();
const options: ImportOptions = { countyCode: "360723", regions: ledger.regions, asOf: "2025-11-30" };
const HEADERS = [
  "县",
  "乡(镇)",
  "行政村",
  "户编号",
  "姓名",
  "证件号码",
  "与户主关系",
  "劳动技能",
  "致贫原因",
  "首次识别时间",
  "贫困户属性",
  "脱贫属性",
  "脱贫年度",
];
const id = (body: string) => `${body}${idNumberCheckDigit(body)}`;

/** A roster row: a person of household `n` in 新华村 (exited in 2019), with its cells overridable by header. */
function person(
  n: string,
  name: string,
  idNumber: unknown,
  relation = "户主",
  extra: Record<string, unknown> = {},
): unknown[] {
  return rosterRow(HEADERS, {
    县: "大余县",
    "乡(镇)": "南安镇",
    行政村: "新华村",
    户编号: `36072310020100${n}`,
    姓名: name,
    证件号码: idNumber,
    与户主关系: relation,
    ...EXITED_PERSON,
    ...extra,
  });
}

const workbook = workbookBytes;

const roster = (rows: unknown[][], headers: string[] = HEADERS) => rosterWorkbook(headers, rows);

const errorsOf = async (bytes: Uint8Array, name = "roster.xlsx") => {
  const result = await importWorkbook(bytes, name, options);
  return result.ok ? [] : result.errors.map((e) => [e.address, e.code]);
};

describe("importing the national person roster (人口名单)", () => {
  it("reads back what the province-households profile exported: households grouped by 户编号, heads by 与户主关系", async () => {
    const profile = loadProfile("province-households");
    if (!profile.ok) throw new Error(profile.error.message);
    const stream = new PassThrough();
    const chunks: Buffer[] = [];
    stream.on("data", (c: Buffer) => chunks.push(c));
    await exportReport(
      profile.value,
      buildReportSet(ledger, "360723", { kind: "year", year: 2025 }).households,
      regionNamesOf(ledger),
      stream,
    );
    const result = await importWorkbook(Buffer.concat(chunks), "export.xlsx", options);
    if (!result.ok) throw new Error(JSON.stringify(result.errors ?? result.fileError));
    expect(result.shape).toBe("roster");
    expect(
      result.data.households.map((h) => [h.householdNumber, h.villageCode, h.povertyStatus, h.exitYear]),
    ).toEqual(ledger.households.map((h) => [h.householdNumber, h.villageCode, h.povertyStatus, h.exitYear]));
    expect(result.data.members.map((m) => [m.name, m.idNumber, m.relation]).sort()).toEqual(
      ledger.members.map((m) => [m.name, m.idNumber, m.relation]).sort(),
    );
    expect(result.data.members.find((m) => m.name === "刘𠀀")?.idNumber).toBe(ID_WITH_X);
    expect(result.data.monitorings).toHaveLength(1);
  });

  it.each([
    ["a number (digits lost)", 360723197503151000, "CELL.ID_AS_NUMBER"],
    ["3.60723E+17 as text", "3.60723E+17", "ID_NUMBER.SCIENTIFIC_NOTATION"],
    ["15 digits kept by Excel", "360723196501011000", "ID_NUMBER.CHECK_DIGIT"],
  ])("refuses an ID number stored as %s, naming the cell", async (_, value, code) => {
    expect(await errorsOf(await roster([person("01", "张三", value)]))).toEqual([["F2", code]]);
  });

  it.each([
    ["a leading apostrophe", `'${ID_WITH_X}`],
    ["full-width digits", ID_WITH_X.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))],
    ["a lower-case x", ID_WITH_X.toLowerCase()],
  ])("accepts an ID number with %s, normalised", async (_, value) => {
    expect(toHalfWidth(String(value)).length).toBeGreaterThan(17);
    const result = await importWorkbook(await roster([person("01", "刘𠀀", value)]), "r.xlsx", options);
    expect(result.ok && result.data.members[0]!.idNumber).toBe(ID_WITH_X);
  });

  it("finds the headers under a title row and merged two-level headers, and skips blank and subtotal rows", async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet("Sheet1");
      ws.addRow(["大余县建档立卡人口名单（2025年）"]);
      ws.mergeCells(1, 1, 1, HEADERS.length);
      ws.addRow([
        "县",
        "乡(镇)",
        "行政村",
        "户信息",
        null,
        "成员信息",
        null,
        null,
        "致贫原因",
        "首次识别时间",
        "贫困户属性",
        "脱贫属性",
        "脱贫年度",
      ]);
      ws.addRow([null, null, null, "户编号", "姓名", "证件号码", "与户主关系", "劳动技能"]);
      for (const c of [1, 2, 3, 9, 10, 11, 12, 13]) ws.mergeCells(2, c, 3, c);
      ws.mergeCells(2, 4, 2, 5);
      ws.mergeCells(2, 6, 2, 8);
      ws.addRow(person("01", "张三", id("36072319650101113")));
      ws.addRow([]);
      ws.addRow(person("01", "李四", id("36072319680101122"), "配偶"));
      ws.addRow(["合计", null, null, null, 2]);
    });
    // The two-level header puts 姓名 under 户信息: the lower header row wins.
    const result = await importWorkbook(bytes, "r.xlsx", options);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.rowsRead).toBe(2);
    expect(result.data.members.map((m) => m.name)).toEqual(["张三", "李四"]);
  });

  it("takes a formula cell's cached value and refuses an error value with its cell", async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet("人口名单");
      ws.addRow(HEADERS);
      ws.addRow(
        person("01", "张三", { formula: 'TEXT("360723196501011130","@")', result: id("36072319650101113") }),
      );
      ws.addRow(
        person("02", "王五", id("36072319660101124"), "户主", {
          首次识别时间: { formula: "1/0", result: { error: "#DIV/0!" } },
        }),
      );
    });
    expect(await errorsOf(bytes)).toEqual([["J3", "CELL.FORMULA_ERROR"]]);
  });

  it("skips hidden sheets and reports them", async () => {
    const bytes = await workbook((wb) => {
      const hidden = wb.addWorksheet("旧数据");
      hidden.state = "hidden";
      hidden.addRow(HEADERS);
      hidden.addRow(person("09", "错误", "not an id"));
      const ws = wb.addWorksheet("人口名单");
      ws.addRow(HEADERS);
      ws.addRow(person("01", "张三", id("36072319650101113")));
    });
    const result = await importWorkbook(bytes, "r.xlsx", options);
    expect(result.ok).toBe(true);
    expect(result.skippedSheets).toEqual(["旧数据"]);
  });

  it("refuses codes of another county, an unknown village, two heads and a person in two households", async () => {
    const headers = [...HEADERS, "行政区划代码"];
    const bytes = await roster(
      [
        [...person("01", "张三", id("36072319650101113")), "360702100201"],
        [...person("02", "李四", id("36072319680101122"), "户主", { 行政村: "不存在村" })],
        person("03", "王五", id("36072319660101124")),
        person("03", "王六", id("36072319670101135")),
        person("04", "赵七", id("36072319690101146")),
        person("05", "赵七", id("36072319690101146")),
      ],
      headers,
    );
    expect(await errorsOf(bytes)).toEqual([
      ["N2", "LEDGER.WRONG_COUNTY"],
      ["C3", "IMPORT.UNKNOWN_VILLAGE"],
      ["G5", "LEDGER.HOUSEHOLD_HEAD"],
    ]);
    const dup = await importWorkbook(
      await roster([
        person("04", "赵七", id("36072319690101146")),
        person("05", "赵七", id("36072319690101146")),
      ]),
      "r.xlsx",
      options,
    );
    expect(dup.ok ? [] : dup.errors.map((e) => [e.row, e.code])).toEqual([
      [2, "LEDGER.DUPLICATE_ID_NUMBER"],
      [3, "LEDGER.DUPLICATE_ID_NUMBER"],
    ]);
  });

  it("reads a CSV saved by Excel in GBK, and refuses its ID numbers in scientific notation", async () => {
    const bytes = readFileSync(new URL("./fixtures/roster-gbk.csv", import.meta.url));
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow();
    const result = await importWorkbook(bytes, "roster-gbk.csv", options);
    expect(result.ok ? [] : result.errors.map((e) => [e.row, e.column, e.code, e.value])).toEqual([
      [3, "证件号码", "ID_NUMBER.SCIENTIFIC_NOTATION", "3.60723E+17"],
    ]);
  });

  it("refuses an old .xls and a password-protected workbook with a clear message", async () => {
    const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
    const xls = new Uint8Array([...ole, ...new Array(504).fill(0)]);
    const encrypted = new Uint8Array([
      ...ole,
      ...new Array(100).fill(0),
      ...Buffer.from("EncryptionInfo", "utf16le"),
    ]);
    const old = await importWorkbook(xls, "花名册.xls", options);
    expect(old.ok ? null : old.fileError).toMatchObject({ code: "IMPORT.OLD_XLS" });
    expect(old.ok ? "" : old.fileError!.message).toContain("另存为 .xlsx");
    const locked = await importWorkbook(encrypted, "花名册.xlsx", options);
    expect(locked.ok ? null : locked.fileError).toMatchObject({ code: "IMPORT.ENCRYPTED" });
  });

  it("reports progress for long files: rows read and errors so far", async () => {
    const rows = Array.from({ length: 2500 }, (_, i) =>
      person(
        String(i).padStart(5, "0"),
        "张三",
        i === 5
          ? "bad"
          : id(
              `3607231965${String((i % 12) + 1).padStart(2, "0")}${String((Math.floor(i / 12) % 28) + 1).padStart(2, "0")}${100 + Math.floor(i / 336)}`,
            ),
      ),
    );
    const seen: [number, number][] = [];
    const result = await importWorkbook(await roster(rows), "r.xlsx", {
      ...options,
      onProgress: (p) => seen.push([p.rowsRead, p.errors]),
    });
    expect(result.ok ? [] : result.errors.slice(0, 2).map((e) => [e.row, e.code])).toEqual([
      [7, "ID_NUMBER.CHARACTERS"],
    ]);
    expect(seen).toEqual([
      [1000, 1],
      [2000, 1],
      [2500, 1],
    ]);
  });
});
