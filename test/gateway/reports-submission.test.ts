import { createHash } from "node:crypto";
import { LEDGER_TABLES } from "@fupin/gateway";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COUNTY, HOUSEHOLDS_A, HOUSEHOLDS_B, TOWN_A, TOWN_B } from "./graphql-fixture.js";
import { dataOf, type GraphqlHarness, startGraphqlHarness } from "./graphql-harness.js";

let h: GraphqlHarness;
beforeAll(async () => {
  h = await startGraphqlHarness();
});
afterAll(async () => {
  await h?.close();
});

const PREVIEW = `query($p: String!, $r: String!, $t: String!) {
  reportPreview(profile: $p, regionCode: $r, period: $t) {
    summary { profile regionCode period asOf rowCounts { name value } totals { name label value } }
    errorCount warningCount
    violations { rule group importance scopeKey operator message messageEn
      left { label value rows { source row recordIds } } right { label value rows { source row recordIds } } }
  }
}`;

const SUBMIT = `mutation($p: String!, $r: String!, $t: String!, $who: String!, $rev: String!) {
  submitReport(profile: $p, regionCode: $r, period: $t, preparer: $who, reviewer: $rev) {
    id profile regionCode period asOf preparer reviewer payloadHash contentType size principalId createdAt
  }
}`;

const LIST = `query($r: String!, $p: String, $first: Int, $after: String) {
  submissions(regionCode: $r, profile: $p, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id profile regionCode period payloadHash } }
  }
}`;

interface Side {
  label: string;
  value: number | null;
  rows: { source: string; row: string; recordIds: string[] }[];
}
interface Violation {
  rule: string;
  importance: string;
  scopeKey: string;
  message: string;
  left: Side;
  right: Side;
}
interface Preview {
  summary: {
    profile: string;
    regionCode: string;
    period: string;
    asOf: string;
    rowCounts: { name: string; value: number }[];
    totals: { name: string; label: string; value: number }[];
  };
  errorCount: number;
  warningCount: number;
  violations: Violation[];
}
interface Submission {
  id: string;
  payloadHash: string;
  size: number;
  asOf: string;
  contentType: string;
}

const submit = (who: Parameters<GraphqlHarness["gql"]>[0], p: string, r: string, t: string) =>
  h.gql(who, SUBMIT, { p, r, t, who: "张三", rev: "李四" });

async function storedCount(): Promise<{ submissions: number; audits: number }> {
  const s = await h.pool.query<{ n: number }>("select count(*)::int as n from report_submission");
  const a = await h.pool.query<{ n: number }>(
    "select count(*)::int as n from audit_log where action = 'submit'",
  );
  return { submissions: s.rows[0]!.n, audits: a.rows[0]!.n };
}

/** Plants wages below the employment pay of household A-1 (R5), runs `work`, then restores the ledger. */
async function withPlantedWages(work: () => Promise<void>): Promise<void> {
  const { linkageYears, incomes } = LEDGER_TABLES;
  await h.pool.query(`update ${linkageYears.table} set benefit_kind = 'wage' where id = 'ly-A'`);
  await h.pool.query(`update ${incomes.table} set wage_fen = 1000 where id = 'inc-A'`);
  try {
    await work();
  } finally {
    await h.pool.query(`update ${linkageYears.table} set benefit_kind = 'cash' where id = 'ly-A'`);
    await h.pool.query(`update ${incomes.table} set wage_fen = 1000000 where id = 'inc-A'`);
  }
}

describe("reportPreview", () => {
  it("summarises a county's report 1 with its as-of date, counts and totals", async () => {
    const res = await h.gql("county", PREVIEW, { p: "province-households", r: COUNTY, t: "2024" });
    const preview = dataOf<Preview>(res, "reportPreview");
    expect(preview.summary).toMatchObject({
      profile: "province-households",
      regionCode: COUNTY,
      period: "2024",
      asOf: "2024-12-31",
    });
    const count = Object.fromEntries(preview.summary.rowCounts.map((c) => [c.name, c.value]));
    expect(count.households).toBe(HOUSEHOLDS_A + HOUSEHOLDS_B);
    const totals = Object.fromEntries(preview.summary.totals.map((c) => [c.name, c.value]));
    const subsidies = await h.pool.query<{ fen: number }>(
      `select sum(amount_fen)::int as fen from ${LEDGER_TABLES.subsidies.table} where date between '2024-01-01' and '2024-12-31'`,
    );
    expect(totals.subsidyFen).toBe(subsidies.rows[0]!.fen);
    expect(totals.linkageReceivedFen).toBe(10_000);
    expect(preview.errorCount).toBe(preview.violations.filter((v) => v.importance === "error").length);
  });

  it("names a planted inconsistency: rule, both values and the records behind each side", async () => {
    await withPlantedWages(async () => {
      const res = await h.gql("county", PREVIEW, { p: "province-households", r: TOWN_A, t: "2024" });
      const preview = dataOf<Preview>(res, "reportPreview");
      const v = preview.violations.find((x) => x.rule === "R5.WAGES_COVER_EMPLOYMENT_PAY");
      expect(v).toBeDefined();
      expect(v!.importance).toBe("error");
      expect(v!.left.value).toBe(1000);
      expect(v!.right.value).toBe(5000);
      expect(v!.left.rows.flatMap((r) => r.recordIds)).toContain("inc-A");
      expect(v!.right.rows.flatMap((r) => r.recordIds)).toContain("ly-A");
      expect(v!.message).toMatch(/工资性收入/);
      expect(preview.errorCount).toBeGreaterThan(0);
    });
  });

  it("refuses a bad profile or period with BAD_USER_INPUT naming the argument", async () => {
    const bad = await h.gql("county", PREVIEW, { p: "ledger", r: COUNTY, t: "2024" });
    expect(bad.body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "profile" });
    const period = await h.gql("county", PREVIEW, { p: "city-projects", r: COUNTY, t: "2024-13" });
    expect(period.body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "period" });
  });

  it("follows region scope: a township key cannot preview the county or another township", async () => {
    for (const r of [COUNTY, TOWN_B]) {
      const res = await h.gql("townA", PREVIEW, { p: "city-campaign", r, t: "2024-06" });
      expect(res.body.errors?.[0]?.extensions?.code).toBe("REGION_OUT_OF_SCOPE");
    }
    const own = await h.gql("townA", PREVIEW, { p: "city-campaign", r: TOWN_A, t: "2024-06" });
    expect(dataOf<Preview>(own, "reportPreview").summary.regionCode).toBe(TOWN_A);
  });
});

