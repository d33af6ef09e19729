/** Codes of the findings, one per problem named in the speech (DOMAIN.md, "What goes wrong"). Stable: other systems rely on them. */
export const FINDING_CODES = [
  "RESPONSIBILITY.TOWNSHIP_WITHOUT_PERSON",
  "RESPONSIBILITY.HOUSEHOLD_WITHOUT_HELPER",
  "RESPONSIBILITY.TOWNSHIP_STAND_IN",
  "SUBSIDY.PEPPER_SPRAY",
  "ENTITY.SHIELD",
  "INDUSTRY.HOMOGENISATION",
  "INDUSTRY.SCALE_UP_WITHOUT_TRIAL",
  "SUPPORT.SUBSIDISE_AND_FORGET",
  "LINKAGE.FAKE",
  "LINKAGE.SHALLOW",
  "LINKAGE.FORCED",
  "LINKAGE.YEAR_TWO_EXIT",
  "LINKAGE.BUNDLED",
  "ENTITY.EMPTY_SHELL",
  "OUTCOME.LOW_SURVIVAL",
  "OUTCOME.DEBT_GROWTH",
  "FUNDS.LOW_INDUSTRY_SHARE",
  "FUNDS.PAN_WELFARE",
  "FUNDS.OVERSPENT",
  "PROJECT.NOTICE_SHORT",
  "PROJECT.DISBURSED_BEFORE_APPROVAL",
  "RECTIFICATION.OVERDUE",
  "RECTIFICATION.NO_PLAN",
  "PROJECT.STALLED",
  "PROJECT.NOT_ACCEPTED",
  "RECTIFICATION.MILESTONE_SLIPPED",
  "OUTCOME.FAILING_WITHOUT_SERVICE",
  "INDUSTRY.HOUSEHOLD_NOT_COVERED",
  "RESPONSIBILITY.VILLAGE_WITHOUT_PERSON",
  "RECTIFICATION.FINDING_WITHOUT_ITEM",
  "INDUSTRY.VILLAGE_NOT_COVERED",
] as const;

/** A finding code. */
export type FindingCode = (typeof FINDING_CODES)[number];

/** The kind of record a finding is about. */
export type FindingSubjectType =
  | "household"
  | "entity"
  | "linkage"
  | "fund"
  | "project"
  | "township"
  | "village"
  | "county"
  | "industry"
  | "rectification"
  | "credit"
  | "finding";
