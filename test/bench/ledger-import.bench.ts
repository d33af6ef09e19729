// Time and memory of importing a person roster (人口名单) of 50,000 member rows (about 16,700
// households of three) through @fupin/adapters' importWorkbook: read the xlsx, type every cell,
// group by 户编号, pass every record through the domain's input schemas and the ledger invariants.
// Reference in the same run: writing the same roster with the adapters' streaming writer, and a
// roster of 5,000 rows (to see how time and memory grow). Memory is the peak heap above the start,
// observed before each garbage collection (v8.GCProfiler; the import is synchronous work a timer
// could not sample), and the peak RSS. It prints; it asserts nothing.
// Run with `pnpm bench ledger-import`.
import { performance } from "node:perf_hooks";
import { PassThrough } from "node:stream";
import { GCProfiler } from "node:v8";
import { importWorkbook, loadProfile, writeXlsx } from "@fupin/adapters";
import { createRegion, idNumberCheckDigit, type Region, unwrap } from "@fupin/domain";

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const region = (code: string, name: string, isPoorVillage = false) =>
  unwrap(createRegion({ code, name, isPoorVillage }));
const REGIONS: Region[] = [
  region("360723", "大余县"),
  region("360723100", "南安镇"),
  region("360723100201", "新华村", true),
];

function* rosterRows(members: number) {
  for (let i = 0; i < members; i++) {
    const body = `3607231960${String((i % 12) + 1).padStart(2, "0")}${String((Math.floor(i / 12) % 28) + 1).padStart(2, "0")}${String(Math.floor(i / 336)).padStart(3, "0")}`;
    yield {
      county: "大余县",
      township: "南安镇",
      village: "新华村",
      householdNumber: `360723100201${String(Math.floor(i / 3)).padStart(6, "0")}`,
      personNumber: String(i + 1),
      name: "张三",
      idNumber: `${body}${idNumberCheckDigit(body)}`,
      size: 3,
      relation: ["head", "spouse", "child"][i % 3],
      labourAbility: "ordinary",
      mainCause: "lack_of_funds",
      registeredYear: 2016,
      attribute: "ordinary",
      povertyStatus: "exited",
      exitYear: 2019,
    };
  }
}

async function roster(members: number): Promise<Buffer> {
  const profile = unwrap(loadProfile("province-households"));
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on("data", (c: Buffer) => chunks.push(c));
  const start = performance.now();
  await writeXlsx(profile, [{ sheet: profile.sheets[0]!, rows: rosterRows(members) }], stream);
  console.log(
    `reference: write ${members} roster rows          ${((performance.now() - start) / 1000).toFixed(2).padStart(6)} s`,
  );
  return Buffer.concat(chunks);
}

async function measureImport(members: number) {
  const bytes = await roster(members);
  gc();
  const base = process.memoryUsage().heapUsed;
  const profiler = new GCProfiler();
  profiler.start();
  const start = performance.now();
  const result = await importWorkbook(bytes, "roster.xlsx", {
    countyCode: "360723",
    regions: REGIONS,
    asOf: "2025-11-30",
  });
  const seconds = (performance.now() - start) / 1000;
  const gcs = profiler.stop()?.statistics ?? [];
  const peak = Math.max(
    process.memoryUsage().heapUsed,
    ...gcs.map((g) => g.beforeGC.heapStatistics.usedHeapSize),
  );
  const outcome = result.ok
    ? `${result.data.households.length} households, ${result.data.members.length} members`
    : `${result.errors.length} errors`;
  console.log(
    `import ${members} member rows (${(bytes.length / 2 ** 20).toFixed(1)} MB)   ${seconds.toFixed(2).padStart(6)} s   peak +${((peak - base) / 2 ** 20).toFixed(0)} MB   max rss ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB   ${outcome}`,
  );
}

for (const members of [5_000, 50_000]) await measureImport(members);
