import { describe, expect, it } from "vitest";
import type { DomainError, Result } from "../shared/result.js";
import {
  closeRectification,
  createRectification,
  isRectificationClosedBy,
  isRectificationOpenOn,
  isRectificationOverdue,
  planRectification,
  type Rectification,
} from "./rectification.js";

function paths(result: Result<unknown, DomainError>): string[] {
  if (result.ok) throw new Error("expected RECTIFICATION.INVALID_INPUT");
  expect(result.error.code).toBe("RECTIFICATION.INVALID_INPUT");
  return result.error.issues!.map((i) => i.path);
}

const open = {
  id: "rc1",
  townshipCode: "360723100",
  problem: "合作社带动贫困户分红未兑现",
  source: "inspection",
  foundDate: "2024-03-01",
  responsiblePerson: "陈𠀀",
  deadline: "2024-06-30",
};
const milestones = [
  { id: "ms1", title: "核查联结台账", due: "2024-04-01" },
  { id: "ms2", title: "兑现分红", due: "2024-06-01" },
];
const plan = { milestones, roadmap: "问题排查→制定方案→整改落实→验收销号" };
const donePlan = {
  ...plan,
  milestones: [
    { ...milestones[0], doneDate: "2024-03-28" },
    { ...milestones[1], doneDate: "2024-05-30" },
  ],
};

