import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  createGatewayServer,
  createLogger,
  type GatewayServer,
  runCli,
  seedSyntheticCounty,
} from "@fupin/gateway";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestGateway, type TestGateway } from "../support/gateway.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const QUERY = `{ households(regionCode: "360723", first: 1) { totalCount } }`;

let clock = new Date("2026-06-01T02:00:00Z");
let gw: TestGateway;
let second: GatewayServer;
let secondUrl: string;
let keyDir: string;

beforeAll(async () => {
  keyDir = await mkdtemp(path.join(tmpdir(), "fupin-keys-"));
  gw = await startTestGateway({ http: true, seedHouseholds: 20, now: () => clock });
  second = createGatewayServer({
    config: { ...gw.config, port: 0 },
    db: gw.db,
    logger: createLogger("silent"),
    now: () => clock,
  });
  secondUrl = await second.listen();
});
afterAll(async () => {
  await second?.close();
  await gw?.close();
  await rm(keyDir, { recursive: true, force: true });
});

async function cli(args: string[]) {
  const lines: string[] = [];
  const code = await runCli(
    args,
    { DATABASE_URL: gw.db.url },
    { log: (l) => lines.push(l), error: (l) => lines.push(l) },
  );
  return { code, lines };
}

async function status(url: string, key: string): Promise<number> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
    body: JSON.stringify({ query: QUERY }),
  });
  return res.status;
}

describe("keys", () => {
  it("a revocation holds from the next request on, on every gateway process", async () => {
    const { lines } = await cli(["keys", "create", "--region", "360723", "--permissions", "ledger:read"]);
    const key = lines.at(-1)!;
    expect([await status(gw.url, key), await status(secondUrl, key)]).toEqual([200, 200]);
    const id = /^fpk_([0-9a-f]+)_/.exec(key)![1]!;
    expect((await cli(["keys", "revoke", "--id", id])).lines).toEqual([`revoked API key ${id}`]);
    expect([await status(gw.url, key), await status(secondUrl, key)]).toEqual([401, 401]);
  });

  it("keys create --expires-in 30d makes a key that works until then; keys list shows it", async () => {
    const { code, lines } = await cli([
      "keys",
      "create",
      "--region",
      "360723100",
      "--permissions",
      "ledger:read",
      "--label",
      "thirty days",
      "--expires-in",
      "30d",
    ]);
    expect(code).toBe(0);
    const expiresLine = lines.find((l) => l.startsWith("it expires at "));
    const expiresAt = new Date(expiresLine!.slice("it expires at ".length));
    expect(Math.round((expiresAt.getTime() - Date.now()) / 86_400_000)).toBe(30);
    const key = lines.at(-1)!;
    const id = /^fpk_([0-9a-f]+)_/.exec(key)![1]!;
    clock = new Date();
    expect(await status(gw.url, key)).toBe(200);
    const listed = (await cli(["keys", "list"])).lines.find((l) => l.startsWith(id));
    expect(listed).toContain(`"thirty days" region 360723100 ledger:read`);
    expect(listed).toContain(`active until ${expiresAt.toISOString()}`);
    clock = new Date(expiresAt.getTime() + 1000);
    const res = await gw.graphql(QUERY, undefined, { key });
    expect(res.status).toBe(401);
    expect(res.body.errors?.[0]?.message).toMatch(/expired at/);
    clock = new Date("2026-06-01T02:00:00Z");
  });

  it("refuses an --expires-in it cannot read, naming the option", async () => {
    await expect(
      cli([
        "keys",
        "create",
        "--region",
        "360723",
        "--permissions",
        "ledger:read",
        "--expires-in",
        "a month",
      ]),
    ).rejects.toThrow(/--expires-in must be a number of days, hours or minutes/);
  });
});

function spawnStart(args: string[]): { child: ChildProcess; text: () => string } {
  let text = "";
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "packages/gateway/src/cli/main.ts", "start", ...args],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: gw.db.url,
        FUPIN_DATA_DIR: path.join(keyDir, "postgres"),
        PORT: "0",
        LOG_LEVEL: "warn",
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  child.stdout?.on("data", (c: Buffer) => {
    text += c.toString("utf8");
  });
  child.stderr?.on("data", (c: Buffer) => {
    text += c.toString("utf8");
  });
  return { child, text: () => text };
}

async function until(text: () => string, pattern: RegExp, child: ChildProcess): Promise<RegExpExecArray> {
  const end = Date.now() + 90_000;
  for (;;) {
    const m = pattern.exec(text());
    if (m) return m;
    if (child.exitCode !== null || Date.now() > end) throw new Error(`no ${pattern} in:\n${text()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("fupin start against DATABASE_URL", () => {
  it("creates no key unless --dev-key, and says how to make one", { timeout: 120_000 }, async () => {
    await seedSyntheticCounty(gw.db.pool, gw.db.orm, { households: 20 });
    const before = await gw.db.pool.query("select count(*)::int as n from api_key");
    const plain = spawnStart([]);
    await until(
      plain.text,
      /no development key on a DATABASE_URL server: create one with .*keys create/,
      plain.child,
    );
    expect(plain.text()).not.toContain("development key: ");
    plain.child.kill("SIGTERM");
    await new Promise((r) => plain.child.once("exit", r));
    const after = await gw.db.pool.query("select count(*)::int as n from api_key");
    expect(after.rows[0].n).toBe(before.rows[0].n);

    const withKey = spawnStart(["--dev-key"]);
    const [, key] = await until(withKey.text, /development key: (fpk_\S+)\n/, withKey.child);
    withKey.child.kill("SIGTERM");
    await new Promise((r) => withKey.child.once("exit", r));
    expect(await status(gw.url, key!)).toBe(200);
  });
});
