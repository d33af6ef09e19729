import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

/** The repository root (where `pnpm fupin` runs). */
export const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** What a finished CLI run printed and its exit code. */
export interface CliRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Starts the real CLI (`packages/gateway/bin/fupin.mjs`, the bin `pnpm fupin` runs) as a child process. */
export function spawnFupin(
  args: readonly string[],
  env: Record<string, string>,
): ChildProcess & { result: Promise<CliRun> } {
  const child = spawn(process.execPath, ["packages/gateway/bin/fupin.mjs", ...args], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (c: Buffer) => {
    stdout += c.toString("utf8");
  });
  child.stderr.on("data", (c: Buffer) => {
    stderr += c.toString("utf8");
  });
  const result = new Promise<CliRun>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return Object.assign(child, { result });
}

/** Runs the real CLI to its end. */
export function runFupin(args: readonly string[], env: Record<string, string>): Promise<CliRun> {
  return spawnFupin(args, env).result;
}
