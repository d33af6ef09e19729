import { describe, expect, it } from "vitest";
import { describeGatewayError } from "./errors";

describe("describeGatewayError", () => {
  it.each([
    ["UNAUTHENTICATED", {}, /请重新登录/],
    ["FORBIDDEN", {}, /联系.*管理员开通/],
    ["REGION_OUT_OF_SCOPE", {}, /不在您的管辖范围/],
    ["REPORT.CONSISTENCY_ERRORS", {}, /不能报送.*修正台账/],
    [
      "BAD_USER_INPUT",
      { issues: [{ path: "preparer", message: "must not be empty" }] },
      /填报人（preparer）.*请修改/,
    ],
    ["HOUSEHOLD.DUPLICATE_ID_NUMBER", {}, /操作被拒绝（HOUSEHOLD.DUPLICATE_ID_NUMBER）/],
    ["INTERNAL", {}, /稍后重试/],
  ])("%s reads in Chinese and says what to do", (code, extra, pattern) => {
    const e = describeGatewayError({ message: "x", extensions: { code, ...extra } });
    expect(e.code).toBe(code);
    expect(e.message).toMatch(pattern);
  });
});
