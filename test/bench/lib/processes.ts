// Child processes of the benchmarks: servers started with a given Node binary, their CPU time and
// resident memory read from /proc (Linux), and free ports.
import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream, readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";

/** Clock ticks per second of /proc's utime and stime (USER_HZ: 100 on every Linux this runs on). */
const TICKS_PER_SECOND = 100;

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

/** How to start one server process. */
export interface ChildSpec {
  readonly name: string;
  /** The Node binary (this process's, or Node 22's). */
  readonly node: string;
  readonly args: readonly string[];
  readonly cwd: string;
  readonly env: Record<string, string>;
  /** Printed once the server listens. */
  readonly ready: RegExp;
}

/**
 * Starts a server process and waits for its ready line; its output is drained afterwards, or kept in
 * `<BENCH_SERVER_LOG_DIR>/<name> <pid>.log` when that is set (GC traces, logs).
 */
export async function startChild(spec: ChildSpec): Promise<ChildProcess> {
  const child = spawn(spec.node, [...spec.args], {
    cwd: spec.cwd,
    env: { ...process.env, ...spec.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${spec.name} did not start in 120 s:\n${output.slice(-4000)}`)),
        120_000,
      );
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (spec.ready.test(output)) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout?.on("data", onData);
      child.stderr?.on("data", onData);
      child.on("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`${spec.name} exited with ${code}:\n${output.slice(-4000)}`));
      });
    });
  } catch (e) {
    child.kill("SIGKILL");
    throw e;
  }
  child.stdout?.removeAllListeners("data");
  child.stderr?.removeAllListeners("data");
  const logDir = process.env.BENCH_SERVER_LOG_DIR;
  if (logDir) {
    const log = createWriteStream(join(logDir, `${spec.name} ${child.pid}.log`));
    log.write(output);
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
  } else {
    child.stdout?.resume();
    child.stderr?.resume();
  }
  child.removeAllListeners("exit");
  return child;
}

/** Stops a server process: SIGTERM, then SIGKILL after 10 s. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
    setTimeout(() => child.kill("SIGKILL"), 10_000).unref();
  });
}

/** User plus system CPU seconds a process has used, from /proc/<pid>/stat; 0 when unreadable. */
export function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // After the command name: state is field 3, utime field 14, stime field 15 (1-based in proc(5)).
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** The parent pid of a process, or null. */
function parentPid(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return null;
  }
}

/** CPU seconds of the children a process has waited for (cutime + cstime); 0 when unreadable. */
function reapedChildrenCpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[13]) + Number(fields[14])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/**
 * CPU seconds of a process, its live direct children and those it has already reaped (PostgreSQL's
 * postmaster and its backends: a backend that exits moves its time into the postmaster's cutime).
 */
export function treeCpuSeconds(pid: number): number {
  let total = cpuSeconds(pid) + reapedChildrenCpuSeconds(pid);
  for (const entry of readdirSync("/proc")) {
    const child = Number(entry);
    if (Number.isInteger(child) && parentPid(child) === pid) total += cpuSeconds(child);
  }
  return total;
}

/** Resident memory of a process in MB (VmRSS), or NaN when unreadable. */
export function residentMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}
