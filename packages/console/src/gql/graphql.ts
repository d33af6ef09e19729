/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** Kind of benefit received through a linkage. */
export type BenefitKind =
  /** Domain code `cash`. */
  | 'cash'
  /** Domain code `dividend`. */
  | 'dividend'
  /** Domain code `in_kind`. */
  | 'in_kind'
  /** Domain code `purchase_payment`. */
  | 'purchase_payment'
  /** Domain code `rent`. */
  | 'rent'
  /** Domain code `wage`. */
  | 'wage';

/** 文化程度 of a member. */
export type Education =
  /** Domain code `college`. */
  | 'college'
  /** Domain code `junior`. */
  | 'junior'
  /** Domain code `none`. */
  | 'none'
  /** Domain code `primary`. */
  | 'primary'
  /** Domain code `senior`. */
  | 'senior'
  /** Domain code `vocational`. */
  | 'vocational';

/** 健康状况 of a member. */
export type Health =
  /** Domain code `chronic_illness`. */
  | 'chronic_illness'
  /** Domain code `disabled`. */
  | 'disabled'
  /** Domain code `healthy`. */
  | 'healthy'
  /** Domain code `serious_illness`. */
  | 'serious_illness';

/** 贫困户属性 of a household. */
export type HouseholdAttribute =
  /** Domain code `extreme_poverty_support`. */
  | 'extreme_poverty_support'
  /** Domain code `ordinary`. */
  | 'ordinary'
  /** Domain code `subsistence_allowance`. */
  | 'subsistence_allowance';

/** Filter of households; every set field must match. */
export type HouseholdFilter = {
  /** Only households with this attribute. */
  attribute?: HouseholdAttribute | null | undefined;
  /** Only households that exited poverty in this year. */
  exitYear?: number | null | undefined;
  /** Only the household with this number. */
  householdNumber?: string | null | undefined;
  /** Only households with an outcome record in this industry. */
  industryId?: string | null | undefined;
  /** With industryId: only outcome records of this year. */
  industryYear?: number | null | undefined;
  /** Only households with a linkage of this mode. */
  linkageMode?: LinkageMode | null | undefined;
  /** Only households with this main cause. */
  mainCause?: PovertyCause | null | undefined;
  /** Only households under relapse monitoring now (true) or not (false). */
  monitored?: boolean | null | undefined;
  /** Only households with a member (the head or any other) whose name contains this text (1–50 characters after trimming, no digits: never an ID number or phone). Needs only ledger:read: names are not masked (ID numbers, phones and bank accounts are) and every match lies in the caller's scope, so the search answers nothing the caller could not read by paging. Should names ever be masked, this filter must require personal:read. */
  name?: string | null | undefined;
  /** Only households with this status. */
  povertyStatus?: PovertyStatus | null | undefined;
  /** Only households registered in this year. */
  registeredYear?: number | null | undefined;
  /** Only households of villages under this code (township or village). */
  villageCode?: string | null | undefined;
};

/** 劳动技能 of a member. */
export type LabourAbility =
  /** Domain code `lost`. */
  | 'lost'
  /** Domain code `none`. */
  | 'none'
  /** Domain code `ordinary`. */
  | 'ordinary'
  /** Domain code `skilled`. */
  | 'skilled';

/** 利益联结方式: mode of a benefit linkage. */
export type LinkageMode =
  /** Domain code `asset_income`. */
  | 'asset_income'
  /** Domain code `employment`. */
  | 'employment'
  /** Domain code `entrusted_raising`. */
  | 'entrusted_raising'
  /** Domain code `equity_dividend`. */
  | 'equity_dividend'
  /** Domain code `land_lease`. */
  | 'land_lease'
  /** Domain code `order_purchase`. */
  | 'order_purchase';

/** 致贫原因: a cause of poverty. */
export type PovertyCause =
  /** Domain code `disability`. */
  | 'disability'
  /** Domain code `disaster`. */
  | 'disaster'
  /** Domain code `illness`. */
  | 'illness'
  /** Domain code `lack_of_drive`. */
  | 'lack_of_drive'
  /** Domain code `lack_of_funds`. */
  | 'lack_of_funds'
  /** Domain code `lack_of_labour`. */
  | 'lack_of_labour'
  /** Domain code `lack_of_land`. */
  | 'lack_of_land'
  /** Domain code `lack_of_skills`. */
  | 'lack_of_skills'
  /** Domain code `lack_of_water`. */
  | 'lack_of_water'
  /** Domain code `other`. */
  | 'other'
  /** Domain code `poor_transport`. */
  | 'poor_transport'
  /** Domain code `schooling`. */
  | 'schooling';

