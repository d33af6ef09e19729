import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { chinaDateOf, computeMetrics } from "@fupin/domain";
import { generateSyntheticCounty } from "@fupin/domain/synthetic";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type AssessmentQuestion,
  runAssessmentJob,
} from "../../packages/gateway/src/assessment/assessment-job.js";
import { createAssessmentService } from "../../packages/gateway/src/assessment/assessment-service.js";
import type { GatewayContext } from "../../packages/gateway/src/context.js";
import { createSqlExecutor } from "../../packages/gateway/src/db/pool.js";
import { readSnapshotText } from "../../packages/gateway/src/graphql/read/snapshot.js";
import { startTestGateway, type TestGateway } from "../support/gateway.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const NOW = new Date("2025-11-30T04:00:00Z");
const YEAR = 2025;
const HOUSEHOLDS = 120;
// The same ledger the gateway seeds: generator seed 1, reference year of the clock.
const { ledger } = generateSyntheticCounty({
  seed: 1,
  referenceYear: Number(chinaDateOf(NOW).slice(0, 4)),
  households: HOUSEHOLDS,
});
const TOWNSHIPS = ledger.regions.filter((r) => r.level === "township").map((r) => r.code);

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway({ seedHouseholds: HOUSEHOLDS, now: () => NOW });
});
afterAll(async () => {
  await gw?.close();
});

const METRICS = `query($r: String!, $y: Int!) { metrics(regionCode: $r, year: $y) { code numerator denominator } }`;
const FINDINGS = `query($r: String!, $y: Int!) { findings(regionCode: $r, year: $y) { code subjectId } }`;

/** What the assessment service did for some requests: assessments computed, snapshots the worker read. */
async function work(run: () => Promise<unknown>): Promise<{ computed: number; read: number }> {
  const service = gw.server.assessment;
  const before = { computed: service.computed, read: service.snapshotsRead };
  await run();
  return { computed: service.computed - before.computed, read: service.snapshotsRead - before.read };
}

/**
 * One request: it succeeds, and its own SQL is the ledger version, plus the API key's recheck once
 * the key is remembered (a request with no tree read rechecks it in a statement of its own); the
 * worker reads the snapshots.
 */
async function ask(query: string, variables: Record<string, unknown>) {
  const res = await gw.graphql(query, variables);
  expect(res.body.errors).toBeUndefined();
  const statements = Number(res.headers.get("x-sql-statements"));
  expect(statements).toBeGreaterThanOrEqual(1);
  expect(statements).toBeLessThanOrEqual(2);
  return res;
}

const request = (query: string, variables: Record<string, unknown>) => work(() => ask(query, variables));

async function version(county: string): Promise<number> {
  const r = await gw.db.pool.query<{ v: number }>(
    "select coalesce(sum(version), 0)::int as v from ledger_version where county_code = $1",
    [county],
  );
  return r.rows[0]!.v;
}

/** A request context for calling the gateway's assessment service directly. */
function context(): GatewayContext {
  return { now: () => NOW, services: { sql: createSqlExecutor(gw.db.pool) } } as unknown as GatewayContext;
}

describe("assessment in the worker thread", () => {
  it("equals the domain's computation in process on the region's own snapshot (the worker slices the county's)", async () => {
    const service = gw.server.assessment;
    const sql = createSqlExecutor(gw.db.pool);
    let findings = 0;
    for (const regionCode of ["360723", TOWNSHIPS[0]!, TOWNSHIPS.at(-1)!]) {
      for (const year of [YEAR, YEAR - 1]) {
        for (const kind of ["findings", "metrics"] as const) {
          const question: AssessmentQuestion = { kind, regionCode, year, now: NOW.toISOString() };
          const inWorker = await service[kind](context(), regionCode, year);
          const snapshot = await readSnapshotText(sql, regionCode);
          expect(inWorker).toEqual(runAssessmentJob({ ...question, snapshot }));
          if (kind === "findings") findings += inWorker.length;
        }
      }
    }
    expect(findings).toBeGreaterThan(0);
  });

  it("gives the same results when the gateway's thread reads the snapshot (no database URL)", async () => {
    const withUrl = gw.server.assessment;
    const without = createAssessmentService();
    try {
      for (const regionCode of ["360723", TOWNSHIPS[1]!]) {
        const read = without.snapshotsRead;
        expect(await without.findings(context(), regionCode, YEAR)).toEqual(
          await withUrl.findings(context(), regionCode, YEAR),
        );
        expect(await without.metrics(context(), regionCode, YEAR)).toEqual(
          await withUrl.metrics(context(), regionCode, YEAR),
        );
        expect(without.snapshotsRead).toBe(read);
      }
      expect(without.computed).toBe(4);
    } finally {
      await without.close();
    }
  });
});

