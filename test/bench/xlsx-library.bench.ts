// Chooses the xlsx library by measurement: exceljs 4.4.0 against @cj-tech-master/excelts 10.2.0,
// both through their streaming WorkbookWriter (inline strings, styles on, each row committed) and
// their streaming WorkbookReader. Rows look like the person roster: 20 columns, Chinese text, ID
// numbers and codes as text cells, an amount with two decimals, a date. Figures: time, and peak
// heap + external memory above the start (sampled every 20 ms), at 10,000 and 100,000 rows; a
// memory figure that stays flat from 10k to 100k rows is what "memory must not grow with rows"
// means, and so does the memory still retained after a forced GC, sampled five times during the
// write (a writer that buffers the sheet until commit grows here; the figure adds arrayBuffers to
// external, which already holds them, so buffered bytes weigh twice). Both writers yield to the event loop every 500 rows, as the adapters' writer does, so
// the zip stream can drain. Reference in the same run: generating the same rows without writing them.
// It prints; it asserts nothing. Run with `pnpm bench xlsx-library`.
import { createWriteStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import * as excelts from "@cj-tech-master/excelts";
import ExcelJS from "exceljs";

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const SIZES = [10_000, 100_000];
const NAMES = ["张三", "李四", "王五", "赵六", "钱七", "𠀀丽"];

function row(i: number): unknown[] {
  const id = `360723198${String(i % 10)}0101${String(i % 1000).padStart(3, "0")}X`;
  return [
    "大余县",
    "南安镇",
    "新华村",
    "上屋组",
    `3607231002010${String(i).padStart(5, "0")}`,
    `${i}`,
    NAMES[i % NAMES.length],
    id,
    4,
    "户主",
    "汉族",
    "初中",
    "非在校生",
    "健康",
    "普通劳动力",
    6,
    "缺资金",
    (1234567 + i) / 100,
    "13800138000",
    new Date(Date.UTC(2016, 2, 1)),
  ];
}

const memory = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
};

async function measure(label: string, run: () => Promise<void>) {
  gc();
  const base = memory();
  let peak = base;
  const timer = setInterval(() => {
    peak = Math.max(peak, memory());
  }, 20);
  const start = performance.now();
  await run();
  const ms = performance.now() - start;
  clearInterval(timer);
  peak = Math.max(peak, memory());
  console.log(
    `${label.padEnd(44)} ${(ms / 1000).toFixed(2).padStart(6)} s   peak +${((peak - base) / 2 ** 20).toFixed(1).padStart(6)} MB`,
  );
}

interface RowWriter {
  getCell(i: number): { numFmt: string };
  commit(): void;
}
interface SheetWriter {
  addRow(values: unknown[]): RowWriter;
  commit(): void;
}
interface Lib {
  WorkbookWriter: new (o: object) => { addWorksheet(name: string): SheetWriter; commit(): Promise<unknown> };
  WorkbookReader: new (f: string, o: object) => AsyncIterable<AsyncIterable<unknown>>;
}

const retained: number[] = [];

async function write(lib: Lib, file: string, rows: number) {
  retained.length = 0;
  const writer = new lib.WorkbookWriter({
    stream: createWriteStream(file),
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = writer.addWorksheet("人口名单");
  for (let i = 0; i < rows; i++) {
    const r = sheet.addRow(row(i));
    for (const c of [5, 6, 8, 19]) r.getCell(c).numFmt = "@";
    r.getCell(18).numFmt = "0.00";
    r.getCell(20).numFmt = "yyyy-mm-dd";
    r.commit();
    // As the adapters' writer does: let the zip stream drain, or the whole file waits in memory.
    if (i % 500 === 499) await new Promise((resolve) => setImmediate(resolve));
    if (i % (rows / 5) === 0) {
      gc();
      retained.push(memory() + process.memoryUsage().arrayBuffers);
    }
  }
  sheet.commit();
  await writer.commit();
}

async function read(lib: Lib, file: string): Promise<number> {
  const reader = new lib.WorkbookReader(file, {
    sharedStrings: "cache",
    worksheets: "emit",
    styles: "cache",
  });
  let n = 0;
  for await (const sheet of reader) for await (const _ of sheet) n++;
  return n;
}

const dir = await mkdtemp(join(tmpdir(), "fupin-xlsx-bench-"));
const libs: [string, Lib][] = [
  ["exceljs 4.4.0", ExcelJS.stream.xlsx as unknown as Lib],
  ["excelts 10.2.0", excelts as unknown as Lib],
];
console.log(`Node ${process.version}`);
for (const rows of SIZES) {
  await measure(`reference: generate ${rows} rows`, async () => {
    for (let i = 0; i < rows; i++) row(i);
  });
  for (const [name, lib] of libs) {
    const file = join(dir, `${name.split(" ")[0]}-${rows}.xlsx`);
    try {
      await measure(`${name}: write ${rows} rows`, () => write(lib, file, rows));
      const grown = (retained.at(-1)! - retained[0]!) / 2 ** 20;
      console.log(
        `${"".padEnd(44)} retained after GC grew ${grown.toFixed(1)} MB from row 1 to row ${(rows * 4) / 5}`,
      );
      let read_ = 0;
      await measure(`${name}: read ${rows} rows`, async () => {
        read_ = await read(lib, file);
      });
      console.log(
        `${"".padEnd(44)} file ${((await stat(file)).size / 2 ** 20).toFixed(1)} MB, ${read_} rows read back`,
      );
    } catch (error) {
      console.log(`${name}: failed at ${rows} rows: ${(error as Error).message}`);
    }
  }
}
await rm(dir, { recursive: true, force: true });
