// How long the CLI takes before it does any work: `pnpm fupin help` (what a user types), the same
// command run by node directly, and the eager import of every command's modules that `help` paid
// before the commands were loaded lazily, each against `node -e 0` measured in the same run.
// Prints figures; asserts nothing. `pnpm bench cli`.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const RUNS = Number(process.env.CLI_BENCH_RUNS ?? 5);

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(command: string, args: string[]): number {
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    const r = spawnSync(command, args, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    if (r.status !== 0) throw new Error(`${command} ${args.join(" ")} failed: ${r.stderr}`);
    runs.push(performance.now() - started);
  }
  return median(runs);
}

const CASES: [string, string, string[]][] = [
  ["node -e 0 (reference)", process.execPath, ["-e", "0"]],
  ["pnpm fupin help", "pnpm", ["fupin", "help"]],
  [
    "node --import tsx …/cli/main.ts help",
    process.execPath,
    ["--import", "tsx", "packages/gateway/src/cli/main.ts", "help"],
  ],
  [
    "… plus every command's modules (the old eager import)",
    process.execPath,
    ["--import", "tsx", "-e", "await import('./packages/gateway/src/cli/commands.ts')"],
  ],
];

const reference = time(CASES[0]![1], CASES[0]![2]);
console.log(`median of ${RUNS} runs each, on ${process.version}`);
for (const [name, command, args] of CASES) {
  const ms = name.endsWith("(reference)") ? reference : time(command, args);
  console.log(`${name.padEnd(58)} ${(ms / 1000).toFixed(2)} s  (${(ms / reference).toFixed(1)}× node -e 0)`);
}
