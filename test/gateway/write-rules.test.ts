import {
  createCreditReturn,
  createHousehold,
  createLinkageYear,
  createMember,
  createResponsibility,
  createSubsidy,
  type DomainError,
  type LedgerData,
  type Result,
  validateLedger,
} from "@fupin/domain";
import { LEDGER_TABLES } from "@fupin/gateway";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COUNTY, householdId, idNumberOf, VILLAGE_A } from "./graphql-fixture.js";
import { type GraphqlHarness, type HarnessKey, startGraphqlHarness } from "./graphql-harness.js";

// Every rule the write path enforces, sent once through GraphQL and once, as the same record added to
// the stored ledger, through the domain's validateLedger: both must answer with the same code.

let h: GraphqlHarness;
beforeAll(async () => {
  h = await startGraphqlHarness();
});
afterAll(async () => {
  await h?.close();
});

/** The whole stored ledger, read with the tables' column maps. */
async function storedLedger(): Promise<LedgerData> {
  const data: Record<string, unknown> = { countyCode: COUNTY };
  for (const [kind, table] of Object.entries(LEDGER_TABLES)) {
    data[kind] = (
      await h.pool.query(`select ${table.select} from ${table.table} order by ${table.key}`)
    ).rows;
  }
  return data as unknown as LedgerData;
}

