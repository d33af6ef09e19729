/** A GraphQL error as the gateway sends it. */
export interface GatewayErrorBody {
  readonly message: string;
  readonly extensions?: Record<string, unknown>;
}

/** An error a clerk can meet, in Chinese, saying what to do; `code` is the server's. */
export class ConsoleError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = "ConsoleError";
  }
}

const FIELD_NAMES: Record<string, string> = {
  preparer: "填报人",
  reviewer: "审核人",
  period: "报表期间",
  profile: "报表",
  regionCode: "地区",
  year: "年度",
  deadline: "整改期限",
  foundDate: "发现日期",
  problem: "问题描述",
  responsiblePerson: "责任人",
  date: "日期",
  name: "姓名",
  householdNumber: "户编号",
};

function fieldName(path: string): string {
  const last =
    path
      .split(".")
      .filter((p) => !/^\d+$/.test(p))
      .pop() ?? path;
  return FIELD_NAMES[last] ?? path;
}

function issuesText(ext: Record<string, unknown>, fallback: string): string {
  const issues = Array.isArray(ext.issues) ? (ext.issues as { path?: string; message?: string }[]) : [];
  if (issues.length === 0) return fallback;
  return issues
    .map((i) => (i.path ? `${fieldName(i.path)}（${i.path}）：${i.message}` : String(i.message)))
    .join("；");
}

/** The Chinese message for one error of the gateway: what happened and what to do. */
export function describeGatewayError(error: GatewayErrorBody): ConsoleError {
  const ext = error.extensions ?? {};
  const code = typeof ext.code === "string" ? ext.code : "UNKNOWN";
  switch (code) {
    case "UNAUTHENTICATED":
      return new ConsoleError("登录已失效或密钥无效：请重新登录，粘贴有效的 API 密钥或 JWT。", code);
    case "FORBIDDEN":
      return new ConsoleError("当前账号没有此项权限：请联系县农业农村局的系统管理员开通后再试。", code);
    case "REGION_OUT_OF_SCOPE":
      return new ConsoleError("所选地区不在您的管辖范围内：请选择本辖区内的乡镇或村。", code);
    case "RATE_LIMITED":
      return new ConsoleError("操作过于频繁：请稍等一分钟后再试。", code);
    case "BAD_USER_INPUT":
      return new ConsoleError(`填写有误：${issuesText(ext, error.message)}。请修改后重试。`, code);
    case "NOT_FOUND":
      return new ConsoleError("要操作的记录不存在或不在您的辖区内：请刷新页面后重试。", code);
    case "REPORT.CONSISTENCY_ERRORS":
      return new ConsoleError(
        "报表存在错误级校验问题，不能报送：请按预览中列出的错误逐条核对并修正台账，再重新预览、报送。",
        code,
      );
    case "GRAPHQL_VALIDATION_FAILED":
    case "QUERY_TOO_COMPLEX":
      return new ConsoleError("查询过大或格式有误：请缩小范围（如选择单个乡镇）后重试。", code);
    default:
      if (code.includes(".")) {
        return new ConsoleError(
          `操作被拒绝（${code}）：${error.message}。请核对台账后重试，如有疑问请联系管理员。`,
          code,
        );
      }
      return new ConsoleError("服务器处理出错：请稍后重试；仍然失败请联系系统管理员并告知操作时间。", code);
  }
}

/** The Chinese message when the gateway cannot be reached at all. */
export function networkError(): ConsoleError {
  return new ConsoleError(
    "无法连接服务器：请检查网络连接，或联系管理员确认服务已启动，然后刷新页面。",
    "NETWORK",
  );
}
