// Time and peak memory of the whole assessment (every metric of the county for the reference year,
// plus every finding of that year) on the default synthetic county and on one ten times its size (and twenty).
// Reference figures from the same run are printed beside: generating the ledger and validating it
// (createLedger). A third size, 20×, shows the growth once the ledger no longer fits in the CPU's
// caches. Peak memory is the heap the run adds at its highest, observed at each garbage
// collection (v8.GCProfiler). It prints; it asserts nothing. Run with `pnpm bench assessment`.
import { cpus } from "node:os";
import { performance } from "node:perf_hooks";
import { GCProfiler } from "node:v8";
import { computeMetrics, createLedger, detectFindings, type Ledger } from "@fupin/domain";
import { generateSyntheticCounty } from "@fupin/domain/synthetic";

const REFERENCE_YEAR = 2025;
const AS_OF = "2025-11-30";
const NOW = new Date("2025-11-30T04:00:00Z");
const DEFAULT_HOUSEHOLDS = 4_000;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

/**
 * Peak heap of a synchronous run: the larger of the heap in use just before each garbage collection
 * during the run (where peaks are) and the heap in use at its end, less the heap in use before it.
 */
function measurePeakHeap<T>(run: () => T): { result: T; peakMb: number } {
  gc();
  const base = process.memoryUsage().heapUsed;
  const profiler = new GCProfiler();
  profiler.start();
  const result = run();
  const end = process.memoryUsage().heapUsed;
  const gcs = profiler.stop()?.statistics ?? [];
  const peak = Math.max(end, ...gcs.map((s) => s.beforeGC.heapStatistics.usedHeapSize));
  return { result, peakMb: (peak - base) / 2 ** 20 };
}

function assess(ledger: Ledger): { metrics: number; findings: number } {
  // A new ledger object each run, so each run indexes it (once, shared by both calls), as a request would.
  ledger = { ...ledger };
  const metrics = computeMetrics(ledger, { regionCode: ledger.countyCode, year: REFERENCE_YEAR, now: NOW });
  const findings = detectFindings(ledger, { year: REFERENCE_YEAR, now: NOW });
  return { metrics: metrics.length, findings: findings.length };
}

function recordCount(ledger: Ledger): number {
  return Object.values(ledger).reduce((n, v) => n + (Array.isArray(v) ? v.length : 0), 0);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

interface Timing {
  median: number;
  min: number;
}

interface Row {
  label: string;
  households: number;
  records: number;
  generateMs: number;
  validate: Timing;
  assess: Timing;
  runs: number;
  peakMb: number;
  ledgerMb: number;
  findings: number;
  metrics: number;
}

async function measure(label: string, households: number, runs: number): Promise<Row> {
  const t = performance.now();
  const county = generateSyntheticCounty({ seed: 1, referenceYear: REFERENCE_YEAR, asOf: AS_OF, households });
  const generateMs = performance.now() - t;
  const ledger = county.ledger;

  // Warm-up (JIT, lazily loaded modules); then the assessment and its reference, createLedger (a linear
  // pass over the same ledger building Maps and Sets), are timed alternately under the same conditions.
  // Timing and memory are measured in separate runs: a forced collection before a timed run makes V8
  // shrink its heap and collect more often during that run, which is not how the assessment runs in use.
  assess(ledger);
  if (!createLedger(ledger).ok) throw new Error("the generated ledger is invalid");
  const assessTimes: number[] = [];
  const validateTimes: number[] = [];
  let result = { metrics: 0, findings: 0 };
  for (let i = 0; i < runs; i++) {
    let start = performance.now();
    result = assess(ledger);
    assessTimes.push(performance.now() - start);
    start = performance.now();
    createLedger(ledger);
    validateTimes.push(performance.now() - start);
  }
  let peakMb = 0;
  for (let i = 0; i < 2; i++) peakMb = Math.max(peakMb, measurePeakHeap(() => assess(ledger)).peakMb);
  gc();
  const ledgerMb = process.memoryUsage().heapUsed / 2 ** 20;
  const timing = (times: number[]): Timing => ({ median: median(times), min: Math.min(...times) });
  return {
    label,
    households: ledger.households.length,
    records: recordCount(ledger),
    generateMs,
    validate: timing(validateTimes),
    assess: timing(assessTimes),
    runs,
    peakMb,
    ledgerMb,
    ...result,
  };
}

const fmt = (n: number) => n.toFixed(1);
const col = (text: string | number, width: number) => String(text).padStart(width);
console.log(
  `assessment benchmark · Node ${process.version} · ${cpus().length} CPU(s) · ${cpus()[0]?.model ?? ""}`,
);
const rows = [
  await measure("1×", DEFAULT_HOUSEHOLDS, 15),
  await measure("10×", DEFAULT_HOUSEHOLDS * 10, 5),
  await measure("20×", DEFAULT_HOUSEHOLDS * 20, 3),
];
console.log(
  `${"size".padEnd(5)}${col("households", 10)}${col("records", 9)}${col("generate ms", 13)}${col("createLedger ms med/min", 25)}${col("assess ms med/min", 19)}${col("runs", 6)}${col("peak heap +MB", 15)}${col("heap w/ ledger MB", 19)}${col("findings", 10)}${col("metrics", 9)}`,
);
for (const r of rows) {
  console.log(
    `${r.label.padEnd(5)}${col(r.households, 10)}${col(r.records, 9)}${col(fmt(r.generateMs), 13)}${col(`${fmt(r.validate.median)} / ${fmt(r.validate.min)}`, 25)}${col(`${fmt(r.assess.median)} / ${fmt(r.assess.min)}`, 19)}${col(r.runs, 6)}${col(fmt(r.peakMb), 15)}${col(fmt(r.ledgerMb), 19)}${col(r.findings, 10)}${col(r.metrics, 9)}`,
  );
}
const ratio = (a: number, b: number) => `×${(b / a).toFixed(2)}`;
function growth(small: Row, large: Row): void {
  const size = large.records / small.records;
  const perSize = (a: number, b: number) => (b / a / size).toFixed(2);
  console.log(
    `growth from ${small.label} to ${large.label} (records ${ratio(small.records, large.records)}):`,
  );
  console.log(
    `  assess time       median ${ratio(small.assess.median, large.assess.median)}, min ${ratio(small.assess.min, large.assess.min)}; time ratio / size ratio = ${perSize(small.assess.median, large.assess.median)} (median), ${perSize(small.assess.min, large.assess.min)} (min); 1.00 is linear`,
  );
  console.log(
    `  createLedger time median ${ratio(small.validate.median, large.validate.median)}, min ${ratio(small.validate.min, large.validate.min)}; time ratio / size ratio = ${perSize(small.validate.median, large.validate.median)} (median), ${perSize(small.validate.min, large.validate.min)} (min)  <- reference, same run`,
  );
  console.log(
    `  assess / createLedger (median): ${(small.assess.median / small.validate.median).toFixed(2)} at ${small.label}, ${(large.assess.median / large.validate.median).toFixed(2)} at ${large.label}`,
  );
  console.log(
    `  peak heap of a run ${ratio(small.peakMb, large.peakMb)} (memory ratio / size ratio = ${perSize(small.peakMb, large.peakMb)}); heap holding the ledger ${ratio(small.ledgerMb, large.ledgerMb)}`,
  );
}
const [one, ten, twenty] = rows as [Row, Row, Row];
growth(one, ten);
growth(ten, twenty);
console.log(
  "(1× fits in the CPU caches, larger ledgers do not, and every collection marks the ledger itself: any\n" +
    " linear pass over Maps grows faster than its input here; createLedger shows how much, on the same data.)",
);
