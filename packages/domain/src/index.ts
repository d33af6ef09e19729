export type { ComputeMetricsOptions } from "./assessment/compute-metrics.js";
export { computeMetrics, METRIC_CALCULATORS, sumMetrics } from "./assessment/compute-metrics.js";
export type { AssessmentContext, LedgerIndex } from "./assessment/context.js";
export {
  assessmentDate,
  createAssessmentContext,
  indexLedger,
  ledgerIndexFor,
} from "./assessment/context.js";
export type { DetectFindingsOptions } from "./assessment/detect-findings.js";
export {
  compareFindings,
  detectFindings,
  FINDING_DETECTORS,
  FINDING_SEVERITIES,
} from "./assessment/detect-findings.js";
export type { FindingCode, FindingSubjectType } from "./assessment/finding-codes.js";
export { FINDING_CODES } from "./assessment/finding-codes.js";
export type { FindingTally, TownshipFindingSummary } from "./assessment/finding-summary.js";
export { summariseFindings } from "./assessment/finding-summary.js";
export type { FindingDetector } from "./assessment/findings/detector.js";
export type { MetricCode, MetricDefinition } from "./assessment/metric-codes.js";
export { METRIC_CODES, METRIC_DEFINITIONS } from "./assessment/metric-codes.js";
export type { MetricCalculator, MetricCount, MetricScope } from "./assessment/metrics/metric.js";
export type { AssessmentPolicy } from "./assessment/policy.js";
export { DEFAULT_POLICY, resolvePolicy } from "./assessment/policy.js";
export type { Finding, Metric, Severity } from "./assessment/types.js";
export { SEVERITIES, severityRank } from "./assessment/types.js";
export { renderCodesDocument } from "./codes-document.js";
export type { CreditKind, CreditReturn, HouseholdCredit } from "./credit/credit.js";
export {
  CREDIT_KIND_LABELS,
  CREDIT_KINDS,
  CREDIT_RETURN_KIND_LABELS,
  CREDIT_RETURN_KINDS,
  createCreditReturn,
  createHouseholdCredit,
  creditReturnInputSchema,
  householdCreditInputSchema,
} from "./credit/credit.js";
export type { CreditRuleCode } from "./credit/credit-rules.js";
export { CREDIT_RULES } from "./credit/credit-rules.js";
export type { BusinessEntity, EntityActivity, EntityKind } from "./entities/business-entity.js";
export {
  ACTIVITY_KINDS,
  businessEntityInputSchema,
  createBusinessEntity,
  createEntityActivity,
  ENTITY_KIND_LABELS,
  ENTITY_KINDS,
  entityActivityInputSchema,
} from "./entities/business-entity.js";
export type { Fund, FundSource, FundUse, FundUseCategory } from "./funds/fund.js";
export {
  createFund,
  createFundUse,
  FUND_SOURCE_LABELS,
  FUND_SOURCES,
  FUND_USE_CATEGORIES,
  FUND_USE_CATEGORY_LABELS,
  fundInputSchema,
  fundUseInputSchema,
} from "./funds/fund.js";
export type { FundDisbursement } from "./funds/fund-disbursement.js";
export { createFundDisbursement, fundDisbursementInputSchema } from "./funds/fund-disbursement.js";
export type { FundRuleCode } from "./funds/fund-rules.js";
export { FUND_RULES } from "./funds/fund-rules.js";
export type { Household, HouseholdAttribute, PovertyCause, PovertyStatus } from "./households/household.js";
export {
  createHousehold,
  HOUSEHOLD_ATTRIBUTE_LABELS,
  HOUSEHOLD_ATTRIBUTES,
  householdInputSchema,
  IDENTIFICATION_STANDARDS,
  POVERTY_CAUSE_LABELS,
  POVERTY_CAUSES,
  POVERTY_STATUS_LABELS,
  POVERTY_STATUSES,
} from "./households/household.js";
export type { HouseholdRuleCode } from "./households/household-rules.js";
export { HOUSEHOLD_RULES } from "./households/household-rules.js";
export type {
  IdNumberError,
  IdNumberErrorCode,
  IdNumberInfo,
  IdNumberMask,
  Sex,
} from "./households/id-number.js";
export {
  ageOn,
  DEFAULT_ID_NUMBER_MASK,
  idNumberCheckDigit,
  maskIdNumber,
  parseIdNumber,
  WIDEST_ID_NUMBER_MASK,
} from "./households/id-number.js";
export type { Income } from "./households/income.js";
export { createIncome, incomeInputSchema, netIncomeFen, perCapitaNetIncomeFen } from "./households/income.js";
export type { Member, Relation } from "./households/member.js";
export {
  createMember,
  EDUCATION_LEVELS,
  HEALTH_LABELS,
  HEALTH_STATES,
  idNumberSchema,
  LABOUR_ABILITIES,
  LABOUR_ABILITY_LABELS,
  memberInputSchema,
  RELATION_LABELS,
  RELATIONS,
  SCHOOL_STATUSES,
} from "./households/member.js";
export type {
  HouseholdIndustry,
  Industry,
  IndustryCategory,
  TrialStatus,
  VillageIndustry,
} from "./industries/industry.js";
export {
  COUNTABLE_OUTCOME_UNITS,
  createHouseholdIndustry,
  createIndustry,
  createVillageIndustry,
  hasCountableOutcome,
  householdIndustryInputSchema,
  INDUSTRY_CATEGORIES,
  industryInputSchema,
  TRIAL_STATUSES,
  villageIndustryInputSchema,
} from "./industries/industry.js";
export type {
  Ledger,
  LedgerData,
  LedgerError,
  LedgerViolation,
  LedgerViolationCode,
} from "./ledger/ledger.js";
export {
  createLedger,
  createRegionLedger,
  emptyLedgerData,
  ledgerForRegion,
  sliceLedgerData,
  validateLedger,
} from "./ledger/ledger.js";
export type { CheckLedgerRulesOptions, LedgerRuleConcept } from "./ledger/ledger-rules.js";
export { checkLedgerRules, LEDGER_RULES, LEDGER_RULES_BY_CONCEPT } from "./ledger/ledger-rules.js";
export type {
  LedgerRecords,
  LedgerRecordTypes,
  PartialLedger,
  RecordKind,
  RecordKindKey,
  RecordReference,
} from "./ledger/record-kinds.js";
export { RECORD_KIND_KEYS, RECORD_KINDS, recordIdOf } from "./ledger/record-kinds.js";
export type { RecordRuleCode } from "./ledger/record-rules.js";
export { isFen, RECORD_RULES } from "./ledger/record-rules.js";
export type { LedgerRule } from "./ledger/rule.js";
export type { Linkage, LinkageMode, LinkageYear } from "./linkage/linkage.js";
export {
  BENEFIT_KINDS,
  createLinkage,
  createLinkageYear,
  LINKAGE_MODE_LABELS,
  LINKAGE_MODES,
  linkageCoversYear,
  linkageInputSchema,
  linkageYearInputSchema,
} from "./linkage/linkage.js";
export type { LinkageRuleCode } from "./linkage/linkage-rules.js";
export { LINKAGE_RULES } from "./linkage/linkage-rules.js";
export type { Monitoring } from "./monitoring/monitoring.js";
export {
  createMonitoring,
  MONITORING_CATEGORIES,
  MONITORING_CATEGORY_LABELS,
  monitoringInputSchema,
  RISK_TYPES,
} from "./monitoring/monitoring.js";
export type { Project, ProjectStage } from "./projects/project.js";
export {
  advanceProjectStage,
  checkStageOrder,
  createProject,
  currentStage,
  PROJECT_STAGE_LABELS,
  PROJECT_STAGES,
  PUBLIC_NOTICE_MIN_DAYS,
  projectInputSchema,
  projectStageChangeInputSchema,
  totalFundingFen,
} from "./projects/project.js";
export type { ProjectRuleCode } from "./projects/project-rules.js";
export { PROJECT_RULES } from "./projects/project-rules.js";
export type { Rectification, RectificationStatus } from "./rectification/rectification.js";
export {
  closeRectification,
  createRectification,
  isRectificationClosedBy,
  isRectificationOpenOn,
  isRectificationOverdue,
  milestoneSchema,
  planRectification,
  RECTIFICATION_SOURCES,
  RECTIFICATION_STATUSES,
  rectificationInputSchema,
  rectificationPlanSchema,
} from "./rectification/rectification.js";
export type { RectificationRuleCode } from "./rectification/rectification-rules.js";
export { RECTIFICATION_RULES } from "./rectification/rectification-rules.js";
export type { Region } from "./regions/region.js";
export { createRegion, isPoorVillage, regionCodeSchema, regionInputSchema } from "./regions/region.js";
export type { RegionCodeError, RegionCodeInfo, RegionLevel, TownshipKind } from "./regions/region-code.js";
export {
  countyOf,
  isWithinRegion,
  parseRegionCode,
  shortRegionCode,
  townshipOf,
} from "./regions/region-code.js";
export type { RegionRuleCode } from "./regions/region-rules.js";
export { REGION_RULES } from "./regions/region-rules.js";
export type { ReportOptions } from "./reports/as-of.js";
export type {
  CampaignFigure,
  CampaignReport,
  CampaignRow,
  FigureKind,
} from "./reports/campaign-report.js";
export {
  buildCampaignReport,
  CAMPAIGN_FIGURES,
  MONTHLY_CUMULATIVE_PAIRS,
} from "./reports/campaign-report.js";
export type {
  ConsistencyRule,
  MeasureDefinition,
  MeasureValue,
  MissingValueStrategy,
  RowRef,
  RowSource,
  RuleContext,
  RuleImportance,
  RuleOperator,
  RuleScope,
  RuleSide,
  RuleViolation,
  SubmissionMeta,
  ViolationSide,
} from "./reports/consistency.js";
export { compareValues, evaluateRules, RULE_OPERATORS } from "./reports/consistency.js";
export type { ReportDeadline, SyncDelivery, SyncFinding, SyncFindingCode } from "./reports/due-date.js";
export { lateSyncFinding, reportDueDate, SYNC_FINDING_CODES } from "./reports/due-date.js";
export type {
  HouseholdReport,
  HouseholdReportRow,
  IncomeLine,
  LinkageLine,
  PersonReportRow,
  SubsidyLine,
} from "./reports/household-report.js";
export { buildHouseholdReport } from "./reports/household-report.js";
export { MEASURES } from "./reports/measures.js";
export type { ReportHeader, ReportPeriod, ReportPeriodError } from "./reports/period.js";
export {
  formatReportPeriod,
  monthEnd,
  parseReportPeriod,
  periodEnd,
  periodStart,
  previousPeriod,
} from "./reports/period.js";
export type {
  AmountsBySource,
  DisbursementLine,
  ProjectReport,
  ProjectReportRow,
} from "./reports/project-report.js";
export { buildProjectReport } from "./reports/project-report.js";
export type { ReportDataset, ReportSet } from "./reports/report-set.js";
export { buildReportSet, reportRuleContext } from "./reports/report-set.js";
export type { ReportSetKey } from "./reports/rules.js";
export {
  blocksReport,
  CAMPAIGN_FIGURE_LABELS,
  CONSISTENCY_RULES,
  checkReportConsistency,
  ruleReports,
} from "./reports/rules.js";
export type { Responsibility } from "./responsibility/responsibility.js";
export {
  createResponsibility,
  isResponsibilityCurrent,
  RESPONSIBILITY_KINDS,
  responsibilityInputSchema,
} from "./responsibility/responsibility.js";
export type { ResponsibilityRuleCode } from "./responsibility/responsibility-rules.js";
export { RESPONSIBILITY_RULES } from "./responsibility/responsibility-rules.js";
export type { IsoDate } from "./shared/dates.js";
export {
  addDays,
  chinaDateOf,
  daysBetween,
  isIsoDate,
  isoDateSchema,
  yearOf,
  yearSchema,
} from "./shared/dates.js";
export { idSchema } from "./shared/ids.js";
export { parseInput, toFieldIssues } from "./shared/input.js";
export type { LedgerYears } from "./shared/ledger-years.js";
export { ledgerYears } from "./shared/ledger-years.js";
export type { Fen } from "./shared/money.js";
export { fenSchema, formatFenAsYuan, parseYuanToFen, toHalfWidth } from "./shared/money.js";
export type { DomainError, FieldIssue, Result } from "./shared/result.js";
export { domainError, err, ok, unwrap } from "./shared/result.js";
export type { Subsidy } from "./support/subsidy.js";
export { createSubsidy, SUBSIDY_KINDS, subsidyInputSchema } from "./support/subsidy.js";
export type { TechnicalService } from "./support/technical-service.js";
export {
  createTechnicalService,
  SERVICE_KINDS,
  technicalServiceInputSchema,
} from "./support/technical-service.js";
