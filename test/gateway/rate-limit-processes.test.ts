import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestGateway, type TestGateway } from "../support/gateway.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const LIMIT = 5;

/** A second gateway in its own process (`fupin start`) over the same database, with the same limit. */
async function startSecondProcess(databaseUrl: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "packages/gateway/src/cli/main.ts", "start"], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: "0",
      LOG_LEVEL: "warn",
      RATE_LIMIT_PER_MINUTE: String(LIMIT),
      AUTH_FAILURES_PER_MINUTE: "1000",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`second gateway did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /listening on (\S+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`second gateway exited with ${code}:\n${output}`)));
  });
  child.stdout?.resume();
  child.stderr?.resume();
  return { child, url };
}

describe("the rate limit across gateway processes", () => {
  let first: TestGateway;
  let second: { child: ChildProcess; url: string };

  beforeAll(async () => {
    first = await startTestGateway({
      seedHouseholds: 0,
      http: true,
      config: { rateLimitPerMinute: LIMIT, authFailuresPerMinute: 1000 },
    });
    second = await startSecondProcess(first.db.url);
  });

  afterAll(async () => {
    second?.child.kill("SIGTERM");
    await first?.close();
  });

  async function status(gateway: "first" | "second", key: string): Promise<number> {
    const url = gateway === "first" ? first.url : second.url;
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    await res.arrayBuffer();
    return res.status;
  }

  it("counts one key's requests on both gateways against one limit", async () => {
    const key = await first.keys.create("360723", ["ledger:read"]);
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT + 2; i++) statuses.push(await status(i % 2 === 0 ? "first" : "second", key));
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    expect(await status("second", key)).toBe(429);
    const other = await first.keys.create("360723", ["ledger:read"]);
    expect(await status("second", other)).toBe(200);
    expect(await status("first", other)).toBe(200);
  });

  it("does not count requests with a wrong secret against the key", async () => {
    const key = await first.keys.create("360723", ["ledger:read"]);
    const wrong = `${key.slice(0, key.lastIndexOf("_") + 1)}${"x".repeat(32)}`;
    for (const gateway of ["first", "second", "first"] as const)
      expect(await status(gateway, wrong)).toBe(401);
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT + 1; i++) statuses.push(await status(i % 2 === 0 ? "second" : "first", key));
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
  });
});
