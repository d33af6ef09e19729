import { describe, expect, it } from "vitest";
import { closedRectification, rectification, TOWN_A } from "../testing/fixtures.js";
import { countsOf } from "../testing/metrics.js";
import { rectificationsClosedOnTime } from "./rectification.js";

// found on 10 January 2025, its plan's milestone due and done on 1 March, closed on `closed`
const closedBy = (id: string, deadline: string, closed: string) =>
  closedRectification(id, TOWN_A, {
    found: "2025-01-10",
    deadline,
    planDue: "2025-03-01",
    done: "2025-03-01",
    closed,
  });

describe("RECTIFICATIONS_CLOSED_ON_TIME", () => {
  it("counts the year's due rectifications and those closed by their deadline; an open one not yet due is left out", () => {
    const records = {
      rectifications: [
        closedBy("rc1", "2025-03-31", "2025-03-20"),
        closedBy("rc2", "2025-04-30", "2025-05-20"),
        rectification("rc3", TOWN_A, "2025-02-10", "2025-06-30"),
        rectification("rc4", TOWN_A, "2025-10-10", "2025-12-31"),
      ],
    };
    expect(countsOf(rectificationsClosedOnTime, records, 2025)).toEqual([1, 3]);
  });
});
