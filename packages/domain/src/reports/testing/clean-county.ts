import {
  entity,
  fund,
  fundUse,
  household,
  income,
  linkage,
  linkageYear,
  member,
  project,
  rectification,
  stagesOn,
  subsidy,
  TOWN_A,
  TOWN_B,
  VILLAGES_A,
  VILLAGES_B,
} from "../../assessment/testing/fixtures.js";
import type { LedgerData } from "../../ledger/ledger.js";

/** A small county that keeps every rule: two towns, three households, a project with its linkage. */
export function cleanRecords(): Partial<LedgerData> {
  return {
    households: [
      household("h1", VILLAGES_A[0]),
      household("h2", VILLAGES_A[1]),
      household("h3", VILLAGES_B[0]),
    ],
    members: [
      member("m1", "h1"),
      member("m2", "h1", { relation: "spouse" }),
      member("m3", "h2"),
      member("m4", "h3"),
    ],
    entities: [entity("e1", TOWN_A)],
    linkages: [linkage("l1", "e1", "h1", 2024)],
    linkageYears: [
      {
        ...linkageYear("ly1", 2025, 300_000),
        id: "ly1",
        linkageId: "l1",
      },
    ],
    incomes: [income("i1", "h1", 2025, 1_000_000)],
    funds: [fund("f1", 2025, 10_000_000)],
    fundUses: [fundUse("u1", "f1", 2025, "industry", 2_000_000, { projectId: "p1" })],
    // paid on the day the project starts (implementation), the whole use at once
    disbursements: [
      { id: "d1", fundId: "f1", projectId: "p1", date: "2025-02-15", amountFen: 2_000_000, payee: "" },
    ],
    subsidies: [
      { ...subsidy("s1", "h1", "2025-02-10", 50_000), fundId: "f1" },
      subsidy("s2", "h3", "2025-03-05", 80_000),
    ],
    projects: [
      project("p1", 2025, VILLAGES_A[0], {
        entityId: "e1",
        linkageMode: "employment",
        beneficiaryHouseholdIds: ["h1"],
        fundingFen: { central: 2_000_000 },
        stages: stagesOn({
          application: "2025-01-05",
          review: "2025-01-10",
          approval: "2025-01-20",
          public_notice: "2025-01-21",
          implementation: "2025-02-15",
        }),
      }),
    ],
    rectifications: [rectification("r1", TOWN_B, "2025-01-15", "2025-06-30")],
  };
}
