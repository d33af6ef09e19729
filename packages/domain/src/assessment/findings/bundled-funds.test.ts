import { describe, expect, it } from "vitest";
import type { CreditReturn, HouseholdCredit } from "../../credit/credit.js";
import type { LedgerData } from "../../ledger/ledger.js";
import { entityScene, member, runDetector, subjectsFound, TOWN_A } from "../testing/fixtures.js";
import { bundledFunds } from "./bundled-funds.js";

// 户贷企用: 50,000 yuan of microcredit placed with cooperative e1 on 1 March 2024.
const credit = (overrides: Partial<HouseholdCredit> = {}): HouseholdCredit => ({
  id: "cr1",
  householdId: "h1",
  kind: "microcredit",
  amountFen: 5_000_000,
  entityId: "e1",
  industryId: null,
  fundId: null,
  placedDate: "2024-03-01",
  dueDate: "2027-03-01",
  lender: "",
  ...overrides,
});
const back = (id: string, date: string, amountFen: number, kind: CreditReturn["kind"] = "dividend") => ({
  id,
  creditId: "cr1",
  date,
  kind,
  amountFen,
});
// h1's linkage to e1, and what it took through it in 2025 (negative: no part taken)
const linked = (fen: number) => {
  const { linkages, linkageYears } = entityScene({ households: ["h1"], years: { 2025: { h1: fen } } });
  return { linkages, linkageYears };
};
const works = linked(1_800_000);
const idle = linked(-1);
const records = (extra: Partial<LedgerData>, c: HouseholdCredit = credit()): Partial<LedgerData> => ({
  ...entityScene({ households: ["h1"] }),
  linkages: [],
  members: [member("m1", "h1")],
  credits: [c],
  ...extra,
});

describe("LINKAGE.BUNDLED (一捆了之): household money bundled into an entity, nothing after", () => {
  it.each([
    { name: "the speech's case: placed, no dividend, no repayment, no part taken", extra: {}, fires: true },
    {
      name: "a fixed 4,000-yuan payout while the household takes no part",
      extra: { creditReturns: [back("rt1", "2025-01-20", 400_000)] },
      fires: true,
    },
    {
      name: "a fixed payout and a linkage the household did not take part in",
      extra: { ...idle, creditReturns: [back("rt1", "2025-01-20", 400_000)] },
      fires: true,
    },
    { name: "works at the entity but nothing came back on its money", extra: works, fires: true },
    {
      name: "look-alike: works at the entity and got its dividend",
      extra: { ...works, creditReturns: [back("rt1", "2025-01-20", 400_000)] },
      fires: false,
    },
    {
      name: "works at the entity and got 1 fen back",
      extra: { ...works, creditReturns: [back("rt1", "2025-01-20", 1)] },
      fires: false,
    },
    {
      name: "a dividend of the year before does not count for this year",
      extra: { ...works, creditReturns: [back("rt1", "2024-12-31", 400_000)] },
      fires: true,
    },
    {
      name: "principal repaid in full the year before: nothing more is owed",
      extra: { creditReturns: [back("rt1", "2024-12-20", 5_000_000, "repayment")] },
      fires: false,
    },
    {
      name: "principal repaid in part the year before: still bundled",
      extra: { creditReturns: [back("rt1", "2024-12-20", 4_999_999, "repayment")] },
      fires: true,
    },
  ])("$name: fires $fires", ({ extra, fires }) => {
    expect(subjectsFound(bundledFunds, records(extra), 2025)).toEqual(fires ? ["cr1"] : []);
  });

  it("look-alike: a loan the household uses itself (户贷户用) never fires", () => {
    expect(subjectsFound(bundledFunds, records({}, credit({ entityId: null })), 2025)).toEqual([]);
  });

  it.each([
    { name: "1 fen under 5% to a household with no one able to work", fen: 249_999, fires: true },
    { name: "5% to a household with no one able to work (资产收益)", fen: 250_000, fires: false },
  ])("$name: fires $fires", ({ fen, fires }) => {
    const r = {
      ...records({}),
      members: [member("m1", "h1", { labourAbility: "none" })],
      creditReturns: [back("rt1", "2025-06-30", fen)],
    };
    expect(subjectsFound(bundledFunds, r, 2025)).toEqual(fires ? ["cr1"] : []);
  });

  it.each([
    { placed: "2024-12-31", days: 365, fires: true },
    { placed: "2025-01-01", days: 364, fires: false },
  ])(
    "judged from bundledGraceDays after placing: $days days before 31 December fires $fires",
    ({ placed, fires }) => {
      const found = subjectsFound(bundledFunds, records({}, credit({ placedDate: placed })), 2025, {
        now: new Date("2026-03-01T00:00:00Z"),
      });
      expect(found).toEqual(fires ? ["cr1"] : []);
    },
  );

  it("takes the grace from the policy", () => {
    const r = records({}, credit({ placedDate: "2025-06-01" }));
    expect(subjectsFound(bundledFunds, r, 2025)).toEqual([]);
    expect(subjectsFound(bundledFunds, r, 2025, { policy: { bundledGraceDays: 180 } })).toEqual(["cr1"]);
  });

  it("names the household, the entity and what came back, with the records behind it", () => {
    const [f] = runDetector(
      bundledFunds,
      records({ creditReturns: [back("rt1", "2025-01-20", 400_000)] }),
      2025,
    );
    expect(f?.evidence).toEqual(["cr1", "h1", "e1", "rt1"]);
    expect(f?.regionCode).toBe(TOWN_A);
    expect(f?.message.zh).toContain("扶贫小额信贷50000.00元于2024-03-01投入");
    expect(f?.message.zh).toContain("仅获固定收益4000.00元");
    expect(f?.message.en).toContain("took no part");
  });
});
