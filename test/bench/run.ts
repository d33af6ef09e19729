// Runs every `*.bench.ts` in this folder, each in its own Node process (so one benchmark's memory does
// not weigh on the next), one after another. `pnpm bench assessment` runs only files whose name contains
// "assessment". Benchmarks print figures; they assert nothing.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";

const dir = import.meta.dirname;
const filters = process.argv.slice(2);
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
  const result = spawnSync(process.execPath, ["--expose-gc", "--import", "tsx", join(dir, name)], {
    stdio: "inherit",
  });
  if (result.status !== 0) {
    failed++;
    console.error(`${name} failed (exit ${result.status ?? result.signal})`);
  }
}
process.exit(failed === 0 ? 0 : 1);
