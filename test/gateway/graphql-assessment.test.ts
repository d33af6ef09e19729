import { chinaDateOf, computeMetrics, detectFindings } from "@fupin/domain";
import { generateSyntheticCounty } from "@fupin/domain/synthetic";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestGateway, type TestGateway } from "../support/gateway.js";

const NOW = new Date("2025-11-30T04:00:00Z");
const YEAR = 2025;
const HOUSEHOLDS = 400;
// The same ledger the gateway seeds: generator seed 1, reference year of the clock.
const { ledger } = generateSyntheticCounty({
  seed: 1,
  referenceYear: Number(chinaDateOf(NOW).slice(0, 4)),
  households: HOUSEHOLDS,
});
const TOWNSHIPS = ledger.regions.filter((r) => r.level === "township").map((r) => r.code);

let gw: TestGateway;
const keys = new Map<string, string>();
beforeAll(async () => {
  gw = await startTestGateway({ seedHouseholds: HOUSEHOLDS, now: () => NOW });
  for (const t of TOWNSHIPS.slice(0, 3)) keys.set(t, await gw.keys.create(t, ["ledger:read"]));
});
afterAll(async () => {
  await gw?.close();
});

/** Metrics by code: per-industry metrics follow the order of the industry catalogue, which the database keeps by id. */
function byCode<T extends { code: string }>(list: readonly T[] | undefined): T[] {
  return [...(list ?? [])].sort((a, b) => a.code.localeCompare(b.code));
}

const METRICS = `query($r: String!, $y: Int!) { metrics(regionCode: $r, year: $y) { code regionCode year value numerator denominator target } }`;
const FINDINGS = `query($r: String!, $y: Int!) { findings(regionCode: $r, year: $y) { code severity year regionCode subjectType subjectId evidence message messageEn } }`;

describe("metrics and findings served from the database equal the domain's on the same ledger", () => {
  it("for the county", async () => {
    const metrics = await gw.graphql<{ metrics: unknown[] }>(METRICS, { r: ledger.countyCode, y: YEAR });
    expect(metrics.body.errors).toBeUndefined();
    const expected = computeMetrics(ledger, { regionCode: ledger.countyCode, year: YEAR, now: NOW }).map(
      (m) => ({ target: null, ...m }),
    );
    expect(byCode(metrics.body.data?.metrics as { code: string }[])).toEqual(byCode(expected));
    const findings = await gw.graphql<{ findings: unknown[] }>(FINDINGS, { r: ledger.countyCode, y: YEAR });
    expect(findings.body.errors).toBeUndefined();
    const domain = detectFindings(ledger, { year: YEAR, now: NOW, regionCode: ledger.countyCode });
    expect(domain.length).toBeGreaterThan(0);
    // Evidence lists records in ledger order; the database returns them in key order.
    const sorted = (list: readonly { evidence: readonly string[] }[]) =>
      list.map((f) => ({ ...f, evidence: [...f.evidence].sort() }));
    expect(sorted((findings.body.data?.findings ?? []) as { evidence: string[] }[])).toEqual(
      sorted(domain.map(({ message, ...f }) => ({ ...f, message: message.zh, messageEn: message.en }))),
    );
  });

  it("for a township, with the township's own key", async () => {
    for (const township of TOWNSHIPS.slice(0, 3)) {
      const key = keys.get(township) ?? null;
      const metrics = await gw.graphql<{ metrics: unknown[] }>(METRICS, { r: township, y: YEAR }, { key });
      expect(metrics.body.errors).toBeUndefined();
      const expected = computeMetrics(ledger, { regionCode: township, year: YEAR, now: NOW }).map((m) => ({
        target: null,
        ...m,
      }));
      expect(byCode(metrics.body.data?.metrics as { code: string }[]), township).toEqual(byCode(expected));
      const findings = await gw.graphql<{ findings: { subjectId: string; code: string; message: string }[] }>(
        FINDINGS,
        { r: township, y: YEAR },
        { key },
      );
      const domain = detectFindings(ledger, { year: YEAR, now: NOW, regionCode: township });
      expect(
        findings.body.data?.findings.map((f) => `${f.code} ${f.subjectId}`),
        township,
      ).toEqual(domain.map((f) => `${f.code} ${f.subjectId}`));
      // A township's snapshot once lacked its county and the linked entities' townships: "360723南安镇…".
      expect(findings.body.data?.findings.map((f) => f.message)).toEqual(domain.map((f) => f.message.zh));
      for (const f of findings.body.data?.findings ?? [])
        expect(f.message).not.toMatch(/\d{6}[\u4e00-\u9fff]/);
    }
  });
});

describe("assessed years", () => {
  it("a year after the ledger's as-of date is BAD_USER_INPUT naming the year and the date", async () => {
    for (const query of [METRICS, FINDINGS]) {
      const res = await gw.graphql(query, { r: ledger.countyCode, y: YEAR + 1 });
      expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "year" });
      expect(res.body.errors?.[0]?.message).toContain(
        `year ${YEAR + 1} is after the ledger's as-of date 2025-11-30`,
      );
    }
  });

  it("a year before any record gives no metrics and no findings", async () => {
    const metrics = await gw.graphql<{ metrics: unknown[] }>(METRICS, { r: ledger.countyCode, y: 2001 });
    const findings = await gw.graphql<{ findings: unknown[] }>(FINDINGS, { r: ledger.countyCode, y: 2001 });
    expect(metrics.body).toEqual({ data: { metrics: [] } });
    expect(findings.body).toEqual({ data: { findings: [] } });
  });
});

describe("readable metrics", () => {
  it("carry a display string and its unit: yuan with separators for amounts, a percentage for rates", async () => {
    const res = await gw.graphql<{
      metrics: { code: string; value: number | null; unit: string; display: string }[];
    }>(`query($r: String!, $y: Int!) { metrics(regionCode: $r, year: $y) { code value unit display } }`, {
      r: ledger.countyCode,
      y: YEAR,
    });
    const metrics = res.body.data?.metrics ?? [];
    const benefit = metrics.find((m) => m.code === "AVERAGE_LINKAGE_BENEFIT")!;
    expect(benefit.unit).toBe("元");
    const yuan = (Math.round(benefit.value!) / 100).toLocaleString("en-US", { minimumFractionDigits: 2 });
    expect(benefit.display).toBe(`${yuan} 元`);
    const coverage = metrics.find((m) => m.code === "LINKAGE_COVERAGE")!;
    expect(coverage.unit).toBe("%");
    expect(coverage.display).toBe(`${(coverage.value! * 100).toFixed(1)}%`);
  });
});

describe("the default year", () => {
  it("is the latest complete year as of the ledger's date, for metrics and findings alike", async () => {
    const res = await gw.graphql<{ metrics: { year: number }[]; findings: { year: number }[] }>(
      `query($r: String!) { metrics(regionCode: $r) { year } findings(regionCode: $r) { year } }`,
      { r: ledger.countyCode },
    );
    expect(res.body.errors).toBeUndefined();
    const years = new Set([...res.body.data!.metrics, ...res.body.data!.findings].map((x) => x.year));
    expect([...years]).toEqual([YEAR - 1]);
  });
});
