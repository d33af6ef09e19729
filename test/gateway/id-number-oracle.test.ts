import { idNumberCheckDigit } from "@fupin/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { householdId, idNumberOf } from "./graphql-fixture.js";
import { dataOf, type GraphqlHarness, startGraphqlHarness } from "./graphql-harness.js";

// Issue 8, point 1: a township key (ledger:read, ledger:write) recovered a masked ID number in 229
// requests by adding a "head" to a household that already had one: the person check ran first and
// its code said whether the number existed in any county. This file replays that attack.

// Two gateways: one whose failed-write limit the 229 requests stay under, one with a limit of 5.
const FAILED_WRITES_PER_HOUR = 5;
let h: GraphqlHarness;
let limited: GraphqlHarness;
beforeAll(async () => {
  [h, limited] = await Promise.all([
    startGraphqlHarness(),
    startGraphqlHarness({ failedWritesPerHour: FAILED_WRITES_PER_HOUR }),
  ]);
});
afterAll(async () => {
  await Promise.all([h?.close(), limited?.close()]);
});

const ADD_MEMBER = `mutation($input: MemberInput!) { addMember(input: $input) { recordId } }`;
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** The person of township B the attacker is after (outside township A's scope). */
const TARGET = idNumberOf(241);

/**
 * Candidates the old mask (first 6 and last 4 shown) left: every birth date from 1930 with the
 * target's last four characters and a valid check digit, the target among them. The attack needed 229.
 */
function oldMaskCandidates(count: number): string[] {
  const out: string[] = [];
  const tail = TARGET.slice(14, 17);
  for (let day = Date.UTC(1930, 0, 1); out.length < count; day += 86_400_000) {
    const date = new Date(day).toISOString().slice(0, 10).replaceAll("-", "");
    const first17 = `${TARGET.slice(0, 6)}${date}${tail}`;
    if (idNumberCheckDigit(first17) === TARGET[17]) out.push(`${first17}${TARGET[17]}`);
  }
  return out.includes(TARGET) ? out : [...out.slice(0, count - 1), TARGET];
}

/** How many valid ID numbers (born 1900 up to 2024) a mask of region code and last character leaves. */
function newMaskCandidates(masked: string): number {
  const region = [...masked.slice(0, 6)].reduce((s, d, i) => s + Number(d) * WEIGHTS[i]!, 0);
  const sequenceSums = Array.from({ length: 1000 }, (_, n) =>
    [...String(n).padStart(3, "0")].reduce((s, d, i) => s + Number(d) * WEIGHTS[14 + i]!, 0),
  );
  const check = "10X98765432".indexOf(masked[17]!);
  let count = 0;
  for (let day = Date.UTC(1900, 0, 1); day <= Date.UTC(2024, 11, 15); day += 86_400_000) {
    const date = new Date(day).toISOString().slice(0, 10).replaceAll("-", "");
    const sum = region + [...date].reduce((s, d, i) => s + Number(d) * WEIGHTS[6 + i]!, 0);
    for (const seq of sequenceSums) if ((sum + seq) % 11 === check) count++;
  }
  return count;
}

async function rowCounts(on = h): Promise<{ member: number; audit: number; refusals: number }> {
  const r = await on.pool.query<{ member: number; audit: number; refusals: number }>(
    `select (select count(*)::int from member) as member, (select count(*)::int from audit_log) as audit,
            (select count(*)::int from audit_log where action = 'refuse_write') as refusals`,
  );
  return r.rows[0]!;
}

describe("the ID-number oracle of issue 8", () => {
  it("a mask of region code and last character leaves more than a million candidates", async () => {
    const read = await h.gql(
      "townAWrite",
      `{ members(regionCode: "360723100", first: 1) { nodes { idNumber } } }`,
    );
    const masked = dataOf<{ nodes: { idNumber: string }[] }>(read, "members").nodes[0]!.idNumber;
    expect(masked).toBe(`360723${"*".repeat(11)}${idNumberOf(1).at(-1)}`);
    expect(newMaskCandidates(masked)).toBeGreaterThan(1_000_000);
  });

  it("229 'second head' requests answer the same for every candidate: nothing learnt or written", async () => {
    const candidates = oldMaskCandidates(229);
    expect(candidates).toHaveLength(229);
    const before = await rowCounts();
    const answers = new Set<string>();
    for (const idNumber of candidates) {
      const res = await h.gql("townAWrite", ADD_MEMBER, {
        input: {
          id: "m-probe",
          householdId: householdId("A", 1),
          name: "探测",
          idNumber,
          relation: "head",
          labourAbility: "ordinary",
        },
      });
      answers.add(JSON.stringify({ status: res.status, data: res.body.data, errors: res.body.errors }));
    }
    expect(answers.size).toBe(1);
    const [answer] = answers;
    expect(JSON.parse(answer!).errors[0].extensions.code).toBe("LEDGER.HOUSEHOLD_HEAD");
    expect(await rowCounts()).toEqual(before);
  });

  it("a probe past the in-scope rules gets one code, is audited, and counts against the failed writes", async () => {
    const before = await rowCounts(limited);
    const probe = (id: string, idNumber: string, householdNumber = 2) =>
      limited.gql("townAWrite", ADD_MEMBER, {
        input: {
          id,
          householdId: householdId("A", householdNumber),
          name: "探测",
          idNumber,
          relation: "child",
          labourAbility: "none",
        },
      });
    const answers = [];
    for (let i = 0; i < FAILED_WRITES_PER_HOUR; i++) {
      answers.push((await probe(`m-limit-${i}`, i % 2 === 0 ? TARGET : idNumberOf(3))).body.errors?.[0]);
    }
    // The person of township B and a person of township A's own households answer alike.
    for (const error of answers) {
      expect(error?.extensions).toEqual({ code: "CONFLICT" });
      expect(error?.message).toBe(answers[0]?.message);
      expect(error?.message).not.toMatch(/ID|身份|household|member/i);
    }
    const after = await rowCounts(limited);
    expect(after.member).toBe(before.member);
    expect(after.refusals - before.refusals).toBe(FAILED_WRITES_PER_HOUR);
    const audited = await limited.pool.query<{ after: { code: string }; principal_id: string }>(
      "select after, principal_id from audit_log where action = 'refuse_write' order by seq desc limit 1",
    );
    expect(audited.rows[0]?.after.code).toBe("LEDGER.DUPLICATE_ID_NUMBER");
    expect(audited.rows[0]?.principal_id).toBeTruthy();
    // Past the limit even a write that would succeed is refused, with nothing written or evaluated.
    const fresh = `${"360723199001011"}23`;
    const blocked = await probe("m-limit-fresh", `${fresh}${idNumberCheckDigit(fresh)}`, 3);
    expect(blocked.body.errors?.[0]?.extensions?.code).toBe("RATE_LIMITED");
    expect((await rowCounts(limited)).member).toBe(before.member);
    // The limit is per principal: another key still writes (and the count lives in PostgreSQL).
    const other = await limited.pool.query(
      "select count(*)::int as n from rate_limit where key like 'writefail:%'",
    );
    expect(other.rows[0]?.n).toBe(1);
    const county = await limited.gql("county", ADD_MEMBER, {
      input: {
        householdId: householdId("A", 3),
        name: "新成员",
        idNumber: `${fresh}${idNumberCheckDigit(fresh)}`,
        relation: "child",
        labourAbility: "none",
      },
    });
    expect(county.body.errors).toBeUndefined();
  });
});
