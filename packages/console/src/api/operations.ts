import { graphql } from "../gql";

/** The caller's scope and permissions. */
export const ViewerQuery = graphql(`
  query Viewer {
    viewer { principalId kind regionCode permissions region { code name level } }
  }
`);

/** Townships (or villages) directly under a region. */
export const RegionsQuery = graphql(`
  query Regions($regionCode: String!, $level: String, $after: String) {
    regions(regionCode: $regionCode, filter: { level: $level }, first: 100, after: $after) {
      nodes { code name level parentCode }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

/** A region's metrics for a year. */
export const MetricsQuery = graphql(`
  query Metrics($regionCode: String!, $year: Int) {
    metrics(regionCode: $regionCode, year: $year) { code name unit value display target numerator denominator year }
  }
`);

/** The township x problem tally of a region's findings for a year. */
export const FindingSummaryQuery = graphql(`
  query FindingSummary($regionCode: String!, $year: Int) {
    findingSummary(regionCode: $regionCode, year: $year) {
      regionCode region { name } year total critical high medium low
      byCode { code count severity }
    }
  }
`);

/** A region's findings for a year, most severe first. */
export const FindingsQuery = graphql(`
  query Findings($regionCode: String!, $year: Int) {
    findings(regionCode: $regionCode, year: $year) {
      code severity year message regionCode subjectType subjectId evidence
    }
  }
`);

/** Rectifications of the townships in a region. */
export const RectificationsQuery = graphql(`
  query Rectifications($regionCode: String!, $after: String, $status: RectificationStatus) {
    rectifications(regionCode: $regionCode, first: 100, after: $after, filter: { status: $status }) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        recordId townshipCode township { name } problem findingCode subjectId source responsiblePerson
        foundDate deadline status closedDate
        plan { roadmap milestones { id title due doneDate } }
      }
    }
  }
`);

/** Opens a rectification from a finding. */
export const OpenRectificationMutation = graphql(`
  mutation OpenRectification($input: RectificationInput!) {
    openRectification(input: $input) { recordId status deadline }
  }
`);

/** Gives a rectification its plan, or ticks milestones. */
export const PlanRectificationMutation = graphql(`
  mutation PlanRectification($id: String!, $plan: RectificationPlanInput!) {
    planRectification(id: $id, plan: $plan) { recordId status plan { roadmap milestones { id title due doneDate } } }
  }
`);

/** Closes a rectification whose milestones are done. */
export const CloseRectificationMutation = graphql(`
  mutation CloseRectification($id: String!, $date: String!) {
    closeRectification(id: $id, date: $date) { recordId status closedDate }
  }
`);

/** A page of households. */
export const HouseholdsQuery = graphql(`
  query Households($regionCode: String!, $after: String, $filter: HouseholdFilter) {
    households(regionCode: $regionCode, first: 50, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        recordId householdNumber povertyStatus attribute registeredYear exitYear
        village { code name }
        members { name relation }
      }
    }
  }
`);

/** One household with everything the ledger holds about it. */
export const HouseholdQuery = graphql(`
  query Household($id: ID!) {
    node(id: $id) {
      ... on Household {
        recordId householdNumber povertyStatus attribute mainCause registeredYear exitYear phone bankAccount
        village { code name }
        members { recordId name idNumber relation health education labourAbility }
        industries { recordId year unitsStarted unitsSurvived debtFen industry { name } }
        linkages {
          recordId mode startYear endYear entity { name }
          years { year tookPart benefitKind receivedFen }
        }
        subsidies { recordId date kind purpose amountFen }
        helpers { recordId kind personName personPhone validFrom validTo }
      }
    }
  }
`);

/** A report as it would be submitted now. */
export const ReportPreviewQuery = graphql(`
  query ReportPreview($profile: String!, $regionCode: String!, $period: String!) {
    reportPreview(profile: $profile, regionCode: $regionCode, period: $period) {
      errorCount warningCount
      summary { profile regionCode period asOf rowCounts { name label value } totals { name label value } }
      violations {
        rule group importance message scopeKey operator
        left { label value rows { source row recordIds } }
        right { label value rows { source row recordIds } }
      }
    }
  }
`);

/** Freezes a report. */
export const SubmitReportMutation = graphql(`
  mutation SubmitReport($profile: String!, $regionCode: String!, $period: String!, $preparer: String!, $reviewer: String!) {
    submitReport(profile: $profile, regionCode: $regionCode, period: $period, preparer: $preparer, reviewer: $reviewer) {
      id payloadHash size
    }
  }
`);

/** Past submissions, without their files. */
export const SubmissionsQuery = graphql(`
  query Submissions($regionCode: String!) {
    submissions(regionCode: $regionCode, first: 100) {
      totalCount
      nodes { id profile regionCode period asOf preparer reviewer createdAt size payloadHash contentType }
    }
  }
`);

/** One past submission's file, byte for byte (needs personal:read; audited). */
export const SubmissionFileQuery = graphql(`
  query SubmissionFile($regionCode: String!, $profile: String) {
    submissions(regionCode: $regionCode, profile: $profile, first: 100) { nodes { id content contentType } }
  }
`);

/** Checks (dry run) or imports a roster or ledger workbook. */
export const ImportLedgerMutation = graphql(`
  mutation ImportLedger($file: Upload!, $dryRun: Boolean) {
    importLedger(file: $file, dryRun: $dryRun) {
      ok dryRun written shape rowsRead errorCount errorWorkbook skippedSheets
      errors { sheet row column address value code message }
      counts { kind created updated unchanged }
    }
  }
`);

/** The county's industry catalogue: names of the per-industry metrics. */
export const IndustriesQuery = graphql(`
  query Industries($regionCode: String!) {
    industries(regionCode: $regionCode, first: 100) { nodes { code name } }
  }
`);

/** Scheduled deliveries of a region's reports. */
export const SyncSchedulesQuery = graphql(`
  query SyncSchedules($regionCode: String!) {
    syncSchedules(regionCode: $regionCode) { id profile regionCode cron timezone enabled nextRunAt preparer reviewer updatedAt }
  }
`);

/** Delivery runs of a region, newest first as the gateway lists them. */
export const SyncRunsQuery = graphql(`
  query SyncRuns($regionCode: String!, $status: SyncRunStatus) {
    syncRuns(regionCode: $regionCode, status: $status, first: 100) {
      totalCount
      nodes {
        id profile regionCode period status trigger attempts queuedAt startedAt finishedAt deliveredAt dueDate late
        error rejectedRowCount submissionId
      }
    }
  }
`);

/** Runs a failed delivery again. */
export const RerunSyncMutation = graphql(`
  mutation RerunSync($id: String!) {
    rerunSync(id: $id) { id status }
  }
`);