/** 贫困状态: in poverty, exited or relapsed. */
export type PovertyStatus =
  /** Domain code `exited`. */
  | 'exited'
  /** Domain code `in_poverty`. */
  | 'in_poverty'
  /** Domain code `relapsed`. */
  | 'relapsed';

/** A problem to rectify, opened in a township; validated by the domain's rectification schema. */
export type RectificationInput = {
  /** Deadline (YYYY-MM-DD). */
  deadline: string;
  /** Code of the finding behind it. */
  findingCode?: string | null | undefined;
  /** Date found (YYYY-MM-DD). */
  foundDate: string;
  /** Ledger id; generated when absent. */
  id?: string | null | undefined;
  /** The problem. */
  problem: string;
  /** Responsible person. */
  responsiblePerson: string;
  /** Where it was found. */
  source: RectificationSource;
  /** Ledger id of the subject. */
  subjectId?: string | null | undefined;
  /** Township code (9 digits, inside the caller's scope). */
  townshipCode: string;
};

/** A milestone of a rectification timetable. */
export type RectificationMilestoneInput = {
  /** Date done (absent: pending). */
  doneDate?: string | null | undefined;
  /** Due date (YYYY-MM-DD). */
  due: string;
  /** Id of the milestone; generated when absent. */
  id?: string | null | undefined;
  /** What is to be done. */
  title: string;
};

/** A rectification plan: its timetable (时间表) and roadmap (路线图). */
export type RectificationPlanInput = {
  /** The timetable. */
  milestones: Array<RectificationMilestoneInput>;
  /** The roadmap. */
  roadmap: string;
};

/** Where a rectified problem was found. */
export type RectificationSource =
  /** Domain code `check`. */
  | 'check'
  /** Domain code `finding`. */
  | 'finding'
  /** Domain code `inspection`. */
  | 'inspection';

/** Status of a rectification: open, planned or closed. */
export type RectificationStatus =
  /** Domain code `closed`. */
  | 'closed'
  /** Domain code `open`. */
  | 'open'
  /** Domain code `planned`. */
  | 'planned';

/** 与户主关系: relation of a member to the head. */
export type Relation =
  /** Domain code `child`. */
  | 'child'
  /** Domain code `child_in_law`. */
  | 'child_in_law'
  /** Domain code `grandchild`. */
  | 'grandchild'
  /** Domain code `grandparent`. */
  | 'grandparent'
  /** Domain code `head`. */
  | 'head'
  /** Domain code `other`. */
  | 'other'
  /** Domain code `parent`. */
  | 'parent'
  /** Domain code `sibling`. */
  | 'sibling'
  /** Domain code `spouse`. */
  | 'spouse';

/** A township's fixed responsible person or a household's helper. */
export type ResponsibilityKind =
  /** Domain code `household_helper`. */
  | 'household_helper'
  /** Domain code `township_fixed_person`. */
  | 'township_fixed_person'
  /** Domain code `village_responsible_person`. */
  | 'village_responsible_person';

/** How serious a finding is. */
export type Severity =
  /** Domain code `critical`. */
  | 'critical'
  /** Domain code `high`. */
  | 'high'
  /** Domain code `low`. */
  | 'low'
  /** Domain code `medium`. */
  | 'medium';

/** Subsidy (补贴) or award (奖补). */
export type SubsidyKind =
  /** Domain code `award`. */
  | 'award'
  /** Domain code `subsidy`. */
  | 'subsidy';

/** Where a sync run stands. */
export type SyncRunStatus =
  /** Error-level consistency violations: nothing was frozen or sent; rectifications opened. */
  | 'blocked'
  /** Retries exhausted (dead letter): can be rerun. */
  | 'dead'
  /** Every batch (or the file) was delivered and its receipt kept. */
  | 'delivered'
  /** Refused for good (a 4xx, or a transport set up wrong): not retried; can be rerun. */
  | 'failed'
  /** Waiting for a worker. */
  | 'queued'
  /** An attempt failed; it will be retried with backoff. */
  | 'retrying'
  /** A worker is building, freezing or delivering it. */
  | 'running';

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { viewer: { principalId: string, kind: string, regionCode: string, permissions: Array<string>, region: { code: string, name: string, level: string } | null } };

