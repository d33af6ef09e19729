import { describe, expect, it } from "vitest";
import { runDetector, subjectsFound, TOWN_A, VILLAGES_A, villageIndustry } from "../testing/fixtures.js";
import { scaleUpWithoutTrial } from "./scale-up-without-trial.js";

const [v1, v2, v3, v4] = VILLAGES_A;

describe("INDUSTRY.SCALE_UP_WITHOUT_TRIAL", () => {
  it.each([
    {
      name: "fires for scale-up never trialled",
      record: villageIndustry("vi1", v1, "ind-bee", 2025, { trialStatus: "none", trialYear: null }),
      expected: [v1],
    },
    {
      name: "fires for scale-up while the trial is still running",
      record: villageIndustry("vi2", v2, "ind-bee", 2025, { trialStatus: "trialling", trialYear: 2025 }),
      expected: [v2],
    },
    {
      name: "does not fire after a finished trial",
      record: villageIndustry("vi3", v3, "ind-bee", 2025),
      expected: [],
    },
    {
      name: "does not fire for an untrialled industry not scaled up",
      record: villageIndustry("vi4", v4, "ind-bee", 2025, {
        trialStatus: "none",
        trialYear: null,
        scaledUp: false,
      }),
      expected: [],
    },
    {
      name: "does not fire for another year's record",
      record: villageIndustry("vi5", v1, "ind-bee", 2024, { trialStatus: "none", trialYear: null }),
      expected: [],
    },
  ] as const)("$name", ({ record, expected }) => {
    expect(subjectsFound(scaleUpWithoutTrial, { villageIndustries: [record] }, 2025)).toEqual(expected);
  });

  it("names the village and industry, with the village-industry record as evidence", () => {
    const [finding] = runDetector(
      scaleUpWithoutTrial,
      {
        villageIndustries: [
          villageIndustry("vi1", v1, "ind-bee", 2025, { trialStatus: "none", trialYear: null }),
        ],
      },
      2025,
    );
    expect(finding).toMatchObject({
      regionCode: TOWN_A,
      subjectType: "village",
      evidence: ["vi1"],
      severity: "medium",
    });
    expect(finding?.message.zh).toContain("大余县南安镇新华村2025年养蜂产业未经试验试种");
  });
});
