// The fault matrix as the tests see it: each fault test records its case, the deliveries it expects
// (one per outbox batch) and what the simulator counted. With FUPIN_FAULT_MATRIX set to a file, the
// cases are appended to it as JSON lines; `node --import tsx test/support/fault-matrix.ts <file>`
// prints them as a table (the note's table).
import { appendFileSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** What the simulator counted in a case. */
export interface FaultCounts {
  readonly deliveries: number;
  readonly repeats: number;
  readonly duplicates: number;
  readonly requests: number;
}

/** Records a fault case (when FUPIN_FAULT_MATRIX names a file). */
export function recordFaultCase(name: string, expected: number, seen: FaultCounts): void {
  const file = process.env.FUPIN_FAULT_MATRIX;
  if (!file) return;
  const { deliveries, repeats, duplicates, requests } = seen;
  appendFileSync(file, `${JSON.stringify({ name, expected, deliveries, repeats, duplicates, requests })}\n`);
}

/** The recorded cases as a Markdown table. */
export function faultMatrixTable(lines: string): string {
  const rows = lines
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as FaultCounts & { name: string; expected: number });
  return [
    "| case | deliveries expected | deliveries seen | repeats (same key) | duplicates (new key) | requests |",
    "|---|---|---|---|---|---|",
    ...rows.map(
      (r) =>
        `| ${r.name} | ${r.expected} | ${r.deliveries} | ${r.repeats} | ${r.duplicates} | ${r.requests} |`,
    ),
  ].join("\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = process.argv[2];
  if (!file) throw new Error("usage: fault-matrix.ts <file written with FUPIN_FAULT_MATRIX>");
  console.log(faultMatrixTable(readFileSync(file, "utf8")));
}