export type RegionsQueryVariables = Exact<{
  regionCode: string;
  level?: string | null | undefined;
  after?: string | null | undefined;
}>;


export type RegionsQuery = { regions: { nodes: Array<{ code: string, name: string, level: string, parentCode: string | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type MetricsQueryVariables = Exact<{
  regionCode: string;
  year?: number | null | undefined;
}>;


export type MetricsQuery = { metrics: Array<{ code: string, name: string | null, unit: string, value: number | null, display: string, target: number | null, numerator: number, denominator: number, year: number }> };

export type FindingSummaryQueryVariables = Exact<{
  regionCode: string;
  year?: number | null | undefined;
}>;


export type FindingSummaryQuery = { findingSummary: Array<{ regionCode: string, year: number, total: number, critical: number, high: number, medium: number, low: number, region: { name: string } | null, byCode: Array<{ code: string, count: number, severity: Severity }> }> };

export type FindingsQueryVariables = Exact<{
  regionCode: string;
  year?: number | null | undefined;
}>;


export type FindingsQuery = { findings: Array<{ code: string, severity: Severity, year: number, message: string, regionCode: string, subjectType: string, subjectId: string, evidence: Array<string> }> };

export type RectificationsQueryVariables = Exact<{
  regionCode: string;
  after?: string | null | undefined;
  status?: RectificationStatus | null | undefined;
}>;


export type RectificationsQuery = { rectifications: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ recordId: string, townshipCode: string, problem: string, findingCode: string | null, subjectId: string | null, source: RectificationSource, responsiblePerson: string, foundDate: string, deadline: string, status: RectificationStatus, closedDate: string | null, township: { name: string } | null, plan: { roadmap: string, milestones: Array<{ id: string, title: string, due: string, doneDate: string | null }> } | null }> } };

export type OpenRectificationMutationVariables = Exact<{
  input: RectificationInput;
}>;


export type OpenRectificationMutation = { openRectification: { recordId: string, status: RectificationStatus, deadline: string } };

export type PlanRectificationMutationVariables = Exact<{
  id: string;
  plan: RectificationPlanInput;
}>;


export type PlanRectificationMutation = { planRectification: { recordId: string, status: RectificationStatus, plan: { roadmap: string, milestones: Array<{ id: string, title: string, due: string, doneDate: string | null }> } | null } };

export type CloseRectificationMutationVariables = Exact<{
  id: string;
  date: string;
}>;


export type CloseRectificationMutation = { closeRectification: { recordId: string, status: RectificationStatus, closedDate: string | null } };

export type HouseholdsQueryVariables = Exact<{
  regionCode: string;
  after?: string | null | undefined;
  filter?: HouseholdFilter | null | undefined;
}>;


export type HouseholdsQuery = { households: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ recordId: string, householdNumber: string, povertyStatus: PovertyStatus, attribute: HouseholdAttribute, registeredYear: number, exitYear: number | null, village: { code: string, name: string } | null, members: Array<{ name: string, relation: Relation }> }> } };

export type HouseholdQueryVariables = Exact<{
  id: string | number;
}>;


export type HouseholdQuery = { node:
    | { recordId: string, householdNumber: string, povertyStatus: PovertyStatus, attribute: HouseholdAttribute, mainCause: PovertyCause, registeredYear: number, exitYear: number | null, phone: string | null, bankAccount: string | null, village: { code: string, name: string } | null, members: Array<{ recordId: string, name: string, idNumber: string, relation: Relation, health: Health, education: Education, labourAbility: LabourAbility }>, industries: Array<{ recordId: string, year: number, unitsStarted: number, unitsSurvived: number, debtFen: number, industry: { name: string } | null }>, linkages: Array<{ recordId: string, mode: LinkageMode, startYear: number, endYear: number | null, entity: { name: string } | null, years: Array<{ year: number, tookPart: boolean, benefitKind: BenefitKind | null, receivedFen: number }> }>, subsidies: Array<{ recordId: string, date: string, kind: SubsidyKind, purpose: string, amountFen: number }>, helpers: Array<{ recordId: string, kind: ResponsibilityKind, personName: string, personPhone: string | null, validFrom: string, validTo: string | null }> }
    | Record<PropertyKey, never>
   | null };

