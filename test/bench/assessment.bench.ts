// Time and peak memory of the whole assessment (every metric of the county for the reference year,
// plus every finding of that year) on the default synthetic county and on one ten times its size.
// Reference figures from the same run are printed beside: generating the ledger and validating it
// (createLedger). Peak memory is the heap the run adds at its highest, observed at each garbage
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
  const metrics = computeMetrics(ledger, { regionCode: ledger.countyCode, year: REFERENCE_YEAR, now: NOW });
  const findings = detectFindings(ledger, { year: REFERENCE_YEAR, now: NOW });
  return { metrics: metrics.length, findings: findings.length };
}

function recordCount(ledger: Ledger): number {
  return Object.values(ledger).reduce((n, v) => n + (Array.isArray(v) ? v.length : 0), 0);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

interface Row {
  label: string;
  households: number;
  records: number;
  generateMs: number;
  validateMs: number;
  assessMs: number;
  minMs: number;
  runs: number;
  peakMb: number;
  ledgerMb: number;
  findings: number;
  metrics: number;
}

async function measure(label: string, households: number, runs: number): Promise<Row> {
  let t = performance.now();
  const county = generateSyntheticCounty({ seed: 1, referenceYear: REFERENCE_YEAR, asOf: AS_OF, households });
  const generateMs = performance.now() - t;
  const ledger = county.ledger;

  t = performance.now();
  const validated = createLedger(ledger);
  const validateMs = performance.now() - t;
  if (!validated.ok) throw new Error(`generated ledger is invalid: ${validated.error.message}`);

  assess(ledger); // warm-up: JIT and lazily loaded modules
  // Timing and memory in separate runs: a forced collection before a timed run makes V8 shrink its
  // heap and collect more often during that run, which is not how the assessment runs in use.
  const times: number[] = [];
  let result = { metrics: 0, findings: 0 };
  for (let i = 0; i < runs; i++) {
    t = performance.now();
    result = assess(ledger);
    times.push(performance.now() - t);
  }
  let peakMb = 0;
  for (let i = 0; i < 2; i++) peakMb = Math.max(peakMb, measurePeakHeap(() => assess(ledger)).peakMb);
  gc();
  const ledgerMb = process.memoryUsage().heapUsed / 2 ** 20;
  return {
    label,
    households: ledger.households.length,
    records: recordCount(ledger),
    generateMs,
    validateMs,
    assessMs: median(times),
    minMs: Math.min(...times),
    runs,
    peakMb,
    ledgerMb,
    ...result,
  };
}

const fmt = (n: number, digits = 1) => n.toFixed(digits).padStart(9);
console.log(
  `assessment benchmark · Node ${process.version} · ${cpus().length} CPU(s) · ${cpus()[0]?.model ?? ""}`,
);
const rows = [await measure("1×", DEFAULT_HOUSEHOLDS, 15), await measure("10×", DEFAULT_HOUSEHOLDS * 10, 5)];
console.log(
  "size  households   records  generate ms  createLedger ms  assess ms median / min  peak heap +MB  heap with ledger MB  findings  metrics",
);
for (const r of rows) {
  console.log(
    `${r.label.padEnd(4)} ${String(r.households).padStart(10)} ${String(r.records).padStart(9)} ${fmt(r.generateMs).padStart(12)} ${fmt(r.validateMs).padStart(16)} ${fmt(r.assessMs).padStart(10)} / ${fmt(r.minMs, 1).trim()} (n=${r.runs}) ${fmt(r.peakMb).padStart(14)} ${fmt(r.ledgerMb).padStart(20)} ${String(r.findings).padStart(9)} ${String(r.metrics).padStart(8)}`,
  );
}
const [small, large] = rows as [Row, Row];
const sizeRatio = large.records / small.records;
const timeRatio = large.assessMs / small.assessMs;
const minRatio = large.minMs / small.minMs;
console.log(
  `growth: records ×${sizeRatio.toFixed(2)}, assess time ×${timeRatio.toFixed(2)} (median) ×${minRatio.toFixed(2)} (min); time ratio / size ratio = ${(timeRatio / sizeRatio).toFixed(2)} (median), ${(minRatio / sizeRatio).toFixed(2)} (min); 1.00 is linear`,
);
console.log(
  `reference in the same run: createLedger ×${(large.validateMs / small.validateMs).toFixed(2)}, assess / createLedger = ${(small.assessMs / small.validateMs).toFixed(2)} (1×), ${(large.assessMs / large.validateMs).toFixed(2)} (10×)`,
);
console.log(
  `memory: peak heap of a run ×${(large.peakMb / small.peakMb).toFixed(2)} (memory ratio / size ratio = ${(large.peakMb / small.peakMb / sizeRatio).toFixed(2)}); heap holding the ledger ×${(large.ledgerMb / small.ledgerMb).toFixed(2)}`,
);