describe("submitReport", () => {
  it("needs reports:submit, and a refused call writes nothing", async () => {
    const before = await storedCount();
    for (const who of ["countyRead", "townAWrite"] as const) {
      const res = await submit(who, "city-campaign", TOWN_A, "2024-06");
      expect(res.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    }
    expect(await storedCount()).toEqual(before);
  });

  it("is blocked by an error-level violation, listing it, and writes nothing", async () => {
    const before = await storedCount();
    await withPlantedWages(async () => {
      const res = await submit("county", "province-households", TOWN_A, "2024");
      const error = res.body.errors?.[0];
      expect(error?.extensions?.code).toBe("REPORT.CONSISTENCY_ERRORS");
      const violations = error?.extensions?.violations as { rule: string; left: number; right: number }[];
      expect(violations).toContainEqual(
        expect.objectContaining({ rule: "R5.WAGES_COVER_EMPLOYMENT_PAY", left: 1000, right: 5000 }),
      );
    });
    expect(await storedCount()).toEqual(before);
  });

  it("refuses an empty preparer naming it", async () => {
    const res = await h.gql("county", SUBMIT, {
      p: "city-campaign",
      r: TOWN_A,
      t: "2024-06",
      who: " ",
      rev: "李四",
    });
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "preparer" });
  });

  it("stores a clean report frozen, audited, and serves its file again byte for byte", async () => {
    const before = await storedCount();
    const res = await submit("county", "city-campaign", TOWN_A, "2024-06");
    const s = dataOf<Submission>(res, "submitReport");
    expect(s).toMatchObject({ asOf: "2024-06-30", contentType: expect.stringContaining("spreadsheetml") });
    expect(await storedCount()).toEqual({ submissions: before.submissions + 1, audits: before.audits + 1 });

    const stored = await h.pool.query<{ content: Buffer; payload_hash: string }>(
      "select content, payload_hash from report_submission where id = $1",
      [s.id],
    );
    const bytes = stored.rows[0]!.content;
    expect(bytes.subarray(0, 2).toString()).toBe("PK");
    expect(bytes.length).toBe(s.size);
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(s.payloadHash);

    const fetched = await h.gql(
      "county",
      `query($r: String!) { submissions(regionCode: $r) { nodes { id payloadHash content } } }`,
      { r: TOWN_A },
    );
    const node = dataOf<{ nodes: { id: string; content: string }[] }>(fetched, "submissions").nodes.find(
      (n) => n.id === s.id,
    );
    const again = Buffer.from(node!.content, "base64");
    expect(createHash("sha256").update(again).digest("hex")).toBe(s.payloadHash);
    expect(again.equals(bytes)).toBe(true);

    const audit = await h.pool.query<{ entity_id: string; after: { payloadHash: string } }>(
      "select entity_id, after from audit_log where action = 'submit' order by seq desc limit 1",
    );
    expect(audit.rows[0]).toMatchObject({ entity_id: s.id, after: { payloadHash: s.payloadHash } });
    const reads = await h.pool.query<{ after: { records: Record<string, string[]> } }>(
      "select after from audit_log where action = 'read_personal' order by seq desc limit 1",
    );
    expect(reads.rows[0]!.after.records.report_submission).toEqual([s.id]);

    await expect(
      h.pool.query("update report_submission set preparer = 'x' where id = $1", [s.id]),
    ).rejects.toThrow(/frozen/);
    await expect(h.pool.query("delete from report_submission where id = $1", [s.id])).rejects.toThrow(
      /frozen/,
    );
  });

  it("checks continuity against the last submission: a back-dated entry after it breaks R7", async () => {
    await dataOf<Submission>(await submit("county", "city-campaign", TOWN_A, "2024-06"), "submitReport");
    const { subsidies } = LEDGER_TABLES;
    await h.pool.query(
      `insert into ${subsidies.table} (county_code, region_code, id, household_id, date, kind, amount_fen, industry_id, fund_id, purpose)
       select county_code, region_code, 'sub-late', household_id, '2024-05-10', kind, 7000, industry_id, fund_id, '补录'
         from ${subsidies.table} where id = 'sub-A'`,
    );
    try {
      const res = await h.gql("county", PREVIEW, { p: "city-campaign", r: TOWN_A, t: "2024-07" });
      const preview = dataOf<Preview>(res, "reportPreview");
      const r7 = preview.violations.filter(
        (v) => v.rule.startsWith("R7.") && v.rule.includes("subsidyFenCum"),
      );
      expect(r7.length).toBeGreaterThan(0);
      expect(
        r7
          .flatMap((v) => [...v.left.rows, ...v.right.rows])
          .some((r) => r.source === "previous:city-campaign"),
      ).toBe(true);
      const blocked = await submit("county", "city-campaign", TOWN_A, "2024-07");
      expect(blocked.body.errors?.[0]?.extensions?.code).toBe("REPORT.CONSISTENCY_ERRORS");
    } finally {
      await h.pool.query(`delete from ${subsidies.table} where id = 'sub-late'`);
    }
    const clean = await submit("county", "city-campaign", TOWN_A, "2024-07");
    expect(dataOf<Submission>(clean, "submitReport").asOf).toBe("2024-07-31");
  });
});