export type ReportPreviewQueryVariables = Exact<{
  profile: string;
  regionCode: string;
  period: string;
}>;


export type ReportPreviewQuery = { reportPreview: { errorCount: number, warningCount: number, summary: { profile: string, regionCode: string, period: string, asOf: string, rowCounts: Array<{ name: string, label: string, value: number }>, totals: Array<{ name: string, label: string, value: number }> }, violations: Array<{ rule: string, group: string, importance: string, message: string, scopeKey: string, operator: string, left: { label: string, value: number | null, rows: Array<{ source: string, row: string, recordIds: Array<string> }> }, right: { label: string, value: number | null, rows: Array<{ source: string, row: string, recordIds: Array<string> }> } }> } };

export type SubmitReportMutationVariables = Exact<{
  profile: string;
  regionCode: string;
  period: string;
  preparer: string;
  reviewer: string;
}>;


export type SubmitReportMutation = { submitReport: { id: string, payloadHash: string, size: number } };

export type SubmissionsQueryVariables = Exact<{
  regionCode: string;
}>;


export type SubmissionsQuery = { submissions: { totalCount: number, nodes: Array<{ id: string, profile: string, regionCode: string, period: string, asOf: string, preparer: string, reviewer: string, createdAt: string, size: number, payloadHash: string, contentType: string }> } };

export type SubmissionFileQueryVariables = Exact<{
  regionCode: string;
  profile?: string | null | undefined;
}>;


export type SubmissionFileQuery = { submissions: { nodes: Array<{ id: string, content: string, contentType: string }> } };

export type ImportLedgerMutationVariables = Exact<{
  file: File;
  dryRun?: boolean | null | undefined;
}>;


export type ImportLedgerMutation = { importLedger: { ok: boolean, dryRun: boolean, written: boolean, shape: string | null, rowsRead: number, errorCount: number, errorWorkbook: string | null, skippedSheets: Array<string>, errors: Array<{ sheet: string, row: number, column: string, address: string | null, value: string, code: string, message: string }>, counts: Array<{ kind: string, created: number, updated: number, unchanged: number }> } };

export type IndustriesQueryVariables = Exact<{
  regionCode: string;
}>;


export type IndustriesQuery = { industries: { nodes: Array<{ code: string, name: string }> } };

export type SyncSchedulesQueryVariables = Exact<{
  regionCode: string;
}>;


export type SyncSchedulesQuery = { syncSchedules: Array<{ id: string, profile: string, regionCode: string, cron: string, timezone: string, enabled: boolean, nextRunAt: string | null, preparer: string, reviewer: string, updatedAt: string }> };

export type SyncRunsQueryVariables = Exact<{
  regionCode: string;
  status?: SyncRunStatus | null | undefined;
}>;


export type SyncRunsQuery = { syncRuns: { totalCount: number, nodes: Array<{ id: string, profile: string, regionCode: string, period: string, status: SyncRunStatus, trigger: string, attempts: number, queuedAt: string, startedAt: string | null, finishedAt: string | null, deliveredAt: string | null, dueDate: string, late: boolean, error: string | null, rejectedRowCount: number, submissionId: string | null }> } };

export type RerunSyncMutationVariables = Exact<{
  id: string;
}>;


