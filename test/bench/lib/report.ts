// Summaries of the gateway benchmark's rounds: printed tables and test/bench/RESULTS.md, whose
// sections (one per benchmark) are replaced in place so the gateway and soak results live side by side.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { median, type Round } from "./load.js";

/** One server's figures on one shape. */
export interface ServerFigures {
  readonly server: string;
  readonly rounds: readonly Round[];
  /** Statements per request sent one at a time (key cache warm). */
  readonly sequentialStatements: number;
}

/** A figure with `digits` decimals, or "–" when there is none (NaN). */
export const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : "–");

/** req/s median and range of the rounds. */
export function rpsSummary(rounds: readonly Round[]): { median: number; min: number; max: number } {
  const rps = rounds.map((r) => r.rps);
  return { median: median(rps), min: Math.min(...rps), max: Math.max(...rps) };
}

/** A markdown table of one shape: one row per server, ratios against the two PostGraphiles. */
export function shapeTable(rows: readonly ServerFigures[]): string {
  const ref = (prefix: string) => rows.find((r) => r.server.startsWith(prefix));
  const pg4 = ref("PostGraphile 4");
  const pg5 = ref("PostGraphile 5");
  const ratio = (row: ServerFigures, to: ServerFigures | undefined) =>
    to && !row.server.startsWith("PostGraphile")
      ? fmt(rpsSummary(row.rounds).median / rpsSummary(to.rounds).median, 2)
      : "";
  const lines = [
    "| server | req/s median (range) | p50 ms | p99 ms | server CPU ms/req | GC pauses ms/req | PostgreSQL CPU ms/req | SQL/req under load | SQL/req one at a time | errors | × PG4 | × PG5 |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|",
  ];
  for (const row of rows) {
    const s = rpsSummary(row.rounds);
    const m = (pick: (r: Round) => number) => median(row.rounds.map(pick));
    const errors = row.rounds.reduce((n, r) => n + r.errors, 0);
    lines.push(
      `| ${row.server} | ${fmt(s.median)} (${fmt(s.min)}–${fmt(s.max)}) | ${m((r) => r.p50)} | ${m((r) => r.p99)} | ${fmt(
        m((r) => r.cpuMs),
        2,
      )} | ${fmt(
        m((r) => r.gcMs),
        3,
      )} | ${fmt(
        m((r) => r.pgCpuMs),
        2,
      )} | ${fmt(
        m((r) => r.statements),
        2,
      )} | ${fmt(row.sequentialStatements, 2)} | ${errors} | ${ratio(row, pg4)} | ${ratio(row, pg5)} |`,
    );
  }
  return lines.join("\n");
}

/** The machine and run, for the top of a results section. */
export function machineDetails(extra: readonly string[]): string {
  const cpu = cpus();
  return [
    `- Machine: ${cpu.length} × ${cpu[0]?.model ?? "unknown CPU"}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB memory, load average at the end ${loadavg()
      .map((l) => l.toFixed(2))
      .join(" / ")}`,
    ...extra.map((l) => `- ${l}`),
  ].join("\n");
}

/** Replaces (or appends) the section named `name` of test/bench/RESULTS.md. */
export function writeResultsSection(file: string, name: string, body: string): void {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const header =
    "# Benchmark results\n\nWritten by `pnpm bench gateway` and `pnpm bench soak` (test/bench); each run replaces its own section.\n";
  const current = existsSync(file) ? readFileSync(file, "utf8") : header;
  const section = `${start}\n${body.trim()}\n${end}`;
  const i = current.indexOf(start);
  const j = current.indexOf(end);
  const next =
    i >= 0 && j > i
      ? current.slice(0, i) + section + current.slice(j + end.length)
      : `${current.trimEnd()}\n\n${section}\n`;
  writeFileSync(file, next);
}
