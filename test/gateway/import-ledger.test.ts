import * as ExcelJS from "@cj-tech-master/excelts";
import { EXITED_PERSON, rosterRow, rosterWorkbook } from "@fupin/adapters/testing/roster";
import { idNumberCheckDigit } from "@fupin/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestGateway, type TestGateway } from "../support/gateway.js";
import { IMPORT_RESULT_FIELDS, postMultipart } from "../support/upload.js";
import { COUNTY, idNumberOf, seedFixture, TOWN_A, VILLAGE_A, VILLAGE_B } from "./graphql-fixture.js";

const IMPORT = `mutation($file: Upload!, $dryRun: Boolean) {
  importLedger(file: $file, dryRun: $dryRun) { ${IMPORT_RESULT_FIELDS} errorWorkbook }
}`;

const HEADERS = [
  "行政区划代码",
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

/** A new valid ID number (the fixture's run from 001 upward; these from 700). */
const newId = (n: number) => {
  const body = `36072319900101${String(700 + n).padStart(3, "0")}`;
  return `${body}${idNumberCheckDigit(body)}`;
};

/** A roster row of a person of household `number` in `village`, its cells overridable by header. */
function person(
  village: string,
  number: string,
  name: string,
  idNumber: unknown,
  relation = "户主",
  extra = {},
) {
  return rosterRow(HEADERS, {
    行政区划代码: village,
    户编号: number,
    姓名: name,
    证件号码: idNumber,
    与户主关系: relation,
    ...EXITED_PERSON,
    ...extra,
  });
}

const roster = (rows: unknown[][]): Promise<Uint8Array> => rosterWorkbook(HEADERS, rows);

interface Result {
  ok: boolean;
  dryRun: boolean;
  written: boolean;
  shape: string | null;
  rowsRead: number;
  errorCount: number;
  errors: {
    sheet: string;
    row: number;
    column: string;
    address: string | null;
    value: string;
    code: string;
    message: string;
    messageEn: string;
  }[];
  counts: { kind: string; created: number; updated: number; unchanged: number }[];
  errorWorkbook: string | null;
}

let gw: TestGateway;
const keys: Record<string, string> = {};
beforeAll(async () => {
  gw = await startTestGateway({ seedHouseholds: 0, config: { maxUploadBytes: 256 * 1024 } });
  await seedFixture(gw.db.pool);
  keys.county = await gw.keys.create(COUNTY, ["ledger:read", "ledger:write"]);
  keys.countyRead = await gw.keys.create(COUNTY, ["ledger:read"]);
  keys.townA = await gw.keys.create(TOWN_A, ["ledger:read", "ledger:write"]);
});
afterAll(async () => {
  await gw?.close();
});

async function importFile(
  bytes: Uint8Array,
  options: { key?: string; dryRun?: boolean; name?: string } = {},
) {
  const res = await postMultipart(
    gw,
    options.key ?? keys.county!,
    IMPORT,
    { dryRun: options.dryRun ?? false },
    { bytes, name: options.name ?? "roster.xlsx" },
  );
  return { status: res.status, body: res.body, result: res.body.data?.importLedger as Result | undefined };
}

async function ledgerCounts() {
  const { rows } = await gw.db.pool.query<{ households: number; members: number; audits: number }>(
    `select (select count(*)::int from household) as households, (select count(*)::int from member) as members,
            (select count(*)::int from audit_log) as audits`,
  );
  return rows[0]!;
}

const NEW_HOUSEHOLD = `${VILLAGE_A}9001`;

describe("importLedger (GraphQL multipart)", () => {
  it("a dry run reports the counts and writes nothing", async () => {
    const before = await ledgerCounts();
    const file = await roster([
      person(VILLAGE_A, NEW_HOUSEHOLD, "王新", newId(1)),
      person(VILLAGE_A, NEW_HOUSEHOLD, "李新", newId(2), "配偶"),
    ]);
    const { result } = await importFile(file, { dryRun: true });
    expect(result).toMatchObject({
      ok: true,
      dryRun: true,
      written: false,
      shape: "roster",
      rowsRead: 2,
      errorCount: 0,
    });
    expect(result!.counts).toEqual([
      { kind: "households", created: 1, updated: 0, unchanged: 0 },
      { kind: "members", created: 2, updated: 0, unchanged: 0 },
    ]);
    expect(await ledgerCounts()).toEqual(before);
  });

  it("writes a clean roster in one go, audited per record and as an import; the same file again changes nothing", async () => {
    const before = await ledgerCounts();
    const file = await roster([
      person(VILLAGE_A, NEW_HOUSEHOLD, "王新", newId(1)),
      person(VILLAGE_A, NEW_HOUSEHOLD, "李新", newId(2), "配偶"),
    ]);
    const { result } = await importFile(file);
    expect(result).toMatchObject({ ok: true, written: true });
    const after = await ledgerCounts();
    expect(after).toEqual({
      households: before.households + 1,
      members: before.members + 2,
      audits: before.audits + 4,
    });
    const { rows } = await gw.db.pool.query(
      "select action, entity_type, after->>'counts' is not null as has_counts from audit_log where entity_type = 'ledger_import'",
    );
    expect(rows).toEqual([{ action: "create", entity_type: "ledger_import", has_counts: true }]);
    const again = await importFile(file);
    expect(again.result!.counts).toEqual([
      { kind: "households", created: 0, updated: 0, unchanged: 1 },
      { kind: "members", created: 0, updated: 0, unchanged: 2 },
    ]);
    expect((await ledgerCounts()).households).toBe(after.households);
  });

  it("updates a stored household found by its 户编号 in the fields the roster carries only", async () => {
    const number = `${VILLAGE_A}0001`;
    const file = await roster([
      person(VILLAGE_A, number, "户主甲", idNumberOf(1), "户主", { 脱贫属性: "已脱贫", 脱贫年度: 2020 }),
    ]);
    const { result } = await importFile(file);
    expect(result!.errors).toEqual([]);
    expect(result!.counts.find((c) => c.kind === "households")).toEqual({
      kind: "households",
      created: 0,
      updated: 1,
      unchanged: 0,
    });
    const { rows } = await gw.db.pool.query(
      "select exit_year, bank_account, version from household where household_number = $1",
      [number],
    );
    expect(rows[0]).toMatchObject({ exit_year: 2020, bank_account: "6217001234567890123", version: 2 });
  });

  it.each([
    ["3.60723E+17", "ID_NUMBER.SCIENTIFIC_NOTATION"],
    [360723197503151000, "CELL.ID_AS_NUMBER"],
  ])("refuses the ID number %s with the cell named, and changes nothing", async (value, code) => {
    const before = await ledgerCounts();
    const file = await roster([person(VILLAGE_A, `${VILLAGE_A}9101`, "张三", value)]);
    const { result } = await importFile(file);
    expect(result).toMatchObject({ ok: false, written: false });
    expect(result!.errors.map((e) => [e.sheet, e.row, e.address, e.code])).toEqual([
      ["人口名单", 2, "D2", code],
    ]);
    expect(result!.errors[0]!.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(result!.counts).toEqual([]);
    expect(await ledgerCounts()).toEqual(before);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(result!.errorWorkbook!, "base64"));
    expect(wb.getWorksheet("错误清单")!.getRow(2).getCell(6).value).toBe(code);
  });

  it("accepts ID numbers in full-width digits, normalised", async () => {
    const id = newId(3);
    const fullWidth = id.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    const { result } = await importFile(
      await roster([person(VILLAGE_A, `${VILLAGE_A}9201`, "赵全角", fullWidth)]),
    );
    expect(result).toMatchObject({ ok: true, written: true });
    const { rows } = await gw.db.pool.query("select id_number from member where name = '赵全角'");
    expect(rows).toEqual([{ id_number: id }]);
  });

  it("refuses codes of another county", async () => {
    const { result } = await importFile(
      await roster([person("360724100201", "3607241002010001", "邻县人", newId(4))]),
    );
    expect(result!.errors.map((e) => [e.address, e.code])).toEqual([["A2", "LEDGER.WRONG_COUNTY"]]);
  });

  it("reports rows outside the caller's township alike, whether or not the household is stored", async () => {
    const stored = await importFile(
      await roster([person(VILLAGE_B, `${VILLAGE_B}0001`, "户主乙", idNumberOf(2 * 120 + 1))]),
      { key: keys.townA! },
    );
    const unknown = await importFile(await roster([person(VILLAGE_B, `${VILLAGE_B}9301`, "新B", newId(5))]), {
      key: keys.townA!,
    });
    const shape = (r: Result) => r.errors.map((e) => [e.row, e.column, e.code, e.message, e.messageEn]);
    expect(shape(stored.result!)).toEqual([
      [
        2,
        "行政区划代码",
        "IMPORT.OUT_OF_SCOPE",
        `该行记录不在您的权限范围（${TOWN_A}）内，不能导入`,
        `the row's record lies outside your scope ${TOWN_A}`,
      ],
    ]);
    expect(shape(unknown.result!)).toEqual(shape(stored.result!));
    expect(JSON.stringify(stored.body)).not.toContain("h-B-001");
  });

  it("reports duplicates in the file and against the ledger", async () => {
    const inFile = await importFile(
      await roster([
        person(VILLAGE_A, `${VILLAGE_A}9401`, "甲", newId(6)),
        person(VILLAGE_A, `${VILLAGE_A}9402`, "乙", newId(6)),
      ]),
    );
    expect(inFile.result!.errors.map((e) => e.code)).toContain("LEDGER.DUPLICATE_ID_NUMBER");
    expect(inFile.result!.errors.map((e) => e.row).sort()).toEqual([2, 3]);
    const againstLedger = await importFile(
      await roster([person(VILLAGE_A, `${VILLAGE_A}9403`, "丙", idNumberOf(3))]),
    );
    expect(againstLedger.result!.errors.map((e) => [e.row, e.code])).toContainEqual([
      2,
      "LEDGER.DUPLICATE_ID_NUMBER",
    ]);
    expect(againstLedger.result!.written).toBe(false);
  });

  it("tells a township key without personal:read nothing about ID numbers outside its scope (issue 8's oracle)", async () => {
    // Person 241 heads township B's first household: township A's key may not learn that the number exists.
    const file = (idNumber: string) =>
      roster([
        person(VILLAGE_A, `${VILLAGE_A}9501`, "探一", idNumber),
        person(VILLAGE_A, `${VILLAGE_A}9502`, "探二", newId(8)),
      ]);
    const answer = (r: Awaited<ReturnType<typeof importFile>>) => ({ ...r.result, sha256: "(the file)" });
    const before = await ledgerCounts();
    const probe = await importFile(await file(idNumberOf(241)), { key: keys.townA!, dryRun: true });
    const control = await importFile(await file(newId(9)), { key: keys.townA!, dryRun: true });
    expect(answer(probe)).toEqual(answer(control));
    expect(probe.result!.ok).toBe(true);
    const refused = await importFile(await file(idNumberOf(241)), { key: keys.townA! });
    expect(refused.result!.written).toBe(false);
    expect(refused.result!.errors.map((e) => [e.row, e.code, e.value])).toEqual([[0, "CONFLICT", ""]]);
    expect(JSON.stringify(refused.body)).not.toContain(idNumberOf(241));
    const after = await ledgerCounts();
    expect([after.households, after.members]).toEqual([before.households, before.members]);
    const audit = await gw.db.pool.query<{ after: { importCodes: string[]; dryRun: boolean } }>(
      "select after from audit_log where action = 'refuse_write' order by seq",
    );
    expect(audit.rows.map((r) => r.after)).toEqual([
      { importCodes: ["LEDGER.DUPLICATE_ID_NUMBER"], dryRun: true },
      { importCodes: ["LEDGER.DUPLICATE_ID_NUMBER"], dryRun: false },
    ]);
  });

  it("needs ledger:write", async () => {
    const { body } = await importFile(await roster([]), { key: keys.countyRead! });
    expect(body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("refuses an upload over MAX_UPLOAD_BYTES with 413 and a clear message", async () => {
    const { status, body } = await importFile(new Uint8Array(300 * 1024), { name: "big.xlsx" });
    expect(status).toBe(413);
    expect(JSON.stringify(body)).toContain("upload too large: the limit is 262144 bytes (MAX_UPLOAD_BYTES)");
  });

  it("refuses an old .xls file with a clear message", async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const { result } = await importFile(ole, { name: "old.xls" });
    expect(result).toMatchObject({ ok: false, shape: null, errorWorkbook: null });
    expect(result!.errors.map((e) => [e.row, e.code])).toEqual([[0, "IMPORT.OLD_XLS"]]);
  });
});
