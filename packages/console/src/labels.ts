/** Chinese names of the codes the gateway sends, as county staff say them. */
export const FINDING_LABELS: Record<string, string> = {
  "RESPONSIBILITY.TOWNSHIP_WITHOUT_PERSON": "乡镇未明确固定责任人",
  "RESPONSIBILITY.HOUSEHOLD_WITHOUT_HELPER": "贫困户未落实帮扶责任人",
  "RESPONSIBILITY.TOWNSHIP_STAND_IN": "临时指定人员对接",
  "SUBSIDY.PEPPER_SPRAY": "撒胡椒面式补贴",
  "ENTITY.SHIELD": "经营主体挂“挡箭牌”",
  "INDUSTRY.HOMOGENISATION": "产业同质化",
  "INDUSTRY.SCALE_UP_WITHOUT_TRIAL": "未经试点即大规模推进",
  "SUPPORT.SUBSIDISE_AND_FORGET": "一补了之",
  "LINKAGE.FAKE": "假链接",
  "LINKAGE.SHALLOW": "浅链接",
  "LINKAGE.FORCED": "拉郎配",
  "LINKAGE.YEAR_TWO_EXIT": "带动不可持续",
  "ENTITY.EMPTY_SHELL": "空壳合作社",
  "OUTCOME.LOW_SURVIVAL": "产业成活率低",
  "OUTCOME.DEBT_GROWTH": "因产业失败新增债务",
  "FUNDS.LOW_INDUSTRY_SHARE": "资金用于产业比例偏低",
  "FUNDS.PAN_WELFARE": "资金泛福利化",
  "FUNDS.OVERSPENT": "资金超支",
  "PROJECT.NOTICE_SHORT": "项目公示不足",
  "RECTIFICATION.OVERDUE": "整改逾期",
  "RECTIFICATION.NO_PLAN": "整改无时间表路线图",
  "RESPONSIBILITY.VILLAGE_WITHOUT_PERSON": "村未明确责任人",
  "INDUSTRY.HOUSEHOLD_NOT_COVERED": "产业帮扶未覆盖",
  "INDUSTRY.VILLAGE_NOT_COVERED": "贫困村产业未覆盖",
  "LINKAGE.BUNDLED": "一捆了之",
  "OUTCOME.FAILING_WITHOUT_SERVICE": "产业失败且缺技术服务",
  "PROJECT.DISBURSED_BEFORE_APPROVAL": "项目未批先拨",
  "PROJECT.STALLED": "项目停滞",
  "PROJECT.NOT_ACCEPTED": "项目完工未验收",
  "RECTIFICATION.FINDING_WITHOUT_ITEM": "问题未建立整改事项",
  "RESPONSIBILITY.VILLAGE_STAND_IN": "村级责任人频繁更换",
  "RECTIFICATION.MILESTONE_SLIPPED": "整改节点滞后",
};

/** 严重程度, most severe first. */
export const SEVERITIES = ["critical", "high", "medium", "low"] as const;
/** A severity code. */
export type SeverityCode = (typeof SEVERITIES)[number];

/** Chinese names of severities. */
export const SEVERITY_LABELS: Record<SeverityCode, string> = {
  critical: "严重",
  high: "较重",
  medium: "一般",
  low: "轻微",
};

/** Element Plus tag types of severities. */
export const SEVERITY_TAGS: Record<SeverityCode, "danger" | "warning" | "primary" | "info"> = {
  critical: "danger",
  high: "warning",
  medium: "primary",
  low: "info",
};

/** Metrics whose value should stay at or below the target (others at or above). */
export const AT_MOST_METRICS = new Set(["SHALLOW_LINKAGE_SHARE"]);

/** Chinese names of other codes (statuses, kinds, relations …). */
export const CODE_LABELS: Record<string, string> = {
  exited: "已脱贫",
  in_poverty: "未脱贫",
  relapsed: "返贫",
  ordinary: "一般贫困户",
  subsistence_allowance: "低保贫困户",
  extreme_poverty_support: "特困供养户",
  open: "待制定方案",
  planned: "整改中",
  closed: "已销号",
  check: "检查发现",
  finding: "台账研判",
  inspection: "巡视巡察",
  head: "户主",
  spouse: "配偶",
  child: "子女",
  child_in_law: "儿媳/女婿",
  grandchild: "孙辈",
  grandparent: "祖父母",
  parent: "父母",
  sibling: "兄弟姐妹",
  other: "其他",
  asset_income: "资产收益",
  employment: "务工就业",
  entrusted_raising: "托管代养",
  equity_dividend: "入股分红",
  land_lease: "土地流转",
  order_purchase: "订单收购",
  cash: "现金",
  dividend: "分红",
  in_kind: "实物",
  purchase_payment: "收购款",
  rent: "租金",
  wage: "工资",
  award: "奖补",
  subsidy: "补贴",
  household_helper: "帮扶责任人",
  township_fixed_person: "乡镇固定责任人",
};

/** Chinese names of the report profiles the gateway prepares and sends. */
export const PROFILE_LABELS: Record<string, string> = {
  "province-households": "省平台：建档立卡户产业帮扶明细",
  "city-projects": "市平台：产业项目与资金",
  "city-campaign": "市平台：产业扶贫专项行动",
};

/** The Chinese name of a code, or the code itself. */
export function label(code: string | null | undefined): string {
  if (!code) return "—";
  return CODE_LABELS[code] ?? FINDING_LABELS[code] ?? PROFILE_LABELS[code] ?? code;
}

/** Fen as yuan with two decimals and thousands separators: 434112 → 4,341.12. */
export function yuan(fen: number): string {
  const sign = fen < 0 ? "-" : "";
  const abs = Math.abs(Math.round(fen));
  const whole = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign}${whole}.${String(abs % 100).padStart(2, "0")}`;
}

/** Today's date in China (YYYY-MM-DD). */
export function todayInChina(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