describe("submissions", () => {
  it("pages with cursors and filters by profile", async () => {
    const all = dataOf<{ totalCount: number }>(await h.gql("county", LIST, { r: COUNTY }), "submissions");
    expect(all.totalCount).toBeGreaterThanOrEqual(2);
    const page = dataOf<{
      pageInfo: { hasNextPage: boolean; endCursor: string };
      edges: { node: { id: string } }[];
    }>(await h.gql("county", LIST, { r: COUNTY, first: 1 }), "submissions");
    expect(page.edges).toHaveLength(1);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const next = dataOf<{ edges: { node: { id: string } }[] }>(
      await h.gql("county", LIST, { r: COUNTY, first: 1, after: page.pageInfo.endCursor }),
      "submissions",
    );
    expect(Number(next.edges[0]!.node.id)).toBeGreaterThan(Number(page.edges[0]!.node.id));
    const none = dataOf<{ totalCount: number }>(
      await h.gql("county", LIST, { r: COUNTY, p: "city-projects" }),
      "submissions",
    );
    expect(none.totalCount).toBe(0);
    const bad = await h.gql("county", LIST, { r: COUNTY, after: "bm9wZQ" });
    expect(bad.body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
  });

  it("a township key sees its own township's submissions only", async () => {
    const own = dataOf<{ totalCount: number }>(await h.gql("townA", LIST, { r: TOWN_A }), "submissions");
    expect(own.totalCount).toBeGreaterThanOrEqual(1);
    const other = await h.gql("townB", LIST, { r: TOWN_A });
    expect(other.body.errors?.[0]?.extensions?.code).toBe("REGION_OUT_OF_SCOPE");
    const mine = dataOf<{ totalCount: number }>(await h.gql("townB", LIST, { r: TOWN_B }), "submissions");
    expect(mine.totalCount).toBe(0);
    const county = await h.gql("townB", LIST, { r: COUNTY });
    expect(county.body.errors?.[0]?.extensions?.code).toBe("REGION_OUT_OF_SCOPE");
  });

  it("serves a file's bytes only with personal:read", async () => {
    const res = await h.gql(
      "townA",
      `query($r: String!) { submissions(regionCode: $r) { nodes { content } } }`,
      { r: TOWN_A },
    );
    expect(res.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});

// Last: it freezes a submission, which the tests above count.
describe("submitReport across reports", () => {
  it("is blocked only by errors of rules that involve its own report: a report 1 error leaves report 3 free", async () => {
    await withPlantedWages(async () => {
      // R5.WAGES_COVER_EMPLOYMENT_PAY compares two figures of report 1 only.
      const blocked = await submit("county", "province-households", TOWN_A, "2024");
      expect(blocked.body.errors?.[0]?.extensions?.code).toBe("REPORT.CONSISTENCY_ERRORS");
      const preview = dataOf<Preview>(
        await h.gql("county", PREVIEW, { p: "city-campaign", r: TOWN_A, t: "2024-05" }),
        "reportPreview",
      );
      expect(preview.violations.map((v) => v.rule)).toContain("R5.WAGES_COVER_EMPLOYMENT_PAY");
      const campaign = await submit("county", "city-campaign", TOWN_A, "2024-05");
      expect(dataOf<Submission>(campaign, "submitReport").payloadHash).toMatch(/^[0-9a-f]{64}$/);
    });
  });
});
