import * as ExcelJS from "@cj-tech-master/excelts";
import { idNumberCheckDigit } from "@fupin/domain";

/** The sheet of a ledger workbook holding the person roster. */
export const ROSTER_SHEET = "人口名单";

/**
 * The cells tests give a roster person unless they say otherwise: an ordinary household
 * (一般贫困户) short of funds, identified in 2016 and exited in 2019; the person an ordinary labourer.
 */
export const EXITED_PERSON: Readonly<Record<string, unknown>> = {
  劳动技能: "普通劳动力",
  致贫原因: "缺资金",
  首次识别时间: 2016,
  贫困户属性: "一般贫困户",
  脱贫属性: "已脱贫",
  脱贫年度: 2019,
};

/** A roster row: the cells of `headers`, in order, from cells given by header (absent ones empty). */
export function rosterRow(headers: readonly string[], cells: Readonly<Record<string, unknown>>): unknown[] {
  return headers.map((h) => cells[h]);
}

/** Writes an xlsx workbook built by `build`. */
export async function workbookBytes(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** An xlsx workbook with one roster sheet: the header row, then the rows. */
export function rosterWorkbook(
  headers: readonly string[],
  rows: Iterable<readonly unknown[]>,
): Promise<Uint8Array> {
  return workbookBytes((wb) => {
    const ws = wb.addWorksheet(ROSTER_SHEET);
    ws.addRow([...headers]);
    for (const r of rows) ws.addRow([...r]);
  });
}

/**
 * A valid ID number (大余县 360723) for person `n` of a generated roster: three persons born each
 * day from 1 January of `firstBirthYear`, with sequence numbers from `firstSequence`, so that two
 * rosters with different starts never share a number.
 */
export function generatedIdNumber(n: number, firstBirthYear: number, firstSequence: number): string {
  const day = new Date(Date.UTC(firstBirthYear, 0, 1) + Math.floor(n / 3) * 86_400_000);
  const birth = day.toISOString().slice(0, 10).replaceAll("-", "");
  const body = `360723${birth}${String(firstSequence + (n % 3)).padStart(3, "0")}`;
  return `${body}${idNumberCheckDigit(body)}`;
}

/** The columns of a generated roster: a village's new, not yet exited households. */
export const GENERATED_ROSTER_HEADERS = [
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
] as const;

/** A roster of new households of one village, for load and crash tests. */
export interface GeneratedRoster {
  readonly village: string;
  /** How many person rows. */
  readonly persons: number;
  /** Persons per household: the head, the spouse, then a child. */
  readonly perHousehold: 1 | 2 | 3;
  /** Household numbers are the village code, this tag and the household's index padded to `digits`. */
  readonly tag: string;
  readonly digits: number;
  /** The names of a household's persons, by position (the last repeats). */
  readonly names: readonly string[];
  /** Where the ID numbers start (`generatedIdNumber`). */
  readonly firstBirthYear: number;
  readonly firstSequence: number;
}

/** An xlsx roster of new, not yet exited households of an ordinary kind, as `GeneratedRoster` says. */
export function generatedRoster(g: GeneratedRoster): Promise<Uint8Array> {
  const relations = ["户主", "配偶", "子女"];
  const rows = function* () {
    for (let i = 0; i < g.persons; i++) {
      const p = i % g.perHousehold;
      const number = `${g.village}${g.tag}${String(Math.floor(i / g.perHousehold)).padStart(g.digits, "0")}`;
      const name = g.names[Math.min(p, g.names.length - 1)];
      const id = generatedIdNumber(i, g.firstBirthYear, g.firstSequence);
      yield [g.village, number, name, id, relations[p], "普通劳动力", "一般贫困户", "缺资金", "未脱贫", 2016];
    }
  };
  return rosterWorkbook(GENERATED_ROSTER_HEADERS, rows());
}
