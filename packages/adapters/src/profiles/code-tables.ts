import {
  FUND_SOURCE_LABELS,
  HEALTH_LABELS,
  HOUSEHOLD_ATTRIBUTE_LABELS,
  LABOUR_ABILITY_LABELS,
  LINKAGE_MODE_LABELS,
  MONITORING_CATEGORY_LABELS,
  POVERTY_CAUSE_LABELS,
  POVERTY_STATUS_LABELS,
  PROJECT_STAGE_LABELS,
  RELATION_LABELS,
} from "@fupin/domain";

/** The code tables the report profiles use by default: domain codes to the labels printed (and matched on import). */
export const DEFAULT_CODE_TABLES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  relation: RELATION_LABELS,
  education: {
    none: "文盲或半文盲",
    primary: "小学",
    junior: "初中",
    senior: "高中",
    vocational: "中专",
    college: "大专及以上",
  },
  schoolStatus: {
    not_in_school: "非在校生",
    preschool: "学前教育",
    primary: "小学",
    junior: "七年级至九年级",
    senior: "高中",
    vocational: "中职",
    college: "高职高专及以上",
  },
  health: HEALTH_LABELS,
  labourAbility: LABOUR_ABILITY_LABELS,
  povertyCause: POVERTY_CAUSE_LABELS,
  householdAttribute: HOUSEHOLD_ATTRIBUTE_LABELS,
  povertyStatus: POVERTY_STATUS_LABELS,
  monitoringCategory: MONITORING_CATEGORY_LABELS,
  linkageMode: LINKAGE_MODE_LABELS,
  fundSource: FUND_SOURCE_LABELS,
  projectStage: PROJECT_STAGE_LABELS,
};
