import type { ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestGateway, type TestGateway } from "../support/gateway.js";
import { startSecondProcess } from "../support/second-process.js";

const LIMIT = 5;

describe("the rate limit across gateway processes", () => {
  let first: TestGateway;
  let second: { child: ChildProcess; url: string };

  beforeAll(async () => {
    first = await startTestGateway({
      seedHouseholds: 0,
      http: true,
      config: { rateLimitPerMinute: LIMIT, authFailuresPerMinute: 1000 },
    });
    second = await startSecondProcess(first.db.url, LIMIT);
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
