// Runs every `*.bench.ts` in this folder, each in its own Node process (so one benchmark's memory does
// not weigh on the next), one after another. `pnpm bench assessment` runs only files whose name contains
// "assessment"; arguments starting with `--` (and the value after one that takes a value, such as
// `--baseline-dir DIR`) are passed on to the benchmarks. Benchmarks print figures; they assert nothing.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";

const dir = import.meta.dirname;
const args = process.argv.slice(2);
const passed: string[] = [];
const filters: string[] = [];
for (let i = 0; i < args.length; i++) {
  const arg = args[i]!;
  if (!arg.startsWith("--")) filters.push(arg);
  else if (arg.includes("=") || i + 1 >= args.length || args[i + 1]!.startsWith("--")) passed.push(arg);
  else passed.push(arg, args[++i]!);
}
const files = readdirSync(dir)
  .filter((name) => name.endsWith(".bench.ts"))
  .filter((name) => filters.length === 0 || filters.some((f) => name.includes(f)))
  .sort();

if (files.length === 0) {
  console.error(`no benchmark matches ${filters.join(", ") || "*.bench.ts"} in ${dir}`);
  process.exit(1);
}

let failed = 0;
for (const name of files) {
  console.log(`\n=== ${name} ===`);
  const result = spawnSync(process.execPath, ["--expose-gc", "--import", "tsx", join(dir, name), ...passed], {
    stdio: "inherit",
  });
  if (result.status !== 0) {
    failed++;
    console.error(`${name} failed (exit ${result.status ?? result.signal})`);
  }
}
process.exit(failed === 0 ? 0 : 1);
