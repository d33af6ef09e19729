import {
  ACTIVITY_KINDS,
  BENEFIT_KINDS,
  CREDIT_KINDS,
  CREDIT_RETURN_KINDS,
  EDUCATION_LEVELS,
  ENTITY_KINDS,
  FUND_SOURCES,
  FUND_USE_CATEGORIES,
  HEALTH_STATES,
  HOUSEHOLD_ATTRIBUTES,
  IDENTIFICATION_STANDARDS,
  INDUSTRY_CATEGORIES,
  LABOUR_ABILITIES,
  LINKAGE_MODES,
  MONITORING_CATEGORIES,
  POVERTY_CAUSES,
  POVERTY_STATUSES,
  PROJECT_STAGES,
  RECTIFICATION_SOURCES,
  RECTIFICATION_STATUSES,
  RELATIONS,
  RESPONSIBILITY_KINDS,
  RISK_TYPES,
  SCHOOL_STATUSES,
  SERVICE_KINDS,
  SEVERITIES,
  SUBSIDY_KINDS,
  TRIAL_STATUSES,
} from "@fupin/domain";
import { builder } from "../builder.js";

function domainEnum<const V extends readonly string[]>(name: string, values: V, description: string) {
  return builder.enumType(name, {
    description,
    values: Object.fromEntries(
      values.map((v) => [v, { value: v, description: `Domain code \`${v}\`.` }]),
    ) as {
      [K in V[number]]: { value: K; description: string };
    },
  });
}

/** Enums of the domain's codes; values are the domain's English codes as stored. */
export const PovertyStatusEnum = domainEnum(
  "PovertyStatus",
  POVERTY_STATUSES,
  "贫困状态: in poverty, exited or relapsed.",
);
export const HouseholdAttributeEnum = domainEnum(
  "HouseholdAttribute",
  HOUSEHOLD_ATTRIBUTES,
  "贫困户属性 of a household.",
);
export const PovertyCauseEnum = domainEnum("PovertyCause", POVERTY_CAUSES, "致贫原因: a cause of poverty.");
export const IdentificationStandardEnum = domainEnum(
  "IdentificationStandard",
  IDENTIFICATION_STANDARDS,
  "识别标准: the standard a household was identified under.",
);
export const RelationEnum = domainEnum(
  "Relation",
  RELATIONS,
  "与户主关系: relation of a member to the head.",
);
export const EducationEnum = domainEnum("Education", EDUCATION_LEVELS, "文化程度 of a member.");
export const SchoolStatusEnum = domainEnum("SchoolStatus", SCHOOL_STATUSES, "在校生状况 of a member.");
export const HealthEnum = domainEnum("Health", HEALTH_STATES, "健康状况 of a member.");
export const LabourAbilityEnum = domainEnum("LabourAbility", LABOUR_ABILITIES, "劳动技能 of a member.");
export const IndustryCategoryEnum = domainEnum(
  "IndustryCategory",
  INDUSTRY_CATEGORIES,
  "Broad category of an industry.",
);
export const TrialStatusEnum = domainEnum(
  "TrialStatus",
  TRIAL_STATUSES,
  "试验试种 status of a village industry.",
);
export const EntityKindEnum = domainEnum("EntityKind", ENTITY_KINDS, "Kind of business entity (经营主体).");
export const ActivityKindEnum = domainEnum(
  "ActivityKind",
  ACTIVITY_KINDS,
  "Kind of an entity's activity evidence.",
);
export const LinkageModeEnum = domainEnum(
  "LinkageMode",
  LINKAGE_MODES,
  "利益联结方式: mode of a benefit linkage.",
);
export const BenefitKindEnum = domainEnum(
  "BenefitKind",
  BENEFIT_KINDS,
  "Kind of benefit received through a linkage.",
);
export const SubsidyKindEnum = domainEnum("SubsidyKind", SUBSIDY_KINDS, "Subsidy (补贴) or award (奖补).");
export const ServiceKindEnum = domainEnum(
  "ServiceKind",
  SERVICE_KINDS,
  "A technical service visit or training.",
);
export const FundSourceEnum = domainEnum("FundSource", FUND_SOURCES, "资金来源: source of a fund.");
export const FundUseCategoryEnum = domainEnum(
  "FundUseCategory",
  FUND_USE_CATEGORIES,
  "Category of a fund use.",
);
export const ProjectStageEnum = domainEnum(
  "ProjectStage",
  PROJECT_STAGES,
  "Stage of the county project library.",
);
export const ResponsibilityKindEnum = domainEnum(
  "ResponsibilityKind",
  RESPONSIBILITY_KINDS,
  "A township's fixed responsible person or a household's helper.",
);
export const RectificationSourceEnum = domainEnum(
  "RectificationSource",
  RECTIFICATION_SOURCES,
  "Where a rectified problem was found.",
);
export const RectificationStatusEnum = domainEnum(
  "RectificationStatus",
  RECTIFICATION_STATUSES,
  "Status of a rectification: open, planned or closed.",
);
export const MonitoringCategoryEnum = domainEnum(
  "MonitoringCategory",
  MONITORING_CATEGORIES,
  "监测对象类别 of relapse monitoring.",
);
export const RiskTypeEnum = domainEnum("RiskType", RISK_TYPES, "Risk type of relapse monitoring.");
export const SeverityEnum = domainEnum("Severity", SEVERITIES, "How serious a finding is.");
export const CreditKindEnum = domainEnum(
  "CreditKind",
  CREDIT_KINDS,
  "扶贫小额信贷 (a poverty microloan) or 到户资金 (a household-level fund).",
);
export const CreditReturnKindEnum = domainEnum(
  "CreditReturnKind",
  CREDIT_RETURN_KINDS,
  "What came back from a household's credit: a dividend (分红) or principal repaid (还本).",
);
