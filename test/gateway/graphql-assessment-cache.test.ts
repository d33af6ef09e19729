import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { chinaDateOf, computeMetrics } from "@fupin/domain";
import { generateSyntheticCounty } from "@fupin/domain/synthetic";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestGateway, type TestGateway } from "../support/gateway.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const NOW = new Date("2025-11-30T04:00:00Z");
const YEAR = 2025;
const HOUSEHOLDS = 120;
const { ledger } = generateSyntheticCounty({
  seed: 1,
  referenceYear: Number(chinaDateOf(NOW).slice(0, 4)),
  households: HOUSEHOLDS,
});

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway({ seedHouseholds: HOUSEHOLDS, now: () => NOW });
});
afterAll(async () => {
  await gw?.close();
});

const METRICS = `query($r: String!, $y: Int!) { metrics(regionCode: $r, year: $y) { code numerator denominator } }`;
const FINDINGS = `query($r: String!, $y: Int!) { findings(regionCode: $r, year: $y) { code subjectId } }`;

/** SQL statements of one request: a cache hit reads only the ledger version, a miss also the snapshot. */
async function statements(query: string, variables: Record<string, unknown>): Promise<number> {
  const res = await gw.graphql(query, variables);
  expect(res.body.errors).toBeUndefined();
  return Number(res.headers.get("x-sql-statements"));
}

async function version(county: string): Promise<number> {
  const r = await gw.db.pool.query<{ v: number }>(
    "select coalesce((select version from ledger_version where county_code = $1), 0)::int as v",
    [county],
  );
  return r.rows[0]!.v;
}

describe("assessment cache keyed by the ledger version", () => {
  it("computes findings and metrics once per region, year and version", async () => {
    expect(await statements(FINDINGS, { r: "360723", y: YEAR })).toBe(2);
    expect(await statements(FINDINGS, { r: "360723", y: YEAR })).toBe(1);
    expect(await statements(METRICS, { r: "360723", y: YEAR })).toBe(2);
    expect(await statements(METRICS, { r: "360723", y: YEAR })).toBe(1);
    expect(await statements(METRICS, { r: "360723", y: YEAR - 1 })).toBe(2);
  });

  it("recomputes after a write by a mutation", async () => {
    const before = await version("360723");
    const household = ledger.households[0]!;
    const res = await gw.graphql(
      `mutation($id: String!) { updateHousehold(id: $id, input: { phone: "13900000000" }) { phone } }`,
      { id: household.id },
    );
    expect(res.body.errors).toBeUndefined();
    expect(await version("360723")).toBe(before + 1);
    expect(await statements(METRICS, { r: "360723", y: YEAR })).toBe(2);
  });

  it("recomputes after a write by another process (any connection), with the new figures", async () => {
    expect(await statements(METRICS, { r: "360723", y: YEAR })).toBe(1);
    await gw.db.pool.query("delete from responsibility where kind = 'township_fixed_person'");
    const res = await gw.graphql<{ metrics: { code: string; numerator: number; denominator: number }[] }>(
      METRICS,
      { r: "360723", y: YEAR },
    );
    expect(Number(res.headers.get("x-sql-statements"))).toBe(2);
    const changed = {
      ...ledger,
      responsibilities: ledger.responsibilities.filter((r) => r.kind !== "township_fixed_person"),
    };
    const expected = computeMetrics(changed, { regionCode: "360723", year: YEAR, now: NOW });
    const pick = (list: readonly { code: string; numerator: number; denominator: number }[]) => {
      const m = list.find((m) => m.code === "TOWNSHIPS_WITH_RESPONSIBLE_PERSON");
      return m && { numerator: m.numerator, denominator: m.denominator };
    };
    expect(pick(res.body.data?.metrics ?? [])).toEqual(pick(expected));
    expect(pick(expected)?.numerator).toBe(0);
  });

  it("keeps a county's cache when another county is written; bumps once per transaction", async () => {
    expect(await statements(FINDINGS, { r: "360723", y: YEAR })).toBe(2);
    await gw.db.pool.query(
      `insert into region (county_code, region_code, code, name, level, parent_code, is_poor_village) values ('360724', '360724', '360724', '邻县', 'county', null, false)`,
    );
    expect(await statements(FINDINGS, { r: "360723", y: YEAR })).toBe(1);
    const before = await version("360723");
    const client = await gw.db.pool.connect();
    try {
      await client.query("begin");
      await client.query("update household set phone = '13700000000' where county_code = '360723'");
      await client.query("update member set ethnicity = '汉族' where county_code = '360723'");
      await client.query("commit");
    } finally {
      client.release();
    }
    expect(await version("360723")).toBe(before + 1);
    expect(await statements(FINDINGS, { r: "360723", y: YEAR })).toBe(2);
  });
});

describe("assessment cost", () => {
  it("refuses thirty aliased findings as too complex; five are one query", async () => {
    const aliases = (n: number) =>
      `{ ${Array.from({ length: n }, (_, i) => `f${i}: findings(regionCode: "360723", year: ${2000 + i}) { code }`).join(" ")} }`;
    const thirty = await gw.graphql(aliases(30));
    expect(thirty.body.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COMPLEX");
    expect(thirty.body.data ?? null).toBeNull();
    const six = await gw.graphql(aliases(6));
    expect(six.body.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COMPLEX");
    const five = await gw.graphql(aliases(5));
    expect(five.body.errors).toBeUndefined();
  });
});

describe("assessment worker thread", () => {
  it("runs under `node --import tsx` (the gateway's own start) and returns what the domain computes inline", () => {
    const r = spawnSync(process.execPath, ["--import", "tsx", "test/support/assessment-worker-probe.ts"], {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(r.stderr).toBe("");
    const out = JSON.parse(r.stdout.trim().split("\n").at(-1)!) as { same: boolean; findings: number };
    expect(out.findings).toBeGreaterThan(0);
    expect(out.same).toBe(true);
  });
});
