import { type ChildProcess, spawn } from "node:child_process";
import { chmod, mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createPool, startEmbeddedPostgres } from "@fupin/gateway";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestGateway, type TestGateway } from "../support/gateway.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const children: ChildProcess[] = [];
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "fupin-embedded-"));
  await chmod(dir, 0o755);
});
afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  await rm(dir, { recursive: true, force: true });
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const output = new WeakMap<ChildProcess, { text: string }>();

function run(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", ...args], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const seen = { text: "" };
  output.set(child, seen);
  child.stdout?.on("data", (c: Buffer) => {
    seen.text += c.toString("utf8");
  });
  child.stderr?.on("data", (c: Buffer) => {
    seen.text += c.toString("utf8");
  });
  children.push(child);
  return child;
}

async function waitForLine(child: ChildProcess, pattern: RegExp, ms = 90_000): Promise<RegExpExecArray> {
  const seen = output.get(child)!;
  const until = Date.now() + ms;
  for (;;) {
    const m = pattern.exec(seen.text);
    if (m) return m;
    if (child.exitCode !== null)
      throw new Error(`exited with ${child.exitCode} before ${pattern}:\n${seen.text}`);
    if (Date.now() > until) throw new Error(`timed out waiting for ${pattern}:\n${seen.text}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return child.exitCode !== null
    ? Promise.resolve(child.exitCode)
    : new Promise((r) => child.once("exit", (c) => r(c)));
}

async function selectOne(url: string): Promise<number> {
  const pool = createPool(url, 1);
  try {
    return (await pool.query<{ one: number }>("select 1 as one")).rows[0]!.one;
  } finally {
    await pool.end();
  }
}

describe("embedded PostgreSQL (forced even when DATABASE_URL is set)", () => {
  let gw: TestGateway;
  afterAll(async () => {
    await gw?.close();
  });

  it("serves the gateway over HTTP on a migrated embedded database", async () => {
    gw = await startTestGateway({ forceEmbedded: true, seedHouseholds: 20 });
    expect(gw.db.embedded).toBe(true);
    const res = await gw.graphql<{ households: { totalCount: number } }>(
      `{ households(regionCode: "360723", first: 1) { totalCount } }`,
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.households.totalCount).toBe(20);
    expect((await gw.fetch("/ready")).status).toBe(200);
  });

  it("shares a server whose owner lives; stops a stale one left by a process killed with SIGKILL, then starts again on the same data", async () => {
    const dataDir = path.join(dir, "stale");
    const child = run(["test/support/embedded-child.ts", dataDir], { ...process.env });
    const [line] = await waitForLine(child, /\{.*"postmasterPid".*\}\n/);
    const { url, postmasterPid } = JSON.parse(line) as { url: string; postmasterPid: number };

    // While its owner lives, a second process shares the server and never stops it.
    const sharing = await startEmbeddedPostgres({ dataDir, database: "postgres" });
    expect(sharing.shared).toBe(true);
    expect(sharing.port).toBe(Number(new URL(url).port));
    expect(await selectOne(sharing.url)).toBe(1);
    await sharing.stop();
    expect(alive(postmasterPid)).toBe(true);

    child.kill("SIGKILL");
    await exitOf(child);
    expect(alive(postmasterPid)).toBe(true);
    expect(await selectOne(url)).toBe(1);

    const restarted = await startEmbeddedPostgres({ dataDir, database: "postgres" });
    try {
      expect(restarted.shared).toBe(false);
      expect(alive(postmasterPid)).toBe(false);
      expect(await selectOne(restarted.url)).toBe(1);
    } finally {
      await restarted.stop();
    }
  });

  it("`fupin start` without DATABASE_URL migrates, seeds, prints the URL and a working development key, and stops cleanly on SIGTERM", {
    timeout: 120_000,
  }, async () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: "0",
      FUPIN_DATA_DIR: path.join(dir, "start"),
      LOG_LEVEL: "warn",
    };
    delete env.DATABASE_URL;
    const child = run(["packages/gateway/src/cli/main.ts", "start"], env);
    const [, url] = await waitForLine(
      child,
      /fupin gateway listening on (http:\/\/127\.0\.0\.1:\d+\/graphql)\n/,
    );
    const [, key] = await waitForLine(child, /development key: (fpk_\S+)\n/);
    const res = await fetch(url!, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
      body: JSON.stringify({ query: `{ households(regionCode: "360723", first: 1) { totalCount } }` }),
    });
    const body = (await res.json()) as { data: { households: { totalCount: number } } };
    expect(body.data.households.totalCount).toBe(4000);
    const html = await fetch(url!, { headers: { accept: "text/html" } });
    const page = await html.text();
    expect(page).toContain("GraphiQL");
    // Bundled, not loaded from a CDN: the page must work on a county network without internet.
    expect(page).not.toMatch(/<script[^>]+src=["']?https?:/);
    // The console's URL on a line of its own, after the lines above; its page and first script from this server.
    const [, consoleUrl] = await waitForLine(
      child,
      /\nconsole: open (http:\/\/127\.0\.0\.1:\d+\/console\/) in a browser/,
    );
    // The README's block of printed lines, exactly: its port 4000 and `fpk_…` stand for this run's.
    const readme = await readFile(path.join(ROOT, "README.md"), "utf8");
    const block = /, and prints\n\n```\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block?.split("\n").filter(Boolean)).toHaveLength(4);
    const printed = block!
      .replaceAll("http://127.0.0.1:4000/", `http://127.0.0.1:${new URL(url!).port}/`)
      .replace("fpk_…", key!);
    expect(output.get(child)!.text).toContain(printed);
    const consolePage = await (await fetch(consoleUrl!)).text();
    expect(consolePage).toContain('<html lang="zh-CN">');
    const script = /<script type="module" crossorigin src="(\/console\/assets\/[^"]+\.js)"/.exec(consolePage);
    expect(script).not.toBeNull();
    expect((await fetch(new URL(script![1]!, url!))).status).toBe(200);

    child.kill("SIGTERM");
    expect(await exitOf(child)).toBe(0);
    const port = Number(new URL(url!).port);
    await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();
    await expect(stat(path.join(dir, "start", "postmaster.pid"))).rejects.toThrow(/ENOENT/);
  });

  it("`fupin start` again keeps the data, survives a SIGKILLed predecessor, and stops cleanly on Ctrl-C (SIGINT)", {
    timeout: 120_000,
  }, async () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: "0",
      FUPIN_DATA_DIR: path.join(dir, "start"),
      LOG_LEVEL: "warn",
    };
    delete env.DATABASE_URL;
    const count = async (url: string, key: string) => {
      const res = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
        body: JSON.stringify({ query: `{ households(regionCode: "360723", first: 1) { totalCount } }` }),
      });
      return ((await res.json()) as { data: { households: { totalCount: number } } }).data.households
        .totalCount;
    };

    const killed = run(["packages/gateway/src/cli/main.ts", "start"], env);
    const [, url1] = await waitForLine(killed, /listening on (\S+)\n/);
    const [, key1] = await waitForLine(killed, /development key: (fpk_\S+)\n/);
    expect(output.get(killed)!.text).not.toContain("generating the synthetic county");
    expect(await count(url1!, key1!)).toBe(4000);
    killed.kill("SIGKILL");
    await exitOf(killed);

    const next = run(["packages/gateway/src/cli/main.ts", "start"], env);
    const [, url2] = await waitForLine(next, /listening on (\S+)\n/);
    const [, key2] = await waitForLine(next, /development key: (fpk_\S+)\n/);
    expect(await count(url2!, key2!)).toBe(4000);
    // One development key, kept: the same after a restart, in the file beside the data folder.
    expect(key2).toBe(key1);
    expect((await readFile(path.join(dir, "development-key"), "utf8")).trim()).toBe(key1);
    const res = await fetch(url2!, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${key2}` },
      body: JSON.stringify({
        query: `{ households(regionCode: "360723", first: 3) { nodes { members { idNumber } } } }`,
      }),
    });
    const ids = JSON.stringify(await res.json());
    expect(ids).toMatch(/"idNumber":"[0-9]{6}\*+/);
    expect(ids).not.toMatch(/"idNumber":"[0-9]{17}[0-9X]"/);
    next.kill("SIGINT");
    expect(await exitOf(next)).toBe(0);
    expect(output.get(next)!.text).toContain("fupin gateway stopped");
    await expect(stat(path.join(dir, "start", "postmaster.pid"))).rejects.toThrow(/ENOENT/);
  });
});

describe("`pnpm start` stops cleanly", () => {
  for (const [how, signal, group] of [
    ["Ctrl-C (SIGINT to the terminal's process group)", "SIGINT", true],
    ["SIGTERM to pnpm", "SIGTERM", false],
  ] as const) {
    it(`on ${how}: prints "fupin gateway stopped", exits 0 with no pnpm error, and only after the shutdown`, {
      timeout: 120_000,
    }, async () => {
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        PORT: "0",
        FUPIN_DATA_DIR: path.join(dir, "start"),
        LOG_LEVEL: "warn",
      };
      delete env.DATABASE_URL;
      const child = spawn("pnpm", ["start"], {
        cwd: ROOT,
        env,
        stdio: ["ignore", "pipe", "pipe"],
        detached: true,
      });
      const seen = { text: "" };
      output.set(child, seen);
      child.stdout?.on("data", (c: Buffer) => {
        seen.text += c.toString("utf8");
      });
      child.stderr?.on("data", (c: Buffer) => {
        seen.text += c.toString("utf8");
      });
      children.push(child);
      await waitForLine(child, /development key: (fpk_\S+)\n/);
      if (group) process.kill(-child.pid!, signal);
      else child.kill(signal);
      expect(await exitOf(child)).toBe(0);
      expect(seen.text).toContain("fupin gateway stopped");
      expect(seen.text).not.toMatch(/ERR_PNPM|ELIFECYCLE|Command failed/);
      // pnpm returned the prompt: the embedded PostgreSQL has already stopped.
      await expect(stat(path.join(dir, "start", "postmaster.pid"))).rejects.toThrow(/ENOENT/);
    });
  }
});
