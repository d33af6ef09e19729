import { idNumberCheckDigit } from "@fupin/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { householdId, idNumberOf, TOWN_A, VILLAGE_A, VILLAGE_B } from "./graphql-fixture.js";
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

async function expectNothingWritten(run: () => Promise<unknown>, refusalsAudited = 0): Promise<void> {
  const before = await counts();
  const project = await h.pool.query("select stages, version from project order by id");
  await run();
  expect(await counts()).toEqual({ ...before, audit: (before.audit ?? 0) + refusalsAudited });
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
      expect(((error?.extensions?.issues ?? []) as { path: string }[]).map((i) => i.path).sort()).toEqual([
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

  it("refuses a duplicate household number with a typed error (CONFLICT without personal:read), audited", async () => {
    await expectNothingWritten(async () => {
      const res = await h.gql("county", REGISTER, { input: household({ householdNumber: "NEW-0001" }) });
      expect(res.body.errors?.[0]?.extensions?.code).toBe("HOUSEHOLD.DUPLICATE_NUMBER");
      const hidden = await h.gql("townAWrite", REGISTER, {
        input: household({ householdNumber: "NEW-0001" }),
      });
      expect(hidden.body.errors?.[0]?.extensions).toEqual({ code: "CONFLICT" });
    }, 2);
  });

  it("refuses an id already taken with LEDGER.DUPLICATE_ID (CONFLICT without personal:read)", async () => {
    await expectNothingWritten(async () => {
      const input = household({ id: householdId("B", 1), householdNumber: "NEW-0009" });
      const res = await h.gql("county", REGISTER, { input });
      expect(res.body.errors?.[0]?.extensions?.code).toBe("LEDGER.DUPLICATE_ID");
      // The id belongs to township B: township A's key must not learn that it exists.
      const hidden = await h.gql("townAWrite", REGISTER, { input });
      expect(hidden.body.errors?.[0]?.extensions).toEqual({ code: "CONFLICT" });
    }, 2);
  });

  it("lets only one of two concurrent additions of the same person succeed", async () => {
    const input = (id: string) => ({
      input: {
        id,
        householdId: "h-new-1",
        name: "并发",
        idNumber: idNumberOf(960),
        relation: "child",
        labourAbility: "none",
      },
    });
    const results = await Promise.all([
      h.gql("townAWrite", ADD_MEMBER, input("m-race-1")),
      h.gql("townAWrite", ADD_MEMBER, input("m-race-2")),
    ]);
    const codes = results.map((r) => r.body.errors?.[0]?.extensions?.code ?? "ok").sort();
    expect(codes).toEqual(["CONFLICT", "ok"]);
    const rows = await h.pool.query("select id from member where id_number = $1", [idNumberOf(960)]);
    expect(rows.rows).toHaveLength(1);
  });

  it("refuses writes without ledger:write", async () => {
    await expectNothingWritten(async () => {
      const res = await h.gql("townA", REGISTER, { input: household({ householdNumber: "NEW-0003" }) });
      expect(res.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    });
  });

  it("adds a member, and refuses a person already in a household (CONFLICT without personal:read)", async () => {
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
    expect(dataOf<{ idNumber: string }>(ok, "addMember").idNumber).toBe(
      `360723${"*".repeat(11)}${idNumberOf(900).at(-1)}`,
    );
    const duplicate = {
      input: {
        householdId: "h-new-1",
        name: "重复",
        idNumber: idNumberOf(241),
        relation: "spouse",
        labourAbility: "ordinary",
      },
    };
    await expectNothingWritten(async () => {
      // Person 241 is a member of township B's first household: the check spans the whole register.
      const dup = await h.gql("townAWrite", ADD_MEMBER, duplicate);
      expect(dup.body.errors?.[0]?.extensions).toEqual({ code: "CONFLICT" });
      const seen = await h.gql("county", ADD_MEMBER, duplicate);
      expect(seen.body.errors?.[0]?.extensions?.code).toBe("LEDGER.DUPLICATE_ID_NUMBER");
    }, 2);
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

  it("refuses a person born after today by the gateway's clock (2099) and a preschool member of 55", async () => {
    const born = (date: string, seq: string) => {
      const first = `360723${date}${seq}`;
      return first + idNumberCheckDigit(first);
    };
    const cases = [
      [{ idNumber: "360723209901010110" }, "input.idNumber", "ID_NUMBER.BIRTH_DATE"],
      [{ idNumber: born("20241216", "013") }, "input.idNumber", "ID_NUMBER.BIRTH_DATE"],
      [{ idNumber: born("19691201", "013"), schoolStatus: "preschool" }, "input.schoolStatus", undefined],
    ] as const;
    for (const [patch, field, code] of cases) {
      await expectNothingWritten(async () => {
        const res = await h.gql("townAWrite", ADD_MEMBER, {
          input: { householdId: "h-new-1", name: "未来", relation: "child", labourAbility: "none", ...patch },
        });
        expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
        const issues = (res.body.errors?.[0]?.extensions?.issues ?? []) as { code?: string }[];
        expect(issues[0]?.code).toBe(code);
      });
    }
    const today = await h.gql("townAWrite", ADD_MEMBER, {
      input: {
        householdId: "h-new-1",
        name: "新生",
        idNumber: born("20241215", "013"),
        relation: "child",
        labourAbility: "none",
        schoolStatus: "preschool",
      },
    });
    expect(today.body.errors).toBeUndefined();
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

  it("refuses moving a household to a village of another county with LEDGER.WRONG_COUNTY", async () => {
    await expectNothingWritten(async () => {
      const res = await h.gql(
        "province",
        `mutation { updateHousehold(id: "h-new-1", input: { villageCode: "360724100201" }) { villageCode } }`,
      );
      expect(res.body.errors?.[0]?.extensions?.code).toBe("LEDGER.WRONG_COUNTY");
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

describe("moving a household", () => {
  it("moves its members and records with it: the old township no longer sees them, the new one does", async () => {
    const reg = await h.gql("county", REGISTER, {
      input: household({ id: "h-move", householdNumber: "MOVE-0001" }),
    });
    expect(reg.body.errors).toBeUndefined();
    const add = await h.gql("county", ADD_MEMBER, {
      input: {
        id: "m-move",
        householdId: "h-move",
        name: "搬迁",
        idNumber: idNumberOf(950),
        relation: "head",
        labourAbility: "ordinary",
      },
    });
    expect(add.body.errors).toBeUndefined();
    const moved = await h.gql(
      "county",
      `mutation { updateHousehold(id: "h-move", input: { villageCode: "${VILLAGE_B}" }) { village { code } } }`,
    );
    expect(dataOf(moved, "updateHousehold")).toEqual({ village: { code: VILLAGE_B } });
    const node = `{ node(id: "${Buffer.from("Member:m-move").toString("base64")}") { ... on Member { recordId } } }`;
    expect((await h.gql("townA", node)).body.data?.node).toBeNull();
    expect((await h.gql("townB", node)).body.data?.node).toEqual({ recordId: "m-move" });
  });
});

describe("linkages, support, funds, projects and rectifications", () => {
  it("records a linkage and its yearly benefit, replacing the year's record", async () => {
    const linkage = await h.gql(
      "townAWrite",
      `mutation { recordLinkage(input: { id: "lk-new", entityId: "ent-A", householdId: "h-new-1", mode: employment, startYear: 2024 }) { recordId entity { name } household { recordId } } }`,
    );
    expect(linkage.body.errors).toBeUndefined();
    expect(dataOf(linkage, "recordLinkage")).toEqual({
      recordId: "lk-new",
      entity: { name: "合作社A" },
      household: { recordId: "h-new-1" },
    });
    const YEAR = `mutation($input: LinkageYearInput!) { recordLinkageYear(input: $input) { recordId year tookPart receivedFen benefitKind } }`;
    const first = await h.gql("townAWrite", YEAR, {
      input: { linkageId: "lk-new", year: 2024, tookPart: true, receivedFen: 120000, benefitKind: "wage" },
    });
    expect(first.body.errors).toBeUndefined();
    const again = await h.gql("townAWrite", YEAR, {
      input: { linkageId: "lk-new", year: 2024, tookPart: true, receivedFen: 150000, benefitKind: "wage" },
    });
    expect(dataOf<{ recordId: string }>(again, "recordLinkageYear").recordId).toBe(
      dataOf<{ recordId: string }>(first, "recordLinkageYear").recordId,
    );
    const rows = await h.pool.query("select received_fen from linkage_year where linkage_id = 'lk-new'");
    expect(rows.rows).toEqual([{ received_fen: 150000 }]);
    const dated = await h.gql(
      "townAWrite",
      `mutation { recordLinkage(input: { id: "lk-dated", entityId: "ent-A", householdId: "h-new-1", mode: equity_dividend, startYear: 2024, signedDate: "2024-03-05" }) { signedDate endDate } }`,
    );
    expect(dataOf(dated, "recordLinkage")).toEqual({ signedDate: "2024-03-05", endDate: null });
    const basis = await h.gql(
      "townAWrite",
      `mutation($input: LinkageYearInput!) { recordLinkageYear(input: $input) { investedFen monthsWorked areaMu paymentDates } }`,
      {
        input: {
          linkageId: "lk-dated",
          year: 2024,
          tookPart: true,
          receivedFen: 40000,
          benefitKind: "dividend",
          investedFen: 500000,
          paymentDates: ["2024-06-30", "2024-12-20"],
        },
      },
    );
    expect(dataOf(basis, "recordLinkageYear")).toEqual({
      investedFen: 500000,
      monthsWorked: null,
      areaMu: null,
      paymentDates: ["2024-06-30", "2024-12-20"],
    });
    const read = await h.gql(
      "townA",
      `{ linkages(regionCode: "${VILLAGE_A}", filter: { entityId: "ent-A", mode: equity_dividend }) { nodes { recordId signedDate years { investedFen paymentDates } } } }`,
    );
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data?.linkages).toEqual({
      nodes: [
        {
          recordId: "lk-dated",
          signedDate: "2024-03-05",
          years: [{ investedFen: 500000, paymentDates: ["2024-06-30", "2024-12-20"] }],
        },
      ],
    });
    const late = await h.gql(
      "townAWrite",
      `mutation { recordLinkage(input: { entityId: "ent-A", householdId: "h-new-1", mode: employment, startYear: 2024, signedDate: "2025-01-02" }) { recordId } }`,
    );
    expect(late.body.errors?.[0]?.extensions?.field).toBe("input.signedDate");
    await expectNothingWritten(async () => {
      const bad = await h.gql("townAWrite", YEAR, {
        input: { linkageId: "lk-new", year: 2025, tookPart: false, receivedFen: 100 },
      });
      expect(bad.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
      expect(bad.body.errors?.[0]?.extensions?.field).toBe("input.receivedFen");
      const early = await h.gql("townAWrite", YEAR, {
        input: { linkageId: "lk-new", year: 2023, tookPart: true, receivedFen: 0 },
      });
      expect(early.body.errors?.[0]?.extensions?.code).toBe("LEDGER.LINKAGE_YEAR_OUT_OF_RANGE");
      const foreign = await h.gql("townAWrite", YEAR, {
        input: { linkageId: "lk-B", year: 2024, tookPart: true, receivedFen: 0 },
      });
      expect(foreign.body.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    });
  });

  it("records a household's credit placed with an entity and what came back; refuses what is malformed", async () => {
    const CREDIT = `mutation($input: HouseholdCreditInput!) { recordHouseholdCredit(input: $input) { recordId entityId lender } }`;
    const input = {
      id: "cr-new",
      householdId: "h-new-1",
      kind: "household_fund",
      amountFen: 2_000_000,
      entityId: "ent-B",
      placedDate: "2024-02-01",
    };
    const placed = await h.gql("townAWrite", CREDIT, { input });
    expect(dataOf(placed, "recordHouseholdCredit")).toEqual({
      recordId: "cr-new",
      entityId: "ent-B",
      lender: "",
    });
    const RETURN = `mutation($input: CreditReturnInput!) { recordCreditReturn(input: $input) { recordId credit { recordId } } }`;
    const paid = await h.gql("townAWrite", RETURN, {
      input: { id: "crr-new", creditId: "cr-new", date: "2025-01-10", kind: "dividend", amountFen: 160_000 },
    });
    expect(dataOf(paid, "recordCreditReturn")).toEqual({
      recordId: "crr-new",
      credit: { recordId: "cr-new" },
    });
    const read = await h.gql(
      "townA",
      `{ householdCredits(regionCode: "${VILLAGE_A}", filter: { householdId: "h-new-1" }) { nodes { recordId kind placedDate returns { date amountFen } } } }`,
    );
    expect(read.body.data?.householdCredits).toEqual({
      nodes: [
        {
          recordId: "cr-new",
          kind: "household_fund",
          placedDate: "2024-02-01",
          returns: [{ date: "2025-01-10", amountFen: 160_000 }],
        },
      ],
    });
    await expectNothingWritten(async () => {
      const early = await h.gql("townAWrite", CREDIT, {
        input: { ...input, id: "cr-bad", dueDate: "2024-01-31" },
      });
      expect(early.body.errors?.[0]?.extensions?.field).toBe("input.dueDate");
      const unknown = await h.gql("townAWrite", CREDIT, {
        input: { ...input, id: "cr-bad", entityId: "ent-none" },
      });
      expect(unknown.body.errors?.[0]?.extensions?.code).toBe("LEDGER.UNKNOWN_REFERENCE");
      const foreign = await h.gql("townAWrite", RETURN, {
        input: { creditId: "cr-B", date: "2025-01-10", kind: "dividend", amountFen: 1 },
      });
      expect(foreign.body.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
      const zero = await h.gql("townAWrite", RETURN, {
        input: { creditId: "cr-new", date: "2025-01-10", kind: "repayment", amountFen: 0 },
      });
      expect(zero.body.errors?.[0]?.extensions?.field).toBe("input.amountFen");
    });
  });

  it("records a disbursement to a project before its approval (found, not refused); refuses another township's fund", async () => {
    const PAY = `mutation($input: FundDisbursementInput!) { recordFundDisbursement(input: $input) { recordId date project { recordId } fund { recordId } } }`;
    const paid = await h.gql("townAWrite", PAY, {
      input: { id: "dis-new", fundId: "fund-A", projectId: "prj-A", date: "2024-01-20", amountFen: 500_000 },
    });
    expect(dataOf(paid, "recordFundDisbursement")).toEqual({
      recordId: "dis-new",
      date: "2024-01-20",
      project: { recordId: "prj-A" },
      fund: { recordId: "fund-A" },
    });
    const read = await h.gql(
      "townA",
      `{ projects(regionCode: "${TOWN_A}", filter: { year: 2024 }) { nodes { recordId disbursements { recordId amountFen } } } }`,
    );
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data?.projects).toEqual({
      nodes: [
        {
          recordId: "prj-A",
          disbursements: [
            { recordId: "dis-A", amountFen: 1_000_000 },
            { recordId: "dis-new", amountFen: 500_000 },
          ],
        },
      ],
    });
    await expectNothingWritten(async () => {
      const foreign = await h.gql("townAWrite", PAY, {
        input: { fundId: "fund-B", date: "2024-01-20", amountFen: 1 },
      });
      expect(foreign.body.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
      const bad = await h.gql("townAWrite", PAY, {
        input: { fundId: "fund-A", date: "2024-02-30", amountFen: 1 },
      });
      expect(bad.body.errors?.[0]?.extensions?.field).toBe("input.date");
    });
  });

  it("records a village's responsible person (村级主体责任) filed under the village; refuses another township's village", async () => {
    const RESP = `mutation($input: ResponsibilityInput!) { recordResponsibility(input: $input) { recordId kind villageCode village { code } } }`;
    const input = {
      id: "resp-v-new",
      kind: "village_responsible_person",
      personName: "村书记",
      townshipCode: TOWN_A,
      villageCode: VILLAGE_A,
      validFrom: "2024-03-01",
    };
    const ok = await h.gql("townAWrite", RESP, { input });
    expect(dataOf(ok, "recordResponsibility")).toEqual({
      recordId: "resp-v-new",
      kind: "village_responsible_person",
      villageCode: VILLAGE_A,
      village: { code: VILLAGE_A },
    });
    const rows = await h.pool.query("select region_code from responsibility where id = 'resp-v-new'");
    expect(rows.rows).toEqual([{ region_code: VILLAGE_A }]);
    await expectNothingWritten(async () => {
      const foreign = await h.gql("townAWrite", RESP, {
        input: { ...input, id: "resp-v-bad", townshipCode: "360723101", villageCode: VILLAGE_B },
      });
      expect(foreign.body.errors?.[0]?.extensions?.code).toBe("REGION_OUT_OF_SCOPE");
      const mixed = await h.gql("townAWrite", RESP, {
        input: { ...input, id: "resp-v-bad", villageCode: VILLAGE_B },
      });
      expect(mixed.body.errors?.[0]?.extensions?.field).toBe("input.villageCode");
    });
  });

  it("records a subsidy; refuses an unknown fund and another township's household", async () => {
    const SUBSIDY = `mutation($input: SubsidyInput!) { recordSubsidy(input: $input) { recordId amountFen fund { recordId } } }`;
    const ok = await h.gql("townAWrite", SUBSIDY, {
      input: {
        householdId: "h-new-1",
        date: "2024-07-01",
        kind: "award",
        amountFen: 50000,
        fundId: "fund-A",
      },
    });
    expect(ok.body.errors).toBeUndefined();
    expect(dataOf<{ fund: unknown }>(ok, "recordSubsidy").fund).toEqual({ recordId: "fund-A" });
    await expectNothingWritten(async () => {
      const unknownFund = await h.gql("townAWrite", SUBSIDY, {
        input: { householdId: "h-new-1", date: "2024-07-01", kind: "award", amountFen: 1, fundId: "nope" },
      });
      expect(unknownFund.body.errors?.[0]?.extensions?.code).toBe("LEDGER.UNKNOWN_REFERENCE");
      const foreign = await h.gql("townAWrite", SUBSIDY, {
        input: { householdId: householdId("B", 1), date: "2024-07-01", kind: "award", amountFen: 1 },
      });
      expect(foreign.body.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
      const zero = await h.gql("townAWrite", SUBSIDY, {
        input: { householdId: "h-new-1", date: "2024-02-30", kind: "award", amountFen: 0 },
      });
      expect(zero.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
      expect(
        ((zero.body.errors?.[0]?.extensions?.issues ?? []) as { path: string }[]).map((i) => i.path).sort(),
      ).toEqual(["input.amountFen", "input.date"]);
    });
  });

  it("records a service visit only for households inside the caller's scope", async () => {
    const VISIT = `mutation($input: ServiceVisitInput!) { recordServiceVisit(input: $input) { recordId households { recordId } } }`;
    const ok = await h.gql("townAWrite", VISIT, {
      input: { date: "2024-08-01", regionCode: VILLAGE_A, householdIds: ["h-new-1"], content: "剪枝" },
    });
    expect(ok.body.errors).toBeUndefined();
    expect(dataOf<{ households: unknown[] }>(ok, "recordServiceVisit").households).toEqual([
      { recordId: "h-new-1" },
    ]);
    await expectNothingWritten(async () => {
      const foreign = await h.gql("townAWrite", VISIT, {
        input: {
          date: "2024-08-01",
          regionCode: VILLAGE_A,
          householdIds: ["h-new-1", householdId("B", 1)],
          content: "剪枝",
        },
      });
      expect(foreign.body.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
      const region = await h.gql("townAWrite", VISIT, {
        input: { date: "2024-08-01", regionCode: VILLAGE_B, content: "剪枝" },
      });
      expect(region.body.errors?.[0]?.extensions?.code).toBe("REGION_OUT_OF_SCOPE");
    });
  });

  it("records a fund use, one beyond the allocation too (the findings judge it), and refuses a fund out of scope", async () => {
    const USE = `mutation($input: FundUseInput!) { recordFundUse(input: $input) { recordId category project { recordId } } }`;
    const ok = await h.gql("townAWrite", USE, {
      input: { fundId: "fund-A", year: 2024, category: "industry", amountFen: 1000000, projectId: "prj-A" },
    });
    expect(ok.body.errors).toBeUndefined();
    const over = await h.gql("townAWrite", USE, {
      input: { fundId: "fund-A", year: 2024, category: "industry", amountFen: 9000000 },
    });
    expect(over.body.errors).toBeUndefined();
    await expectNothingWritten(async () => {
      const county = await h.gql("townAWrite", USE, {
        input: { fundId: "fund-county", year: 2024, category: "industry", amountFen: 1 },
      });
      expect(county.body.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    });
  });

  it("advances a project's stage in order only", async () => {
    const STAGE = `mutation($input: ProjectStageChangeInput!) { advanceProjectStage(input: $input) { currentStage stages { stage date } } }`;
    const ok = await h.gql("townAWrite", STAGE, {
      input: { projectId: "prj-A", stage: "review", date: "2024-02-01" },
    });
    expect(ok.body.errors).toBeUndefined();
    expect(dataOf<{ currentStage: string }>(ok, "advanceProjectStage").currentStage).toBe("review");
    await expectNothingWritten(async () => {
      const back = await h.gql("townAWrite", STAGE, {
        input: { projectId: "prj-A", stage: "application", date: "2024-03-01" },
      });
      expect(back.body.errors?.[0]?.extensions?.code).toBe("PROJECT.STAGE_ORDER");
      const badDate = await h.gql("townAWrite", STAGE, {
        input: { projectId: "prj-A", stage: "appraisal", date: "2024-13-01" },
      });
      expect(badDate.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
      expect(badDate.body.errors?.[0]?.extensions?.field).toBe("input.date");
    });
  });

  it("opens, plans and closes a rectification, refusing to close with milestones pending", async () => {
    const open = await h.gql(
      "townAWrite",
      `mutation { openRectification(input: { id: "rect-new", townshipCode: "360723100", problem: "联结不实", source: finding, findingCode: "LINKAGE.FAKE", foundDate: "2024-09-01", responsiblePerson: "张三", deadline: "2024-10-01" }) { status } }`,
    );
    expect(dataOf(open, "openRectification")).toEqual({ status: "open" });
    await expectNothingWritten(async () => {
      const noPlan = await h.gql(
        "townAWrite",
        `mutation { closeRectification(id: "rect-new", date: "2024-09-20") { status } }`,
      );
      expect(noPlan.body.errors?.[0]?.extensions?.code).toBe("RECTIFICATION.NO_PLAN");
    });
    const PLAN = `mutation($plan: RectificationPlanInput!) { planRectification(id: "rect-new", plan: $plan) { status plan { roadmap milestones { title doneDate } } } }`;
    const planned = await h.gql("townAWrite", PLAN, {
      plan: { roadmap: "逐户核实", milestones: [{ id: "ms1", title: "核实", due: "2024-09-15" }] },
    });
    expect(dataOf<{ status: string }>(planned, "planRectification").status).toBe("planned");
    await expectNothingWritten(async () => {
      const pending = await h.gql(
        "townAWrite",
        `mutation { closeRectification(id: "rect-new", date: "2024-09-20") { status } }`,
      );
      expect(pending.body.errors?.[0]?.extensions?.code).toBe("RECTIFICATION.MILESTONES_PENDING");
      const emptyPlan = await h.gql("townAWrite", PLAN, { plan: { roadmap: "", milestones: [] } });
      expect(emptyPlan.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
      expect(emptyPlan.body.errors?.[0]?.extensions?.field).toMatch(/^plan\./);
    });
    await h.gql("townAWrite", PLAN, {
      plan: {
        roadmap: "逐户核实",
        milestones: [{ id: "ms1", title: "核实", due: "2024-09-15", doneDate: "2024-09-14" }],
      },
    });
    const closed = await h.gql(
      "townAWrite",
      `mutation { closeRectification(id: "rect-new", date: "2024-09-20") { status closedDate } }`,
    );
    expect(dataOf(closed, "closeRectification")).toEqual({ status: "closed", closedDate: "2024-09-20" });
    const audit = await h.pool.query(
      "select action from audit_log where entity_id = 'rect-new' order by seq",
    );
    expect(audit.rows.map((r) => r.action)).toEqual(["create", "update", "update", "update"]);
  });

  it("names the date argument of closeRectification, before the status checks; refuses 10,000 milestones with a short message", async () => {
    await h.gql(
      "townAWrite",
      `mutation { openRectification(input: { id: "rect-bounds", townshipCode: "360723100", problem: "联结不实", source: check, foundDate: "2024-09-01", responsiblePerson: "张三", deadline: "2024-10-01" }) { status } }`,
    );
    await expectNothingWritten(async () => {
      for (const id of ["rect-new", "rect-bounds"]) {
        const res = await h.gql(
          "townAWrite",
          `mutation { closeRectification(id: "${id}", date: "2024-02-30") { status } }`,
        );
        expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "date" });
        expect(res.body.errors?.[0]?.message).toBe(
          "invalid input: date: must be a real date in the form YYYY-MM-DD",
        );
      }
      const many = Array.from({ length: 10_000 }, (_, i) => ({ title: `第${i}步`, due: "2024-09-15" }));
      const res = await h.gql(
        "townAWrite",
        `mutation($plan: RectificationPlanInput!) { planRectification(id: "rect-bounds", plan: $plan) { status } }`,
        { plan: { roadmap: "逐户核实", milestones: many } },
      );
      expect(res.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
      expect(res.body.errors?.[0]?.message).toMatch(/at most 50 milestones/);
      expect(res.body.errors?.[0]?.message.length).toBeLessThan(500);
    });
  });

  it("refuses opening a rectification in another township", async () => {
    await expectNothingWritten(async () => {
      const res = await h.gql(
        "townAWrite",
        `mutation { openRectification(input: { townshipCode: "360723101", problem: "x", source: check, foundDate: "2024-09-01", responsiblePerson: "李四", deadline: "2024-10-01" }) { status } }`,
      );
      expect(res.body.errors?.[0]?.extensions?.code).toBe("REGION_OUT_OF_SCOPE");
    });
  });
});
