import { buildReportSet, formatReportPeriod } from "@fupin/domain";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type JsonBatch, jsonBatches } from "../codecs/json-batches.js";
import { reportSheets } from "../export/export-report.js";
import { regionNamesOf } from "../profiles/dataset-rows.js";
import { loadProfile } from "../profiles/registry.js";
import { sampleLedger } from "../testing/sample-ledger.js";
import { createPlatformSimulator, type PlatformSimulator } from "./platform-simulator.js";

const ledger = sampleLedger();
const period = { kind: "month", year: 2025, month: 3 } as const;
const set = buildReportSet(ledger, "360723", period);

async function provinceBatches(): Promise<JsonBatch[]> {
  const profile = loadProfile("province-households");
  if (!profile.ok) throw new Error(profile.error.message);
  const meta = { regionCode: "360723", period: formatReportPeriod(period), asOf: set.households.asOf };
  const out: JsonBatch[] = [];
  for await (const b of jsonBatches(
    profile.value,
    reportSheets(profile.value, set.households, regionNamesOf(ledger)),
    meta,
  ))
    out.push(b);
  return out;
}

let sim: PlatformSimulator;
let batches: JsonBatch[];
const TOKEN = "province-secret";

beforeAll(async () => {
  sim = await createPlatformSimulator({ tokens: { province: TOKEN } });
  batches = await provinceBatches();
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

// biome-ignore lint/suspicious/noExplicitAny: answers are read as JSON of any shape
const json = async (r: Response): Promise<any> => r.json();

function post(body: unknown, key: string, token = TOKEN, path = "/province/batches", signal?: AbortSignal) {
  return fetch(`${sim.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}`, "idempotency-key": key },
    body: JSON.stringify(body),
    ...(signal ? { signal } : {}),
  });
}

describe("platform simulator", () => {
  it("accepts a profile's batch with a receipt and answers a repeated key with the same receipt, counted apart", async () => {
    const first = await post(batches[0], "k1");
    expect(first.status).toBe(200);
    const receipt = await json(first);
    expect(receipt).toMatchObject({ platform: "province", sheet: batches[0]!.sheet, rejected: [] });
    expect(receipt.accepted).toBe(batches[0]!.rows.length);
    const again = await post(batches[0], "k1");
    expect(again.headers.get("idempotent-replay")).toBe("true");
    expect(await json(again)).toEqual(receipt);
    expect(sim.stats()).toMatchObject({ requests: 2, deliveries: 1, repeats: 1, duplicates: 0 });
    await post(batches[0], "k2");
    expect(sim.stats()).toMatchObject({ deliveries: 2, duplicates: 1 });
  });

  it("refuses a wrong token (401), a profile of another platform and a row with an unknown label or column", async () => {
    expect((await post(batches[0], "k", "wrong")).status).toBe(401);
    const city = await post({ ...batches[0], profile: "city-projects" }, "k");
    expect(city.status).toBe(422);
    expect((await json(city)).error.field).toBe("profile");
    const bad = { ...batches[0]!, rows: [{ ...batches[0]!.rows[0]!, relation: "老板" }, { oops: 1 }] };
    const receipt = await json(await post(bad, "k3"));
    expect(receipt.rejected.map((r: { row: number; field: string }) => [r.row, r.field])).toEqual([
      [0, "relation"],
      [1, "oops"],
    ]);
  });

  it("fails on demand for a number of requests: 5xx, then accepts", async () => {
    sim.setFault({ mode: "down", requests: 2 });
    expect((await post(batches[0], "k")).status).toBe(503);
    expect((await post(batches[0], "k")).status).toBe(503);
    expect((await post(batches[0], "k")).status).toBe(200);
    expect(sim.stats()).toMatchObject({ failures: 2, deliveries: 1 });
  });

  it("times out, and accepts then times out (the key is remembered: the retry gets the receipt)", async () => {
    sim.setFault({ mode: "timeout", requests: 1, delayMs: 2_000 });
    await expect(post(batches[0], "k", TOKEN, undefined, AbortSignal.timeout(200))).rejects.toThrow();
    sim.setFault({ mode: "accept-then-timeout", requests: 1, delayMs: 2_000 });
    await expect(post(batches[0], "k", TOKEN, undefined, AbortSignal.timeout(200))).rejects.toThrow();
    const retry = await post(batches[0], "k");
    expect(retry.headers.get("idempotent-replay")).toBe("true");
    expect(sim.stats()).toMatchObject({ deliveries: 1, repeats: 1, failures: 1 });
  });

  it("is switched over HTTP: faults that reject rows by value, and its counts", async () => {
    const household = batches[0]!.rows[0]!.householdNumber;
    const set = await fetch(`${sim.url}/control/fault`, {
      method: "POST",
      body: JSON.stringify({ mode: "reject-rows", field: "householdNumber", value: household }),
    });
    expect(set.status).toBe(200);
    const receipt = await json(await post(batches[0], "k"));
    expect(receipt.rejected.length).toBeGreaterThan(0);
    expect(receipt.rejected.every((r: { key: string }) => r.key !== null)).toBe(true);
    const badFault = await fetch(`${sim.url}/control/fault`, {
      method: "POST",
      body: JSON.stringify({ mode: "explode" }),
    });
    expect((await json(badFault)).error.field).toBe("mode");
    const stats = await json(await fetch(`${sim.url}/control/stats`));
    expect(stats.deliveries).toBe(1);
  });
});
