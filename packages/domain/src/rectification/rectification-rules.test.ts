import { describe, expect, it } from "vitest";
import { validData } from "../ledger/testing/ledger-fixture.js";
import { rectificationMilestonesPending } from "./rectification-rules.js";

const d = validData();
const rc1 = d.rectifications[0]!;

describe("rectification rules on a partial ledger (one rectification)", () => {
  it("RECTIFICATION_MILESTONES_PENDING holds for a closed rectification with every milestone done", () => {
    expect(rectificationMilestonesPending.check({ countyCode: d.countyCode, rectifications: [rc1] })).toEqual(
      [],
    );
  });

  it("RECTIFICATION_MILESTONES_PENDING fires on a closed rectification without a plan", () => {
    expect(
      rectificationMilestonesPending.check({
        countyCode: d.countyCode,
        rectifications: [{ ...rc1, plan: null }],
      }),
    ).toEqual([
      {
        code: "LEDGER.RECTIFICATION_MILESTONES_PENDING",
        message: "rectification rc1 is closed but has no plan",
        recordIds: ["rc1"],
        field: "status",
      },
    ]);
  });
});
