import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { householdId, idNumberOf, VILLAGE_A, VILLAGE_B } from "./graphql-fixture.js";
import { dataOf, type GraphqlHarness, startGraphqlHarness } from "./graphql-harness.js";

let h: GraphqlHarness;
beforeAll(async () => {
  h = await startGraphqlHarness();
});
afterAll(async () => {
  await h?.close();
});

const REGISTER = `mutation($input: HouseholdInput!) { registerHousehold(input: $input) { recordId householdNumber village { code } povertyStatus } }`;
const ADD_MEMBER = `mutation($input: MemberInput!) { addMember(input: $input) { recordId name idNumber household { recordId } } }`;

function household(overrides: Record<string, unknown> = {}) {
  return {
    householdNumber: "NEW-0001",
    villageCode: VILLAGE_A,
    attribute: "ordinary",
    mainCause: "illness",
    povertyStatus: "in_poverty",
    registeredYear: 2024,
    phone: "13800000000",
    ...overrides,
  };
}

/** Rows of the ledger and audit log, to prove a failed mutation wrote nothing. */
async function counts(): Promise<Record<string, number>> {
  const res = await h.pool.query<Record<string, number>>(
    `select (select count(*)::int from household) as household, (select count(*)::int from member) as member,
            (select count(*)::int from linkage_year) as linkage_year, (select count(*)::int from subsidy) as subsidy,
            (select count(*)::int from technical_service) as service, (select count(*)::int from fund_use) as fund_use,
            (select count(*)::int from rectification) as rectification, (select count(*)::int from audit_log) as audit`,
  );
  return res.rows[0] ?? {};
}

async function expectNothingWritten(run: () => Promise<unknown>): Promise<void> {
  const before = await counts();
  const project = await h.pool.query("select stages, version from project order by id");
  await run();
  expect(await counts()).toEqual(before);
  expect((await h.pool.query("select stages, version from project order by id")).rows).toEqual(project.rows);
}

describe("households and members", () => {
  it("registers a household and audits it with its after image", async () => {
    const res = await h.gql("townAWrite", REGISTER, { input: household({ id: "h-new-1" }) });
    expect(res.body.errors).toBeUndefined();
    expect(dataOf(res, "registerHousehold")).toEqual({
      recordId: "h-new-1",
      householdNumber: "NEW-0001",
      village: { code: VILLAGE_A },
      povertyStatus: "in_poverty",
    });
    const audit = await h.pool.query<{
      action: string;
      after: { householdNumber: string };
      county_code: string;
    }>(
      "select action, after, county_code from audit_log where entity_type = 'household' and entity_id = 'h-new-1'",
    );
    expect(audit.rows).toEqual([
      {
        action: "create",
        after: expect.objectContaining({ householdNumber: "NEW-0001" }),
        county_code: "360723",
      },
    ]);
  });

  it("refuses invalid input with BAD_USER_INPUT naming the field, writing nothing", async () => {
    await expectNothingWritten(async () => {
      const res = await h.gql("townAWrite", REGISTER, {
        input: household({ householdNumber: "X2", povertyStatus: "exited" }),
      });
      const error = res.body.errors?.[0];
      expect(error?.extensions?.code).toBe("BAD_USER_INPUT");
      expect(error?.extensions?.field).toBe("input.householdNumber");
      expect((error?.extensions?.issues as { path: string }[]).map((i) => i.path).sort()).toEqual([
        "input.exitYear",
        "input.householdNumber",
      ]);
    });
  });

  it("refuses a village of another township with REGION_OUT_OF_SCOPE, writing nothing", async () => {
    await expectNothingWritten(async () => {
      const res = await h.gql("townAWrite", REGISTER, {
        input: household({ householdNumber: "NEW-0002", villageCode: VILLAGE_B }),
      });
      expect(res.body.errors?.[0]?.extensions?.code).toBe("REGION_OUT_OF_SCOPE");
    });
  });

  it("refuses a duplicate household number with a typed error", async () => {
    await expectNothingWritten(async () => {
      const res = await h.gql("townAWrite", REGISTER, { input: household({ householdNumber: "NEW-0001" }) });
      expect(res.body.errors?.[0]?.extensions?.code).toBe("HOUSEHOLD.DUPLICATE_NUMBER");
    });
  });

  it("refuses writes without ledger:write", async () => {
    await expectNothingWritten(async () => {
      const res = await h.gql("townA", REGISTER, { input: household({ householdNumber: "NEW-0003" }) });
      expect(res.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    });
  });

  it("adds a member, and refuses a person already in a household with MEMBER.DUPLICATE_ID_NUMBER", async () => {
    const ok = await h.gql("townAWrite", ADD_MEMBER, {
      input: {
        householdId: "h-new-1",
        name: "新户主",
        idNumber: idNumberOf(900),
        relation: "head",
        labourAbility: "ordinary",
      },
    });
    expect(ok.body.errors).toBeUndefined();
    expect(dataOf<{ idNumber: string }>(ok, "addMember").idNumber).toMatch(/^360723\*{8}/);
    await expectNothingWritten(async () => {
      // Person 241 is a member of township B's first household: the check spans the whole register.
      const dup = await h.gql("townAWrite", ADD_MEMBER, {
        input: {
          householdId: "h-new-1",
          name: "重复",
          idNumber: idNumberOf(241),
          relation: "spouse",
          labourAbility: "ordinary",
        },
      });
      expect(dup.body.errors?.[0]?.extensions?.code).toBe("MEMBER.DUPLICATE_ID_NUMBER");
    });
    await expectNothingWritten(async () => {
      const bad = await h.gql("townAWrite", ADD_MEMBER, {
        input: {
          householdId: "h-new-1",
          name: "校验",
          idNumber: "360723198001010000",
          relation: "child",
          labourAbility: "none",
        },
      });
      expect(bad.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
      expect(bad.body.errors?.[0]?.extensions?.field).toBe("input.idNumber");
    });
  });

  it("refuses adding a member to another township's household", async () => {
    await expectNothingWritten(async () => {
      const res = await h.gql("townAWrite", ADD_MEMBER, {
        input: {
          householdId: householdId("B", 1),
          name: "外镇",
          idNumber: idNumberOf(901),
          relation: "child",
          labourAbility: "none",
        },
      });
      expect(res.body.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    });
  });

  it("updates a household with before and after in the audit log", async () => {
    const res = await h.gql(
      "townAWrite",
      `mutation { updateHousehold(id: "h-new-1", input: { povertyStatus: exited, exitYear: 2025 }) { povertyStatus exitYear } }`,
    );
    expect(res.body.errors).toBeUndefined();
    expect(dataOf(res, "updateHousehold")).toEqual({ povertyStatus: "exited", exitYear: 2025 });
    const audit = await h.pool.query<{ before: { povertyStatus: string }; after: { povertyStatus: string } }>(
      "select before, after from audit_log where entity_id = 'h-new-1' and action = 'update'",
    );
    expect(audit.rows.map((r) => [r.before.povertyStatus, r.after.povertyStatus])).toEqual([
      ["in_poverty", "exited"],
    ]);
  });
});
