import { describe, expect, it } from "vitest";
import type { FundDisbursement } from "../../funds/fund-disbursement.js";
import {
  fund,
  project,
  runDetector,
  stagesOn,
  subjectsFound,
  TOWN_A,
  VILLAGES_A,
} from "../testing/fixtures.js";
import { disbursedBeforeApproval } from "./disbursed-before-approval.js";

const v = VILLAGES_A[0];
const STAGES = stagesOn({
  application: "2025-02-01",
  review: "2025-02-20",
  approval: "2025-03-15",
  public_notice: "2025-03-16",
  implementation: "2025-03-30",
});
const pay = (id: string, date: string, projectId: string | null = "p1"): FundDisbursement => ({
  id,
  fundId: "f1",
  projectId,
  date,
  amountFen: 20_000_000,
  payee: "",
});
const records = (disbursements: FundDisbursement[], stages = STAGES) => ({
  funds: [fund("f1", 2025, 100_000_000)],
  projects: [project("p1", 2025, v, { stages })],
  disbursements,
});

describe("PROJECT.DISBURSED_BEFORE_APPROVAL: money paid out before the county approved the project", () => {
  it.each([
    { name: "the speech's concern: paid a month before approval", paid: ["2025-02-14"], fires: true },
    { name: "paid the day before approval", paid: ["2025-03-14"], fires: true },
    { name: "look-alike: paid on the day of approval", paid: ["2025-03-15"], fires: false },
    {
      name: "look-alike: paid after approval, in tranches",
      paid: ["2025-04-02", "2025-09-30"],
      fires: false,
    },
    { name: "one early tranche among later ones", paid: ["2025-03-01", "2025-05-01"], fires: true },
  ])("$name: fires $fires", ({ paid, fires }) => {
    const r = records(paid.map((date, i) => pay(`d${i + 1}`, date)));
    expect(subjectsFound(disbursedBeforeApproval, r, 2025)).toEqual(fires ? ["p1"] : []);
  });

  it("fires for a project paid while it has no approval at all (approval skipped or still pending)", () => {
    const pending = STAGES.slice(0, 2);
    expect(subjectsFound(disbursedBeforeApproval, records([pay("d1", "2025-06-01")], pending), 2025)).toEqual(
      ["p1"],
    );
  });

  it("does not judge money that is not a project's, nor a disbursement of another year", () => {
    expect(subjectsFound(disbursedBeforeApproval, records([pay("d1", "2025-01-10", null)]), 2025)).toEqual(
      [],
    );
    const late = records([pay("d1", "2025-02-14")]);
    expect(subjectsFound(disbursedBeforeApproval, late, 2024)).toEqual([]);
  });

  it("judges an approval only once it is dated on or before the assessment date", () => {
    const now = new Date("2025-03-10T04:00:00Z");
    expect(subjectsFound(disbursedBeforeApproval, records([pay("d1", "2025-03-01")]), 2025, { now })).toEqual(
      ["p1"],
    );
  });

  it("names the early disbursements only, with the amount and the approval date", () => {
    const [f] = runDetector(
      disbursedBeforeApproval,
      records([pay("d1", "2025-03-01"), pay("d2", "2025-05-01")]),
      2025,
    );
    expect(f?.evidence).toEqual(["p1", "d1"]);
    expect(f?.regionCode).toBe(TOWN_A);
    expect(f?.message.zh).toContain("自2025-03-01起拨付资金200000.00元，但项目2025-03-15才审定");
  });
});