function rectification(input: object): Rectification {
  const result = createRectification(input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe("createRectification", () => {
  it("opens with defaults", () => {
    expect(createRectification(open)).toEqual({
      ok: true,
      value: { ...open, findingCode: null, subjectId: null, status: "open", plan: null, closedDate: null },
    });
  });

  it.each([
    ["from a finding", { source: "finding", findingCode: "LINKAGE.FAKE", subjectId: "l1" }],
    ["planned", { status: "planned", plan }],
    ["closed with every milestone done", { status: "closed", plan: donePlan, closedDate: "2024-06-01" }],
    [
      "closed on the day of its last milestone",
      { status: "closed", plan: donePlan, closedDate: "2024-05-30" },
    ],
    ["a deadline on the day found", { deadline: "2024-03-01" }],
  ])("accepts %s", (_name, patch) => {
    const result = createRectification({ ...open, ...patch });
    expect(result.ok ? "ok" : result.error.message).toBe("ok");
  });

  it.each([
    ["a deadline before the date found", { deadline: "2024-02-28" }, "deadline"],
    ["a planned rectification without plan", { status: "planned" }, "plan"],
    ["a closed rectification without closing date", { status: "closed", plan: donePlan }, "closedDate"],
    ["a closing date while open", { closedDate: "2024-05-01" }, "closedDate"],
    ["closed without plan", { status: "closed", closedDate: "2024-05-01" }, "plan"],
    [
      "closed with a milestone pending",
      { status: "closed", plan, closedDate: "2024-06-01" },
      "plan.milestones.0.doneDate",
    ],
    [
      "closed before its last milestone was done",
      { status: "closed", plan: donePlan, closedDate: "2024-05-01" },
      "plan.milestones.1.doneDate",
    ],
    [
      "closed before it was found",
      { status: "closed", plan: donePlan, closedDate: "2024-02-01", foundDate: "2024-03-01" },
      "closedDate",
    ],
    [
      "a plan without milestones",
      { status: "planned", plan: { ...plan, milestones: [] } },
      "plan.milestones",
    ],
    ["a plan without roadmap", { status: "planned", plan: { ...plan, roadmap: " " } }, "plan.roadmap"],
    [
      "a milestone with an impossible due date",
      { status: "planned", plan: { ...plan, milestones: [{ ...milestones[0], due: "2024-04-31" }] } },
      "plan.milestones.0.due",
    ],
    [
      "a milestone without title",
      { status: "planned", plan: { ...plan, milestones: [{ ...milestones[0], title: "" }] } },
      "plan.milestones.0.title",
    ],
    ["a township given as a village", { townshipCode: "360723100201" }, "townshipCode"],
    ["a blank problem", { problem: "  " }, "problem"],
    ["a blank responsible person", { responsiblePerson: "" }, "responsiblePerson"],
    ["an unknown status", { status: "done" }, "status"],
    ["an unknown source", { source: "督查" }, "source"],
  ])("refuses %s", (_name, patch, path) => {
    expect(paths(createRectification({ ...open, ...patch }))).toContain(path);
  });
});

describe("planRectification", () => {
  it("gives an open rectification its plan", () => {
    const result = planRectification(rectification(open), plan);
    expect(result.ok && result.value.status).toBe("planned");
    expect(result.ok && result.value.plan?.milestones.map((m) => m.doneDate)).toEqual([null, null]);
  });

  it("replaces a plan, e.g. to mark milestones done", () => {
    const planned = rectification({ ...open, status: "planned", plan });
    const result = planRectification(planned, donePlan);
    expect(result.ok && result.value.plan).toEqual(donePlan);
  });

  it.each([
    ["no milestones", { ...plan, milestones: [] }, "milestones"],
    ["no roadmap", { milestones }, "roadmap"],
    [
      "a milestone with a bad done date",
      { ...plan, milestones: [{ ...milestones[0], doneDate: "2024/04/01" }] },
      "milestones.0.doneDate",
    ],
    [
      "51 milestones (at most 50)",
      { ...plan, milestones: Array.from({ length: 51 }, (_, i) => ({ ...milestones[0], id: `m${i}` })) },
      "milestones",
    ],
  ])("refuses a plan with %s", (_name, input, path) => {
    expect(paths(planRectification(rectification(open), input))).toContain(path);
  });

  it("refuses to plan a closed rectification", () => {
    const closed = rectification({ ...open, status: "closed", plan: donePlan, closedDate: "2024-06-01" });
    const result = planRectification(closed, plan);
    expect(!result.ok && result.error.code).toBe("RECTIFICATION.ALREADY_CLOSED");
  });
});

describe("closeRectification", () => {
  const planned = rectification({ ...open, status: "planned", plan: donePlan });

  it("closes a rectification whose milestones are all done", () => {
    const result = closeRectification(planned, "2024-06-10");
    expect(result.ok && result.value).toMatchObject({ status: "closed", closedDate: "2024-06-10" });
    expect(result.ok && createRectification(result.value).ok).toBe(true);
  });

  it.each([
    ["without a plan", rectification(open), "2024-06-10", "RECTIFICATION.NO_PLAN", ["rc1"]],
    [
      "with milestones pending",
      rectification({ ...open, status: "planned", plan }),
      "2024-06-10",
      "RECTIFICATION.MILESTONES_PENDING",
      ["rc1", "ms1", "ms2"],
    ],
    [
      "twice",
      rectification({ ...open, status: "closed", plan: donePlan, closedDate: "2024-06-01" }),
      "2024-06-10",
      "RECTIFICATION.ALREADY_CLOSED",
      ["rc1"],
    ],
  ])("refuses to close %s", (_name, r, date, code, recordIds) => {
    const result = closeRectification(r, date);
    expect(!result.ok && result.error.code).toBe(code);
    expect(!result.ok && result.error.recordIds).toEqual(recordIds);
  });

  it("names the pending milestones", () => {
    const pending = rectification({
      ...open,
      status: "planned",
      plan: { ...plan, milestones: [{ ...milestones[0], doneDate: "2024-03-20" }, milestones[1]] },
    });
    const result = closeRectification(pending, "2024-06-10");
    expect(!result.ok && result.error.message).toBe("milestones not done: 兑现分红");
  });

  it.each([
    ["not a date", "not a date"],
    ["an impossible date", "2024-06-31"],
    ["before the date found", "2024-02-01"],
    ["before the last milestone was done", "2024-05-29"],
  ])("refuses a closing date %s", (_name, date) => {
    expect(paths(closeRectification(planned, date))).toEqual(["date"]);
  });

  it("checks its date argument before the status (an impossible date on a closed or unplanned rectification names the date)", () => {
    const closed = rectification({ ...open, status: "closed", plan: donePlan, closedDate: "2024-06-01" });
    for (const r of [closed, rectification(open)]) {
      const result = closeRectification(r, "2024-02-30");
      expect(result.ok ? "closed" : result.error).toEqual({
        code: "RECTIFICATION.INVALID_INPUT",
        message: "date: must be a real date in the form YYYY-MM-DD",
        issues: [{ path: "date", message: "must be a real date in the form YYYY-MM-DD" }],
      });
    }
  });

  it("names at most three pending milestones, however many there are", () => {
    const many = Array.from({ length: 50 }, (_, i) => ({
      id: `ms${i}`,
      title: `第${i}步`,
      due: "2024-05-01",
      doneDate: null,
    }));
    const r = rectification({ ...open, status: "planned", plan: { ...plan, milestones: many } });
    const result = closeRectification(r, "2024-06-10");
    expect(result.ok ? "closed" : result.error.message).toBe(
      "milestones not done: 第0步, 第1步, 第2步 and 47 more",
    );
    expect(result.ok ? [] : result.error.recordIds).toHaveLength(51);
  });
});

describe("isRectificationOverdue", () => {
  const planned = rectification({ ...open, status: "planned", plan });
  it.each([
    ["2024-06-30", false],
    ["2024-07-01", true],
  ])("on %s: %s", (date, overdue) => {
    expect(isRectificationOverdue(planned, date)).toBe(overdue);
  });

  it("a closed rectification is not overdue from its closing date on", () => {
    const closed = rectification({ ...open, status: "closed", plan: donePlan, closedDate: "2024-06-01" });
    expect(isRectificationOverdue(closed, "2025-01-01")).toBe(false);
  });

  it("a rectification closed late was overdue on the days before it closed, as it stood then", () => {
    const closedLate = rectification({ ...open, status: "closed", plan: donePlan, closedDate: "2024-08-15" });
    expect(isRectificationOverdue(closedLate, "2024-08-14")).toBe(true);
    expect(isRectificationOverdue(closedLate, "2024-08-15")).toBe(false);
  });
});

describe("a rectification as it stood on a date, by its recorded closing date", () => {
  const closed = rectification({ ...open, status: "closed", plan: donePlan, closedDate: "2024-06-10" });
  it.each([
    ["before it was found", "2024-02-29", false, false],
    ["the day it was found", "2024-03-01", true, false],
    ["the day before it closed", "2024-06-09", true, false],
    ["the day it closed", "2024-06-10", false, true],
    ["after it closed", "2025-01-01", false, true],
  ])("%s (%s): open %s, closed %s", (_, date, isOpen, isClosed) => {
    expect(isRectificationOpenOn(closed, date)).toBe(isOpen);
    expect(isRectificationClosedBy(closed, date)).toBe(isClosed);
  });

  it("an item never closed is closed by no date", () => {
    expect(isRectificationClosedBy(rectification(open), "2099-12-31")).toBe(false);
  });
});