function unwrap<T>(r: Result<T, DomainError>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

/** The codes validateLedger finds after `change`, and not before it. */
async function domainCodes(change: (ledger: LedgerData) => LedgerData): Promise<string[]> {
  const ledger = await storedLedger();
  const key = (v: { code: string; recordIds: readonly string[] }) => `${v.code}:${v.recordIds.join(",")}`;
  const before = new Set(validateLedger(ledger).map(key));
  return [
    ...new Set(
      validateLedger(change(ledger))
        .filter((v) => !before.has(key(v)))
        .map((v) => v.code),
    ),
  ];
}

interface RuleCase {
  readonly code: string;
  readonly who: HarnessKey;
  readonly mutation: string;
  readonly input: Record<string, unknown>;
  readonly change: (ledger: LedgerData, input: Record<string, unknown>) => LedgerData;
}

const ADD_MEMBER = `mutation($input: MemberInput!) { addMember(input: $input) { recordId } }`;
const MEMBER = {
  householdId: householdId("A", 1),
  name: "规则",
  ethnicity: "汉族",
  labourAbility: "ordinary",
};
const addMember = (l: LedgerData, input: Record<string, unknown>): LedgerData => ({
  ...l,
  members: [...l.members, unwrap(createMember(input, "2024-12-15"))],
});

const RESPONSIBILITY = `mutation($input: ResponsibilityInput!) { recordResponsibility(input: $input) { recordId } }`;
const addResponsibility = (l: LedgerData, input: Record<string, unknown>): LedgerData => ({
  ...l,
  responsibilities: [...l.responsibilities, unwrap(createResponsibility(input))],
});

const CASES: readonly RuleCase[] = [
  {
    code: "LEDGER.HOUSEHOLD_HEAD",
    who: "townAWrite",
    mutation: ADD_MEMBER,
    input: { ...MEMBER, id: "m-rule-head", idNumber: idNumberOf(900), relation: "head" },
    change: addMember,
  },
  {
    code: "LEDGER.DUPLICATE_ID_NUMBER",
    who: "county",
    mutation: ADD_MEMBER,
    input: { ...MEMBER, id: "m-rule-person", idNumber: idNumberOf(1), relation: "child" },
    change: addMember,
  },
  {
    code: "LEDGER.LINKAGE_YEAR_OUT_OF_RANGE",
    who: "townAWrite",
    mutation: `mutation($input: LinkageYearInput!) { recordLinkageYear(input: $input) { recordId } }`,
    input: { id: "ly-rule", linkageId: "lk-A", year: 2020, tookPart: true, receivedFen: 0 },
    change: (l, input) => ({ ...l, linkageYears: [...l.linkageYears, unwrap(createLinkageYear(input))] }),
  },
  {
    code: "LEDGER.CREDIT_RETURN_BEFORE_PLACEMENT",
    who: "townAWrite",
    mutation: `mutation($input: CreditReturnInput!) { recordCreditReturn(input: $input) { recordId } }`,
    input: { id: "crr-rule", creditId: "cr-A", date: "2023-03-31", kind: "dividend", amountFen: 100 },
    change: (l, input) => ({ ...l, creditReturns: [...l.creditReturns, unwrap(createCreditReturn(input))] }),
  },
  {
    code: "LEDGER.UNKNOWN_VILLAGE",
    who: "townAWrite",
    mutation: RESPONSIBILITY,
    input: {
      id: "resp-rule-village",
      kind: "village_responsible_person",
      personName: "规则",
      townshipCode: "360723100",
      villageCode: "360723100299",
      validFrom: "2024-01-01",
    },
    change: addResponsibility,
  },
  {
    code: "LEDGER.WRONG_TOWNSHIP",
    who: "county",
    mutation: RESPONSIBILITY,
    input: {
      id: "resp-rule-township",
      kind: "household_helper",
      personName: "规则",
      townshipCode: "360723101",
      householdId: householdId("A", 2),
      validFrom: "2024-01-01",
    },
    change: addResponsibility,
  },
  {
    code: "LEDGER.UNKNOWN_REFERENCE",
    who: "townAWrite",
    mutation: `mutation($input: SubsidyInput!) { recordSubsidy(input: $input) { recordId } }`,
    input: {
      id: "sub-rule",
      householdId: householdId("A", 1),
      date: "2024-06-01",
      kind: "subsidy",
      amountFen: 100,
      industryId: "ind-none",
    },
    change: (l, input) => ({ ...l, subsidies: [...l.subsidies, unwrap(createSubsidy(input))] }),
  },
  {
    code: "LEDGER.DUPLICATE_ID",
    who: "county",
    mutation: `mutation($input: HouseholdInput!) { registerHousehold(input: $input) { recordId } }`,
    input: {
      id: householdId("A", 1),
      householdNumber: "RULE-0001",
      villageCode: VILLAGE_A,
      attribute: "ordinary",
      mainCause: "illness",
      povertyStatus: "in_poverty",
      registeredYear: 2024,
    },
    change: (l, input) => ({ ...l, households: [...l.households, unwrap(createHousehold(input))] }),
  },
  {
    code: "LEDGER.WRONG_COUNTY",
    who: "province",
    mutation: `mutation($input: HouseholdPatch!) { updateHousehold(id: "${householdId("A", 2)}", input: $input) { recordId } }`,
    input: { villageCode: "360724100201" },
    change: (l, input) => ({
      ...l,
      households: l.households.map((x) => (x.id === householdId("A", 2) ? { ...x, ...input } : x)),
    }),
  },
];

describe("each write rule answers with the domain's code through GraphQL and through validateLedger", () => {
  it.each(CASES.map((c) => [c.code, c] as const))("%s", async (code, c) => {
    const expected = await domainCodes((l) => c.change(l, c.input));
    expect(expected).toEqual([code]);
    const res = await h.gql(c.who, c.mutation, { input: c.input });
    expect(res.body.errors?.[0]?.extensions?.code).toBe(code);
  });

  it("covers every ledger code the write path reports (a new rule needs a case here)", async () => {
    const { readFile, readdir } = await import("node:fs/promises");
    const root = new URL("../../packages/gateway/src/", import.meta.url);
    const files = (await readdir(root, { recursive: true })).filter(
      (f) => f.endsWith(".ts") && !f.endsWith(".test.ts"),
    );
    const reported = new Set<string>();
    for (const f of files) {
      for (const m of (await readFile(new URL(f, root), "utf8")).matchAll(/"(LEDGER\.[A-Z_]+)"/g))
        reported.add(m[1]!);
    }
    const covered = new Set([...CASES.map((c) => c.code), "LEDGER.DUPLICATE_LINKAGE_YEAR"]);
    expect([...reported].filter((c) => !covered.has(c))).toEqual([]);
  });
});
