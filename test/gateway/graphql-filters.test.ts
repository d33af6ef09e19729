import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestGateway, TEST_COUNTY, type TestGateway } from "../support/gateway.js";

// Issue 8, point 5: filters answered the wrong question silently (a malformed village code matched
// every household; industry and year were tied to different rows). Each filter's answer is compared
// here with SQL written independently of the gateway's, on the synthetic county.

const NOW = new Date("2024-12-15T04:00:00Z");
let g: TestGateway;
beforeAll(async () => {
  g = await startTestGateway({ seedHouseholds: 200, now: () => NOW });
});
afterAll(async () => {
  await g?.close();
});

async function sqlCount(text: string, params: unknown[] = []): Promise<number> {
  const r = await g.db.pool.query<{ n: number }>(`select count(*)::int as n from (${text}) t`, params);
  return r.rows[0]!.n;
}

const FILTER_TYPES: Record<string, string> = {
  households: "HouseholdFilter",
  subsidies: "SubsidyFilter",
  technicalServices: "TechnicalServiceFilter",
  responsibilities: "ResponsibilityFilter",
  villageIndustries: "VillageIndustryFilter",
  villages: "VillageFilter",
};

function listQuery(list: string, filter: Record<string, unknown>) {
  return g.graphql<Record<string, { totalCount: number }>>(
    `query($f: ${FILTER_TYPES[list]}) { ${list}(regionCode: "${TEST_COUNTY}", filter: $f) { totalCount } }`,
    { f: filter },
  );
}

async function total(list: string, filter: Record<string, unknown>): Promise<number> {
  const res = await listQuery(list, filter);
  expect(res.body.errors).toBeUndefined();
  return res.body.data![list]!.totalCount;
}

async function firstRow<T>(text: string, params: unknown[] = []): Promise<T> {
  const r = await g.db.pool.query(text, params);
  if (!r.rows[0]) throw new Error(`the synthetic county has no row for: ${text}`);
  return r.rows[0] as T;
}

describe("a malformed region code in a filter is refused, never a match-all", () => {
  it.each([
    ["households", "villageCode"],
    ["villageIndustries", "villageCode"],
    ["villages", "townshipCode"],
  ])("%s(filter: { %s })", async (list, field) => {
    for (const bad of ["abc", "%", "", "36072３%", "3607231"]) {
      const res = await listQuery(list, { [field]: bad });
      expect(res.body.errors?.[0]?.extensions).toMatchObject({
        code: "BAD_USER_INPUT",
        field: `filter.${field}`,
      });
      expect(res.body.data?.[list] ?? null).toBeNull();
    }
  });

  it("full-width digits are normalised, as for every code the API reads", async () => {
    const { code } = await firstRow<{ code: string }>(
      "select code from region where level = 'township' order by code",
    );
    const fullWidth = [...code].map((d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)).join("");
    const expected = await sqlCount("select id from household where substr(village_code, 1, 9) = $1", [code]);
    expect(expected).toBeGreaterThan(0);
    expect(await total("households", { villageCode: fullWidth })).toBe(expected);
    expect(await total("households", { villageCode: code })).toBe(expected);
  });
});