export type RerunSyncMutation = { rerunSync: { id: string, status: SyncRunStatus } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const ViewerDocument = new TypedDocumentString(`
    query Viewer {
  viewer {
    principalId
    kind
    regionCode
    permissions
    region {
      code
      name
      level
    }
  }
}
    `) as unknown as TypedDocumentString<ViewerQuery, ViewerQueryVariables>;
export const RegionsDocument = new TypedDocumentString(`
    query Regions($regionCode: String!, $level: String, $after: String) {
  regions(
    regionCode: $regionCode
    filter: {level: $level}
    first: 100
    after: $after
  ) {
    nodes {
      code
      name
      level
      parentCode
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<RegionsQuery, RegionsQueryVariables>;
export const MetricsDocument = new TypedDocumentString(`
    query Metrics($regionCode: String!, $year: Int) {
  metrics(regionCode: $regionCode, year: $year) {
    code
    name
    unit
    value
    display
    target
    numerator
    denominator
    year
  }
}
    `) as unknown as TypedDocumentString<MetricsQuery, MetricsQueryVariables>;
export const FindingSummaryDocument = new TypedDocumentString(`
    query FindingSummary($regionCode: String!, $year: Int) {
  findingSummary(regionCode: $regionCode, year: $year) {
    regionCode
    region {
      name
    }
    year
    total
    critical
    high
    medium
    low
    byCode {
      code
      count
      severity
    }
  }
}
    `) as unknown as TypedDocumentString<FindingSummaryQuery, FindingSummaryQueryVariables>;
export const FindingsDocument = new TypedDocumentString(`
    query Findings($regionCode: String!, $year: Int) {
  findings(regionCode: $regionCode, year: $year) {
    code
    severity
    year
    message
    regionCode
    subjectType
    subjectId
    evidence
  }
}
    `) as unknown as TypedDocumentString<FindingsQuery, FindingsQueryVariables>;
export const RectificationsDocument = new TypedDocumentString(`
    query Rectifications($regionCode: String!, $after: String, $status: RectificationStatus) {
  rectifications(
    regionCode: $regionCode
    first: 100
    after: $after
    filter: {status: $status}
  ) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      recordId
      townshipCode
      township {
        name
      }
      problem
      findingCode
      subjectId
      source
      responsiblePerson
      foundDate
      deadline
      status
      closedDate
      plan {
        roadmap
        milestones {
          id
          title
          due
          doneDate
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RectificationsQuery, RectificationsQueryVariables>;
export const OpenRectificationDocument = new TypedDocumentString(`
    mutation OpenRectification($input: RectificationInput!) {
  openRectification(input: $input) {
    recordId
    status
    deadline
  }
}
    `) as unknown as TypedDocumentString<OpenRectificationMutation, OpenRectificationMutationVariables>;
export const PlanRectificationDocument = new TypedDocumentString(`
    mutation PlanRectification($id: String!, $plan: RectificationPlanInput!) {
  planRectification(id: $id, plan: $plan) {
    recordId
    status
    plan {
      roadmap
      milestones {
        id
        title
        due
        doneDate
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PlanRectificationMutation, PlanRectificationMutationVariables>;
export const CloseRectificationDocument = new TypedDocumentString(`
    mutation CloseRectification($id: String!, $date: String!) {
  closeRectification(id: $id, date: $date) {
    recordId
    status
    closedDate
  }
}
    `) as unknown as TypedDocumentString<CloseRectificationMutation, CloseRectificationMutationVariables>;
export const HouseholdsDocument = new TypedDocumentString(`
    query Households($regionCode: String!, $after: String, $filter: HouseholdFilter) {
  households(regionCode: $regionCode, first: 50, after: $after, filter: $filter) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      recordId
      householdNumber
      povertyStatus
      attribute
      registeredYear
      exitYear
      village {
        code
        name
      }
      members {
        name
        relation
      }
    }
  }
}
    `) as unknown as TypedDocumentString<HouseholdsQuery, HouseholdsQueryVariables>;
export const HouseholdDocument = new TypedDocumentString(`
    query Household($id: ID!) {
  node(id: $id) {
    ... on Household {
      recordId
      householdNumber
      povertyStatus
      attribute
      mainCause
      registeredYear
      exitYear
      phone
      bankAccount
      village {
        code
        name
      }
      members {
        recordId
        name
        idNumber
        relation
        health
        education
        labourAbility
      }
      industries {
        recordId
        year
        unitsStarted
        unitsSurvived
        debtFen
        industry {
          name
        }
      }
      linkages {
        recordId
        mode
        startYear
        endYear
        entity {
          name
        }
        years {
          year
          tookPart
          benefitKind
          receivedFen
        }
      }
      subsidies {
        recordId
        date
        kind
        purpose
        amountFen
      }
      helpers {
        recordId
        kind
        personName
        personPhone
        validFrom
        validTo
      }
    }
  }
}
    `) as unknown as TypedDocumentString<HouseholdQuery, HouseholdQueryVariables>;
export const ReportPreviewDocument = new TypedDocumentString(`
    query ReportPreview($profile: String!, $regionCode: String!, $period: String!) {
  reportPreview(profile: $profile, regionCode: $regionCode, period: $period) {
    errorCount
    warningCount
    summary {
      profile
      regionCode
      period
      asOf
      rowCounts {
        name
        label
        value
      }
      totals {
        name
        label
        value
      }
    }
    violations {
      rule
      group
      importance
      message
      scopeKey
      operator
      left {
        label
        value
        rows {
          source
          row
          recordIds
        }
      }
      right {
        label
        value
        rows {
          source
          row
          recordIds
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ReportPreviewQuery, ReportPreviewQueryVariables>;
export const SubmitReportDocument = new TypedDocumentString(`
    mutation SubmitReport($profile: String!, $regionCode: String!, $period: String!, $preparer: String!, $reviewer: String!) {
  submitReport(
    profile: $profile
    regionCode: $regionCode
    period: $period
    preparer: $preparer
    reviewer: $reviewer
  ) {
    id
    payloadHash
    size
  }
}
    `) as unknown as TypedDocumentString<SubmitReportMutation, SubmitReportMutationVariables>;
export const SubmissionsDocument = new TypedDocumentString(`
    query Submissions($regionCode: String!) {
  submissions(regionCode: $regionCode, first: 100) {
    totalCount
    nodes {
      id
      profile
      regionCode
      period
      asOf
      preparer
      reviewer
      createdAt
      size
      payloadHash
      contentType
    }
  }
}
    `) as unknown as TypedDocumentString<SubmissionsQuery, SubmissionsQueryVariables>;
export const SubmissionFileDocument = new TypedDocumentString(`
    query SubmissionFile($regionCode: String!, $profile: String) {
  submissions(regionCode: $regionCode, profile: $profile, first: 100) {
    nodes {
      id
      content
      contentType
    }
  }
}
    `) as unknown as TypedDocumentString<SubmissionFileQuery, SubmissionFileQueryVariables>;
export const ImportLedgerDocument = new TypedDocumentString(`
    mutation ImportLedger($file: Upload!, $dryRun: Boolean) {
  importLedger(file: $file, dryRun: $dryRun) {
    ok
    dryRun
    written
    shape
    rowsRead
    errorCount
    errorWorkbook
    skippedSheets
    errors {
      sheet
      row
      column
      address
      value
      code
      message
    }
    counts {
      kind
      created
      updated
      unchanged
    }
  }
}
    `) as unknown as TypedDocumentString<ImportLedgerMutation, ImportLedgerMutationVariables>;
export const IndustriesDocument = new TypedDocumentString(`
    query Industries($regionCode: String!) {
  industries(regionCode: $regionCode, first: 100) {
    nodes {
      code
      name
    }
  }
}
    `) as unknown as TypedDocumentString<IndustriesQuery, IndustriesQueryVariables>;
export const SyncSchedulesDocument = new TypedDocumentString(`
    query SyncSchedules($regionCode: String!) {
  syncSchedules(regionCode: $regionCode) {
    id
    profile
    regionCode
    cron
    timezone
    enabled
    nextRunAt
    preparer
    reviewer
    updatedAt
  }
}
    `) as unknown as TypedDocumentString<SyncSchedulesQuery, SyncSchedulesQueryVariables>;
export const SyncRunsDocument = new TypedDocumentString(`
    query SyncRuns($regionCode: String!, $status: SyncRunStatus) {
  syncRuns(regionCode: $regionCode, status: $status, first: 100) {
    totalCount
    nodes {
      id
      profile
      regionCode
      period
      status
      trigger
      attempts
      queuedAt
      startedAt
      finishedAt
      deliveredAt
      dueDate
      late
      error
      rejectedRowCount
      submissionId
    }
  }
}
    `) as unknown as TypedDocumentString<SyncRunsQuery, SyncRunsQueryVariables>;
export const RerunSyncDocument = new TypedDocumentString(`
    mutation RerunSync($id: String!) {
  rerunSync(id: $id) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<RerunSyncMutation, RerunSyncMutationVariables>;