describe("assessment cache keyed by the ledger version", () => {
  it("computes findings and metrics once per region, year and version; one snapshot read serves the county's regions", async () => {
    await gw.db.pool.query("update household set phone = phone where id = $1", [ledger.households[0]!.id]);
    expect(await request(FINDINGS, { r: "360723", y: YEAR })).toEqual({ computed: 1, read: 1 });
    expect(await request(FINDINGS, { r: "360723", y: YEAR })).toEqual({ computed: 0, read: 0 });
    expect(await request(METRICS, { r: "360723", y: YEAR })).toEqual({ computed: 1, read: 0 });
    expect(await request(METRICS, { r: "360723", y: YEAR })).toEqual({ computed: 0, read: 0 });
    expect(await request(METRICS, { r: "360723", y: YEAR - 1 })).toEqual({ computed: 1, read: 0 });
    expect(await request(FINDINGS, { r: TOWNSHIPS[1]!, y: YEAR })).toEqual({ computed: 1, read: 0 });
  });

  it("computes once for ten concurrent identical requests (single flight)", async () => {
    await gw.db.pool.query("update household set phone = phone where id = $1", [ledger.households[0]!.id]);
    const ten = () =>
      Promise.all(Array.from({ length: 10 }, () => ask(FINDINGS, { r: TOWNSHIPS[0]!, y: YEAR })));
    expect(await work(ten)).toEqual({ computed: 1, read: 1 });
    expect(await work(ten)).toEqual({ computed: 0, read: 0 });
  });

  it("reads the county's snapshot once for concurrent requests of its regions", async () => {
    await gw.db.pool.query("update household set phone = phone where id = $1", [ledger.households[0]!.id]);
    const regions = ["360723", ...TOWNSHIPS];
    const all = () =>
      Promise.all(regions.flatMap((r) => [ask(FINDINGS, { r, y: YEAR }), ask(METRICS, { r, y: YEAR })]));
    expect(await work(all)).toEqual({ computed: regions.length * 2, read: 1 });
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
    expect(await request(METRICS, { r: "360723", y: YEAR })).toEqual({ computed: 1, read: 1 });
  });

  it("recomputes after a write by another process (any connection), with the new figures", async () => {
    expect(await request(METRICS, { r: "360723", y: YEAR })).toEqual({ computed: 0, read: 0 });
    await gw.db.pool.query("delete from responsibility where kind = 'township_fixed_person'");
    let res: Awaited<ReturnType<typeof ask>> | undefined;
    expect(await work(async () => (res = await ask(METRICS, { r: "360723", y: YEAR })))).toEqual({
      computed: 1,
      read: 1,
    });
    const changed = {
      ...ledger,
      responsibilities: ledger.responsibilities.filter((r) => r.kind !== "township_fixed_person"),
    };
    const expected = computeMetrics(changed, { regionCode: "360723", year: YEAR, now: NOW });
    const pick = (list: readonly { code: string; numerator: number; denominator: number }[]) => {
      const m = list.find((m) => m.code === "TOWNSHIPS_WITH_RESPONSIBLE_PERSON");
      return m && { numerator: m.numerator, denominator: m.denominator };
    };
    const data = res?.body.data as { metrics: { code: string; numerator: number; denominator: number }[] };
    expect(pick(data.metrics)).toEqual(pick(expected));
    expect(pick(expected)?.numerator).toBe(0);
  });

  it("keeps a county's cache when another county is written; bumps once per transaction", async () => {
    expect(await request(FINDINGS, { r: "360723", y: YEAR })).toEqual({ computed: 1, read: 0 });
    await gw.db.pool.query(
      `insert into region (county_code, region_code, code, name, level, parent_code, is_poor_village) values ('360724', '360724', '360724', '邻县', 'county', null, false)`,
    );
    expect(await request(FINDINGS, { r: "360723", y: YEAR })).toEqual({ computed: 0, read: 0 });
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
    expect(await request(FINDINGS, { r: "360723", y: YEAR })).toEqual({ computed: 1, read: 1 });
  });
});

describe("assessment metrics", () => {
  it("/metrics shows the assessments computed and the snapshots read", async () => {
    await ask(FINDINGS, { r: TOWNSHIPS[0]!, y: YEAR - 2 });
    const text = await (await gw.fetch("/metrics")).text();
    const service = gw.server.assessment;
    expect(service.computed).toBeGreaterThan(0);
    expect(text).toContain(`fupin_assessments_computed_total ${service.computed}\n`);
    expect(text).toContain(`fupin_assessment_snapshots_read_total ${service.snapshotsRead}\n`);
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