describe("households: each filter against independent SQL", () => {
  it("industryId with industryYear asks for one outcome record of that industry in that year", async () => {
    // The pair where tying both to one row matters most: households with the industry in some
    // year and any outcome in the given year, but not the industry in that year.
    const pair = await firstRow<{ industry_id: string; year: number; wrong: number }>(
      `select a.industry_id, b.year, count(distinct a.household_id)::int as wrong
         from household_industry a join household_industry b on b.household_id = a.household_id
        group by a.industry_id, b.year
        order by count(distinct a.household_id)
                 - count(distinct a.household_id) filter (where a.year = b.year) desc, 1, 2 limit 1`,
    );
    const right = await sqlCount(
      "select distinct household_id from household_industry where industry_id = $1 and year = $2",
      [pair.industry_id, pair.year],
    );
    // The old answer (two separate EXISTS) would have been `wrong`: the pair is one where it differs.
    expect(pair.wrong).toBeGreaterThan(right);
    expect(await total("households", { industryId: pair.industry_id, industryYear: pair.year })).toBe(right);
    expect(await total("households", { industryId: pair.industry_id })).toBe(
      await sqlCount("select distinct household_id from household_industry where industry_id = $1", [
        pair.industry_id,
      ]),
    );
    expect(await total("households", { industryYear: pair.year })).toBe(
      await sqlCount("select distinct household_id from household_industry where year = $1", [pair.year]),
    );
  });

  it.each([
    ["povertyStatus", "poverty_status"],
    ["attribute", "attribute"],
    ["mainCause", "main_cause"],
    ["registeredYear", "registered_year"],
    ["exitYear", "exit_year"],
    ["householdNumber", "household_number"],
  ])("%s", async (field, column) => {
    const { v } = await firstRow<{ v: unknown }>(
      `select ${column} as v from household where ${column} is not null group by ${column} order by count(*) desc limit 1`,
    );
    const expected = await sqlCount(`select id from household where ${column} = $1`, [v]);
    expect(await total("households", { [field]: v })).toBe(expected);
  });

  it("linkageMode and monitored", async () => {
    const { mode } = await firstRow<{ mode: string }>(
      "select mode from linkage group by mode order by count(*) desc",
    );
    expect(await total("households", { linkageMode: mode })).toBe(
      await sqlCount(
        "select distinct h.id from household h join linkage l on l.household_id = h.id where l.mode = $1",
        [mode],
      ),
    );
    const monitoredNow = await sqlCount(
      "select distinct household_id from monitoring where removed_date is null",
    );
    expect(await total("households", { monitored: true })).toBe(monitoredNow);
    expect(await total("households", { monitored: false })).toBe(
      (await sqlCount("select id from household")) - monitoredNow,
    );
  });
});

describe("households by name (any member's name contains the text)", () => {
  async function households(filter: Record<string, unknown>, key?: string, region = TEST_COUNTY) {
    const res = await g.graphql<{ households: { totalCount: number; nodes: { recordId: string }[] } }>(
      `query($f: HouseholdFilter) { households(regionCode: "${region}", filter: $f, first: 100) { totalCount nodes { recordId } } }`,
      { f: filter },
      key ? { key } : {},
    );
    return res.body;
  }

  /** Ids of households with a member whose name contains `part`, under `region`, by LIKE. */
  async function byLike(part: string, region = TEST_COUNTY): Promise<string[]> {
    const r = await g.db.pool.query<{ id: string }>(
      `select distinct h.id from household h join member m on m.household_id = h.id
        where m.name like '%' || $1 || '%' and h.village_code like $2 || '%' order by h.id`,
      [part, region],
    );
    return r.rows.map((row) => row.id);
  }

  it("a surname, a full name of a member who is not the head, and a name with surrounding space", async () => {
    const { surname } = await firstRow<{ surname: string }>(
      "select left(name, 1) as surname from member group by 1 order by count(*) desc limit 1",
    );
    const withSurname = await byLike(surname);
    expect(withSurname.length).toBeGreaterThan(1);
    const bySurname = await households({ name: surname });
    expect(bySurname.errors).toBeUndefined();
    expect(bySurname.data!.households.totalCount).toBe(withSurname.length);
    expect(bySurname.data!.households.nodes.map((n) => n.recordId)).toEqual(withSurname.slice(0, 100));

    const member = await firstRow<{ name: string; household_id: string }>(
      "select name, household_id from member where relation <> 'head' order by id limit 1",
    );
    const full = await households({ name: `\u3000${member.name} ` });
    expect(full.data!.households.nodes.map((n) => n.recordId)).toContain(member.household_id);
    expect(full.data!.households.nodes.map((n) => n.recordId)).toEqual(await byLike(member.name));
  });

  it("matches `%` and `_` as written, not as LIKE wildcards", async () => {
    expect((await households({ name: "%" })).data!.households.totalCount).toBe(0);
    expect((await households({ name: "_" })).data!.households.totalCount).toBe(0);
  });

  it("is no oracle: a name only outside the caller's township answers as a name that exists nowhere", async () => {
    const towns = await g.db.pool.query<{ code: string }>(
      "select code from region where level = 'township' order by code limit 2",
    );
    const [mine, other] = towns.rows.map((r) => r.code) as [string, string];
    const { name } = await firstRow<{ name: string }>(
      `select m.name from member m join household h on h.id = m.household_id
        where h.village_code like $1 || '%'
          and not exists (select 1 from member m2 join household h2 on h2.id = m2.household_id
                           where h2.village_code like $2 || '%' and strpos(m2.name, m.name) > 0)
        order by m.id limit 1`,
      [other, mine],
    );
    const key = await g.keys.create(mine, ["ledger:read"]);
    const outside = await households({ name }, key, mine);
    const nowhere = await households({ name: "不存在的名字" }, key, mine);
    expect(outside).toEqual(nowhere);
    expect(outside.data!.households.totalCount).toBe(0);
    // The county sees that household; the township key asking for the other township is refused by scope.
    expect((await households({ name })).data!.households.totalCount).toBe((await byLike(name)).length);
    expect((await households({ name }, key, other)).errors?.[0]?.extensions?.code).toBe(
      "REGION_OUT_OF_SCOPE",
    );
  });

  it.each([
    ["empty", ""],
    ["blank", " \u3000 "],
    ["an ID number", "360723199001010011"],
    ["a phone number", "13800001234"],
    ["digits in a name", "张三2"],
    ["full-width digits", "张三２"],
    ["over 50 characters", "张".repeat(51)],
    ["a NUL", "张\u0000"],
  ])("refuses %s before any SQL: BAD_USER_INPUT naming filter.name", async (_what, name) => {
    const body = await households({ name });
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "filter.name" });
    expect(body.data?.households ?? null).toBeNull();
  });
});

