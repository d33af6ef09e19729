import { describe, expect, it } from "vitest";
import { createFundDisbursement } from "./fund-disbursement.js";

describe("createFundDisbursement", () => {
  const valid = { id: "d1", fundId: "f1", date: "2024-05-20", amountFen: 300_000_00 };

  it("applies defaults: no project, no payee", () => {
    expect(createFundDisbursement(valid)).toEqual({
      ok: true,
      value: { ...valid, projectId: null, payee: "" },
    });
  });

  it("accepts a project and a payee", () => {
    const result = createFundDisbursement({ ...valid, projectId: "p1", payee: " 丫山合作社 " });
    expect(result.ok && [result.value.projectId, result.value.payee]).toEqual(["p1", "丫山合作社"]);
  });

  it.each([
    ["a zero amount", { amountFen: 0 }, "amountFen"],
    ["an amount in yuan with cents", { amountFen: 3000.5 }, "amountFen"],
    ["an impossible date", { date: "2024-02-30" }, "date"],
    ["a blank fund", { fundId: "" }, "fundId"],
    ["a long payee", { payee: "款".repeat(101) }, "payee"],
  ])("refuses %s", (_name, patch, path) => {
    const result = createFundDisbursement({ ...valid, ...patch });
    expect(result.ok ? [] : [result.error.code, result.error.issues!.map((i) => i.path)]).toEqual([
      "FUND_DISBURSEMENT.INVALID_INPUT",
      [path],
    ]);
  });
});
