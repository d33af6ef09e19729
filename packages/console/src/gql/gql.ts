/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Viewer {\n    viewer { principalId kind regionCode permissions region { code name level } }\n  }\n": typeof types.ViewerDocument,
    "\n  query Regions($regionCode: String!, $level: String, $after: String) {\n    regions(regionCode: $regionCode, filter: { level: $level }, first: 100, after: $after) {\n      nodes { code name level parentCode }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.RegionsDocument,
    "\n  query Metrics($regionCode: String!, $year: Int) {\n    metrics(regionCode: $regionCode, year: $year) { code name unit value display target numerator denominator year }\n  }\n": typeof types.MetricsDocument,
    "\n  query FindingSummary($regionCode: String!, $year: Int) {\n    findingSummary(regionCode: $regionCode, year: $year) {\n      regionCode region { name } year total critical high medium low\n      byCode { code count severity }\n    }\n  }\n": typeof types.FindingSummaryDocument,
    "\n  query Findings($regionCode: String!, $year: Int) {\n    findings(regionCode: $regionCode, year: $year) {\n      code severity year message regionCode subjectType subjectId evidence\n    }\n  }\n": typeof types.FindingsDocument,
    "\n  query Rectifications($regionCode: String!, $after: String, $status: RectificationStatus) {\n    rectifications(regionCode: $regionCode, first: 100, after: $after, filter: { status: $status }) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes {\n        recordId townshipCode township { name } problem findingCode subjectId source responsiblePerson\n        foundDate deadline status closedDate\n        plan { roadmap milestones { id title due doneDate } }\n      }\n    }\n  }\n": typeof types.RectificationsDocument,
    "\n  mutation OpenRectification($input: RectificationInput!) {\n    openRectification(input: $input) { recordId status deadline }\n  }\n": typeof types.OpenRectificationDocument,
    "\n  mutation PlanRectification($id: String!, $plan: RectificationPlanInput!) {\n    planRectification(id: $id, plan: $plan) { recordId status plan { roadmap milestones { id title due doneDate } } }\n  }\n": typeof types.PlanRectificationDocument,
    "\n  mutation CloseRectification($id: String!, $date: String!) {\n    closeRectification(id: $id, date: $date) { recordId status closedDate }\n  }\n": typeof types.CloseRectificationDocument,
    "\n  query Households($regionCode: String!, $after: String, $filter: HouseholdFilter) {\n    households(regionCode: $regionCode, first: 50, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes {\n        recordId householdNumber povertyStatus attribute registeredYear exitYear\n        village { code name }\n        members { name relation }\n      }\n    }\n  }\n": typeof types.HouseholdsDocument,
    "\n  query Household($id: ID!) {\n    node(id: $id) {\n      ... on Household {\n        recordId householdNumber povertyStatus attribute mainCause registeredYear exitYear phone bankAccount\n        village { code name }\n        members { recordId name idNumber relation health education labourAbility }\n        industries { recordId year unitsStarted unitsSurvived debtFen industry { name } }\n        linkages {\n          recordId mode startYear endYear entity { name }\n          years { year tookPart benefitKind receivedFen }\n        }\n        subsidies { recordId date kind purpose amountFen }\n        helpers { recordId kind personName personPhone validFrom validTo }\n      }\n    }\n  }\n": typeof types.HouseholdDocument,
    "\n  query ReportPreview($profile: String!, $regionCode: String!, $period: String!) {\n    reportPreview(profile: $profile, regionCode: $regionCode, period: $period) {\n      errorCount warningCount\n      summary { profile regionCode period asOf rowCounts { name label value } totals { name label value } }\n      violations {\n        rule group importance message scopeKey operator\n        left { label value rows { source row recordIds } }\n        right { label value rows { source row recordIds } }\n      }\n    }\n  }\n": typeof types.ReportPreviewDocument,
    "\n  mutation SubmitReport($profile: String!, $regionCode: String!, $period: String!, $preparer: String!, $reviewer: String!) {\n    submitReport(profile: $profile, regionCode: $regionCode, period: $period, preparer: $preparer, reviewer: $reviewer) {\n      id payloadHash size\n    }\n  }\n": typeof types.SubmitReportDocument,
    "\n  query Submissions($regionCode: String!) {\n    submissions(regionCode: $regionCode, first: 100) {\n      totalCount\n      nodes { id profile regionCode period asOf preparer reviewer createdAt size payloadHash contentType }\n    }\n  }\n": typeof types.SubmissionsDocument,
    "\n  query SubmissionFile($regionCode: String!, $profile: String) {\n    submissions(regionCode: $regionCode, profile: $profile, first: 100) { nodes { id content contentType } }\n  }\n": typeof types.SubmissionFileDocument,
    "\n  mutation ImportLedger($file: Upload!, $dryRun: Boolean) {\n    importLedger(file: $file, dryRun: $dryRun) {\n      ok dryRun written shape rowsRead errorCount errorWorkbook skippedSheets\n      errors { sheet row column address value code message }\n      counts { kind created updated unchanged }\n    }\n  }\n": typeof types.ImportLedgerDocument,
    "\n  query Industries($regionCode: String!) {\n    industries(regionCode: $regionCode, first: 100) { nodes { code name } }\n  }\n": typeof types.IndustriesDocument,
    "\n  query SyncSchedules($regionCode: String!) {\n    syncSchedules(regionCode: $regionCode) { id profile regionCode cron timezone enabled nextRunAt preparer reviewer updatedAt }\n  }\n": typeof types.SyncSchedulesDocument,
    "\n  query SyncRuns($regionCode: String!, $status: SyncRunStatus) {\n    syncRuns(regionCode: $regionCode, status: $status, first: 100) {\n      totalCount\n      nodes {\n        id profile regionCode period status trigger attempts queuedAt startedAt finishedAt deliveredAt dueDate late\n        error rejectedRowCount submissionId\n      }\n    }\n  }\n": typeof types.SyncRunsDocument,
    "\n  mutation RerunSync($id: String!) {\n    rerunSync(id: $id) { id status }\n  }\n": typeof types.RerunSyncDocument,
};
const documents: Documents = {
    "\n  query Viewer {\n    viewer { principalId kind regionCode permissions region { code name level } }\n  }\n": types.ViewerDocument,
    "\n  query Regions($regionCode: String!, $level: String, $after: String) {\n    regions(regionCode: $regionCode, filter: { level: $level }, first: 100, after: $after) {\n      nodes { code name level parentCode }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.RegionsDocument,
    "\n  query Metrics($regionCode: String!, $year: Int) {\n    metrics(regionCode: $regionCode, year: $year) { code name unit value display target numerator denominator year }\n  }\n": types.MetricsDocument,
    "\n  query FindingSummary($regionCode: String!, $year: Int) {\n    findingSummary(regionCode: $regionCode, year: $year) {\n      regionCode region { name } year total critical high medium low\n      byCode { code count severity }\n    }\n  }\n": types.FindingSummaryDocument,
    "\n  query Findings($regionCode: String!, $year: Int) {\n    findings(regionCode: $regionCode, year: $year) {\n      code severity year message regionCode subjectType subjectId evidence\n    }\n  }\n": types.FindingsDocument,
    "\n  query Rectifications($regionCode: String!, $after: String, $status: RectificationStatus) {\n    rectifications(regionCode: $regionCode, first: 100, after: $after, filter: { status: $status }) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes {\n        recordId townshipCode township { name } problem findingCode subjectId source responsiblePerson\n        foundDate deadline status closedDate\n        plan { roadmap milestones { id title due doneDate } }\n      }\n    }\n  }\n": types.RectificationsDocument,
    "\n  mutation OpenRectification($input: RectificationInput!) {\n    openRectification(input: $input) { recordId status deadline }\n  }\n": types.OpenRectificationDocument,
    "\n  mutation PlanRectification($id: String!, $plan: RectificationPlanInput!) {\n    planRectification(id: $id, plan: $plan) { recordId status plan { roadmap milestones { id title due doneDate } } }\n  }\n": types.PlanRectificationDocument,
    "\n  mutation CloseRectification($id: String!, $date: String!) {\n    closeRectification(id: $id, date: $date) { recordId status closedDate }\n  }\n": types.CloseRectificationDocument,
    "\n  query Households($regionCode: String!, $after: String, $filter: HouseholdFilter) {\n    households(regionCode: $regionCode, first: 50, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes {\n        recordId householdNumber povertyStatus attribute registeredYear exitYear\n        village { code name }\n        members { name relation }\n      }\n    }\n  }\n": types.HouseholdsDocument,
    "\n  query Household($id: ID!) {\n    node(id: $id) {\n      ... on Household {\n        recordId householdNumber povertyStatus attribute mainCause registeredYear exitYear phone bankAccount\n        village { code name }\n        members { recordId name idNumber relation health education labourAbility }\n        industries { recordId year unitsStarted unitsSurvived debtFen industry { name } }\n        linkages {\n          recordId mode startYear endYear entity { name }\n          years { year tookPart benefitKind receivedFen }\n        }\n        subsidies { recordId date kind purpose amountFen }\n        helpers { recordId kind personName personPhone validFrom validTo }\n      }\n    }\n  }\n": types.HouseholdDocument,
    "\n  query ReportPreview($profile: String!, $regionCode: String!, $period: String!) {\n    reportPreview(profile: $profile, regionCode: $regionCode, period: $period) {\n      errorCount warningCount\n      summary { profile regionCode period asOf rowCounts { name label value } totals { name label value } }\n      violations {\n        rule group importance message scopeKey operator\n        left { label value rows { source row recordIds } }\n        right { label value rows { source row recordIds } }\n      }\n    }\n  }\n": types.ReportPreviewDocument,
    "\n  mutation SubmitReport($profile: String!, $regionCode: String!, $period: String!, $preparer: String!, $reviewer: String!) {\n    submitReport(profile: $profile, regionCode: $regionCode, period: $period, preparer: $preparer, reviewer: $reviewer) {\n      id payloadHash size\n    }\n  }\n": types.SubmitReportDocument,
    "\n  query Submissions($regionCode: String!) {\n    submissions(regionCode: $regionCode, first: 100) {\n      totalCount\n      nodes { id profile regionCode period asOf preparer reviewer createdAt size payloadHash contentType }\n    }\n  }\n": types.SubmissionsDocument,
    "\n  query SubmissionFile($regionCode: String!, $profile: String) {\n    submissions(regionCode: $regionCode, profile: $profile, first: 100) { nodes { id content contentType } }\n  }\n": types.SubmissionFileDocument,
    "\n  mutation ImportLedger($file: Upload!, $dryRun: Boolean) {\n    importLedger(file: $file, dryRun: $dryRun) {\n      ok dryRun written shape rowsRead errorCount errorWorkbook skippedSheets\n      errors { sheet row column address value code message }\n      counts { kind created updated unchanged }\n    }\n  }\n": types.ImportLedgerDocument,
    "\n  query Industries($regionCode: String!) {\n    industries(regionCode: $regionCode, first: 100) { nodes { code name } }\n  }\n": types.IndustriesDocument,
    "\n  query SyncSchedules($regionCode: String!) {\n    syncSchedules(regionCode: $regionCode) { id profile regionCode cron timezone enabled nextRunAt preparer reviewer updatedAt }\n  }\n": types.SyncSchedulesDocument,
    "\n  query SyncRuns($regionCode: String!, $status: SyncRunStatus) {\n    syncRuns(regionCode: $regionCode, status: $status, first: 100) {\n      totalCount\n      nodes {\n        id profile regionCode period status trigger attempts queuedAt startedAt finishedAt deliveredAt dueDate late\n        error rejectedRowCount submissionId\n      }\n    }\n  }\n": types.SyncRunsDocument,
    "\n  mutation RerunSync($id: String!) {\n    rerunSync(id: $id) { id status }\n  }\n": types.RerunSyncDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    viewer { principalId kind regionCode permissions region { code name level } }\n  }\n"): typeof import('./graphql').ViewerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Regions($regionCode: String!, $level: String, $after: String) {\n    regions(regionCode: $regionCode, filter: { level: $level }, first: 100, after: $after) {\n      nodes { code name level parentCode }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): typeof import('./graphql').RegionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Metrics($regionCode: String!, $year: Int) {\n    metrics(regionCode: $regionCode, year: $year) { code name unit value display target numerator denominator year }\n  }\n"): typeof import('./graphql').MetricsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FindingSummary($regionCode: String!, $year: Int) {\n    findingSummary(regionCode: $regionCode, year: $year) {\n      regionCode region { name } year total critical high medium low\n      byCode { code count severity }\n    }\n  }\n"): typeof import('./graphql').FindingSummaryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Findings($regionCode: String!, $year: Int) {\n    findings(regionCode: $regionCode, year: $year) {\n      code severity year message regionCode subjectType subjectId evidence\n    }\n  }\n"): typeof import('./graphql').FindingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Rectifications($regionCode: String!, $after: String, $status: RectificationStatus) {\n    rectifications(regionCode: $regionCode, first: 100, after: $after, filter: { status: $status }) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes {\n        recordId townshipCode township { name } problem findingCode subjectId source responsiblePerson\n        foundDate deadline status closedDate\n        plan { roadmap milestones { id title due doneDate } }\n      }\n    }\n  }\n"): typeof import('./graphql').RectificationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OpenRectification($input: RectificationInput!) {\n    openRectification(input: $input) { recordId status deadline }\n  }\n"): typeof import('./graphql').OpenRectificationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PlanRectification($id: String!, $plan: RectificationPlanInput!) {\n    planRectification(id: $id, plan: $plan) { recordId status plan { roadmap milestones { id title due doneDate } } }\n  }\n"): typeof import('./graphql').PlanRectificationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CloseRectification($id: String!, $date: String!) {\n    closeRectification(id: $id, date: $date) { recordId status closedDate }\n  }\n"): typeof import('./graphql').CloseRectificationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Households($regionCode: String!, $after: String, $filter: HouseholdFilter) {\n    households(regionCode: $regionCode, first: 50, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes {\n        recordId householdNumber povertyStatus attribute registeredYear exitYear\n        village { code name }\n        members { name relation }\n      }\n    }\n  }\n"): typeof import('./graphql').HouseholdsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Household($id: ID!) {\n    node(id: $id) {\n      ... on Household {\n        recordId householdNumber povertyStatus attribute mainCause registeredYear exitYear phone bankAccount\n        village { code name }\n        members { recordId name idNumber relation health education labourAbility }\n        industries { recordId year unitsStarted unitsSurvived debtFen industry { name } }\n        linkages {\n          recordId mode startYear endYear entity { name }\n          years { year tookPart benefitKind receivedFen }\n        }\n        subsidies { recordId date kind purpose amountFen }\n        helpers { recordId kind personName personPhone validFrom validTo }\n      }\n    }\n  }\n"): typeof import('./graphql').HouseholdDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReportPreview($profile: String!, $regionCode: String!, $period: String!) {\n    reportPreview(profile: $profile, regionCode: $regionCode, period: $period) {\n      errorCount warningCount\n      summary { profile regionCode period asOf rowCounts { name label value } totals { name label value } }\n      violations {\n        rule group importance message scopeKey operator\n        left { label value rows { source row recordIds } }\n        right { label value rows { source row recordIds } }\n      }\n    }\n  }\n"): typeof import('./graphql').ReportPreviewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitReport($profile: String!, $regionCode: String!, $period: String!, $preparer: String!, $reviewer: String!) {\n    submitReport(profile: $profile, regionCode: $regionCode, period: $period, preparer: $preparer, reviewer: $reviewer) {\n      id payloadHash size\n    }\n  }\n"): typeof import('./graphql').SubmitReportDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Submissions($regionCode: String!) {\n    submissions(regionCode: $regionCode, first: 100) {\n      totalCount\n      nodes { id profile regionCode period asOf preparer reviewer createdAt size payloadHash contentType }\n    }\n  }\n"): typeof import('./graphql').SubmissionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SubmissionFile($regionCode: String!, $profile: String) {\n    submissions(regionCode: $regionCode, profile: $profile, first: 100) { nodes { id content contentType } }\n  }\n"): typeof import('./graphql').SubmissionFileDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportLedger($file: Upload!, $dryRun: Boolean) {\n    importLedger(file: $file, dryRun: $dryRun) {\n      ok dryRun written shape rowsRead errorCount errorWorkbook skippedSheets\n      errors { sheet row column address value code message }\n      counts { kind created updated unchanged }\n    }\n  }\n"): typeof import('./graphql').ImportLedgerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Industries($regionCode: String!) {\n    industries(regionCode: $regionCode, first: 100) { nodes { code name } }\n  }\n"): typeof import('./graphql').IndustriesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SyncSchedules($regionCode: String!) {\n    syncSchedules(regionCode: $regionCode) { id profile regionCode cron timezone enabled nextRunAt preparer reviewer updatedAt }\n  }\n"): typeof import('./graphql').SyncSchedulesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SyncRuns($regionCode: String!, $status: SyncRunStatus) {\n    syncRuns(regionCode: $regionCode, status: $status, first: 100) {\n      totalCount\n      nodes {\n        id profile regionCode period status trigger attempts queuedAt startedAt finishedAt deliveredAt dueDate late\n        error rejectedRowCount submissionId\n      }\n    }\n  }\n"): typeof import('./graphql').SyncRunsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RerunSync($id: String!) {\n    rerunSync(id: $id) { id status }\n  }\n"): typeof import('./graphql').RerunSyncDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