describe("year and date filters against independent SQL", () => {
  it("subsidies and technicalServices by year, responsibilities in force on a date", async () => {
    for (const year of [2022, 2023, 2024]) {
      expect(await total("subsidies", { year })).toBe(
        await sqlCount("select id from subsidy where extract(year from date) = $1", [year]),
      );
      expect(await total("technicalServices", { year })).toBe(
        await sqlCount("select id from technical_service where extract(year from date) = $1", [year]),
      );
    }
    for (const on of ["2020-01-01", "2023-06-30", "2024-12-15"]) {
      expect(await total("responsibilities", { inForceOn: on })).toBe(
        await sqlCount(
          "select id from responsibility where valid_from <= $1::date and coalesce(valid_to, 'infinity'::date) >= $1::date",
          [on],
        ),
      );
    }
  });

  it.each([
    ["subsidies", "year", 0],
    ["subsidies", "year", -1],
    ["subsidies", "year", 2_147_483_647],
    ["subsidies", "year", 2025],
    ["technicalServices", "year", 0],
    ["technicalServices", "year", 2025],
    ["responsibilities", "inForceOn", "2025-02-30"],
    ["responsibilities", "inForceOn", "tomorrow"],
    ["households", "householdNumber", "A\u0000"],
  ])("%s(filter: { %s: %j }) is BAD_USER_INPUT naming the argument", async (list, field, value) => {
    const res = await listQuery(list, { [field]: value });
    expect(res.body.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: `filter.${field}`,
    });
  });

  it("a NUL in a record id, a mutation's text or a cursor is BAD_USER_INPUT naming it", async () => {
    const cases = [
      [`mutation { updateMember(id: "m\\u0000", input: { name: "x" }) { recordId } }`, "id"],
      [
        `mutation { addMember(input: { householdId: "h", name: "a\\u0000b", idNumber: "x", relation: child, labourAbility: none }) { recordId } }`,
        "input.name",
      ],
      [`{ households(regionCode: "${TEST_COUNTY}", after: "a\\u0000") { totalCount } }`, "after"],
      [
        `{ households(regionCode: "${TEST_COUNTY}", after: "${Buffer.from("k:\u0000", "utf8").toString("base64url")}") { totalCount } }`,
        "after",
      ],
      [`{ node(id: "bm90LWFuLWlk") { id } }`, "id"],
    ] as const;
    for (const [query, field] of cases) {
      const res = await g.graphql(query);
      expect(res.body.errors?.[0]?.extensions, query).toMatchObject({ code: "BAD_USER_INPUT", field });
    }
  });
});
