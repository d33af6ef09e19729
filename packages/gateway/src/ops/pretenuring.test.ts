import { execFile } from "node:child_process";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { turnOffPretenuring } from "./pretenuring.js";

const run = promisify(execFile);
const moduleUrl = pathToFileURL(fileURLToPath(new URL("./pretenuring.ts", import.meta.url))).href;

/**
 * Pretenuring decisions V8 traces, in a child that keeps every object of one literal site alive, about
 * sites that allocated thousands of objects between two collections (that site, not start-up's). The
 * child runs without optimising compilers: optimised code allocates the literal without the memento
 * V8 counts, so how many were counted depended on when the function got optimised, and on a loaded
 * machine (Node 24, under tsx) a run sometimes saw no decision at all. Interpreted, every object
 * carries one.
 */
async function tracedDecisions(turnedOff: boolean): Promise<number> {
  const script = `
    ${turnedOff ? `(await import(${JSON.stringify(moduleUrl)})).turnOffPretenuring();` : ""}
    const kept = [];
    const make = (i) => ({ i, list: [i] });
    for (let r = 0; r < 5; r++) {
      const run = [];
      for (let i = 0; i < 400000; i++) run.push(make(i));
      kept.push(run);
    }
    console.log(kept.length * kept[0].length);`;
  const { stdout } = await run(
    process.execPath,
    [
      "--no-opt",
      "--no-maglev",
      "--trace-pretenuring-statistics",
      "--import",
      "tsx",
      "--input-type=module",
      "-e",
      script,
    ],
    { cwd: fileURLToPath(new URL("../..", import.meta.url)), maxBuffer: 16 * 2 ** 20 },
  );
  expect(stdout).toContain("2000000");
  return stdout
    .split("\n")
    .filter((l) => Number(/AllocationSite\(\S+\): \(created, found, ratio\) \((\d+),/.exec(l)?.[1]) >= 1000)
    .length;
}

describe("turnOffPretenuring", () => {
  it("stops V8's pretenuring decisions in this Node (the flag exists and takes effect at run time)", async () => {
    expect(await tracedDecisions(false)).toBeGreaterThan(0);
    expect(await tracedDecisions(true)).toBe(0);
  });

  it("turns the flag off unless the command line names it", () => {
    const set: string[] = [];
    const setFlags = (f: string) => set.push(f);
    expect(turnOffPretenuring({ execArgv: ["--import", "tsx"], setFlags })).toBe(true);
    expect(set).toEqual(["--no-allocation-site-pretenuring"]);
    for (const named of [
      "--allocation-site-pretenuring",
      "--no-allocation-site-pretenuring",
      "--allocation_site_pretenuring",
    ]) {
      expect(turnOffPretenuring({ execArgv: ["--import", "tsx", named], setFlags })).toBe(false);
    }
    expect(set).toHaveLength(1);
    expect(turnOffPretenuring({ execArgv: ["--allocation-site-pretenuring-other"], setFlags })).toBe(true);
  });
});
