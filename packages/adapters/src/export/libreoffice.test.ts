import { execFileSync } from "node:child_process";
import { createWriteStream } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildReportSet } from "@fupin/domain";
import { afterAll, describe, expect, it } from "vitest";
import { parseCsv } from "../import/read-workbook.js";
import { regionNamesOf } from "../profiles/dataset-rows.js";
import { loadProfile } from "../profiles/registry.js";
import { ID_WITH_X, sampleLedger } from "../testing/sample-ledger.js";
import { exportReport } from "./export-report.js";

// CI installs LibreOffice (libreoffice-calc-nogui, see .ci/run): this test fails rather than skips without it.
const dir = await mkdtemp(join(tmpdir(), "fupin-soffice-"));
afterAll(() => rm(dir, { recursive: true, force: true }));

function soffice(file: string): string {
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=file://${dir}/profile`,
      "--headless",
      "--convert-to",
      "csv:Text - txt - csv (StarCalc):44,34,76,1",
      "--outdir",
      dir,
      file,
    ],
    { stdio: "pipe", timeout: 120_000 },
  );
  return file.replace(/\.xlsx$/, ".csv");
}

describe("a generated workbook opened by LibreOffice", () => {
  it("reads back the same text: ID numbers and household numbers intact, yuan with two decimals, dates", async () => {
    const ledger = sampleLedger();
    const profile = loadProfile("province-households");
    if (!profile.ok) throw new Error(profile.error.message);
    const file = join(dir, "roster.xlsx");
    const households = buildReportSet(ledger, "360723", { kind: "month", year: 2025, month: 3 }).households;
    await exportReport(profile.value, households, regionNamesOf(ledger), createWriteStream(file));
    const rows = parseCsv(await readFile(soffice(file), "utf8"));
    expect(rows[0]![0]).toBe("大余县建档立卡人口名单（2025-03，数据截至2025-03-31）");
    expect(rows[1]!.slice(0, 7)).toEqual(["县", "乡(镇)", "行政村", "户编号", "人编号", "姓名", "证件号码"]);
    const persons = rows.slice(2).filter((r) => r.length > 6);
    expect(persons.map((r) => r[6])).toEqual(households.persons.map((p) => p.member.idNumber));
    expect(persons[0]!.slice(3, 7)).toEqual(["3607231002010001", "1", "刘𠀀", ID_WITH_X]);
    expect(persons[0]![16]).toBe("17100.25");
    expect(persons.find((r) => r[3] === "3607232002020003")![24]).toBe("2024-05-01");
  });
});
