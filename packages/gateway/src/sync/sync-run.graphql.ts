import { chinaDateOf, lateSyncFinding } from "@fupin/domain";
import { GraphQLError } from "graphql";
import { builder } from "../graphql/builder.js";
import { defineConnection, firstSchema } from "../graphql/connection.js";
import { optional, preparedBy, reportKey, timestamp } from "../graphql/fields.js";
import { MAX_PAGE_SIZE } from "../graphql/limits-config.js";
import { requireRegion } from "../graphql/scope.js";
import { parseReportRequest } from "../reports/report-data.js";
import { SUBMITTED_PROFILES } from "../reports/report-submission.table.js";
import { SyncFindingType } from "./sync-finding.graphql.js";
import { listRuns, requireSync, runCursor, runInScope, type SyncRunWithRejections } from "./sync-queries.js";
import { SyncRejectedRowType } from "./sync-rejected-row.graphql.js";
import { SyncRunStatusEnum } from "./sync-run-status.graphql.js";
import { personSchema } from "./sync-schedule.graphql.js";
import { RERUNNABLE_STATUSES, requestSyncRun, rerunSyncRun } from "./sync-service.js";

/** The GraphQL type of a sync run. */
export const SyncRunType = builder.objectRef<SyncRunWithRejections>("SyncRun").implement({
  description: "One delivery of a report (profile, region, period) to its platform, and its history.",
  fields: (t) => ({
    id: t.exposeString("id", { description: "Run id (increasing in the order runs were asked for)." }),
    ...reportKey(t, "Report profile delivered."),
    trigger: t.exposeString("trigger", { description: "What asked for it: schedule or manual." }),
    status: t.expose("status", { type: SyncRunStatusEnum, description: "Where the run stands." }),
    attempts: t.exposeInt("attempts", { description: "Attempts started so far (a killed worker's counts)." }),
    requestedBy: t.exposeString("requestedBy", {
      description: "Key, CLI user or schedule that asked for it.",
    }),
    ...preparedBy(t),
    dueDate: t.exposeString("dueDate", {
      description: "The profile's deadline for this period (China date).",
    }),
    late: t.exposeBoolean("late", { description: "Whether it was delivered after its due date." }),
    lateFinding: t.field({
      type: SyncFindingType,
      nullable: true,
      description:
        "SYNC.LATE when delivered after the due date or still undelivered past it; null otherwise.",
      resolve: (r, _args, ctx) =>
        lateSyncFinding({
          ...r,
          runId: r.id,
          deliveredOn: r.deliveredAt ? chinaDateOf(r.deliveredAt) : null,
          today: chinaDateOf(ctx.now()),
        }),
    }),
    ...optional(
      t,
      "submissionId",
      "String",
      "The frozen submission it delivers (see `submissions`); null until frozen.",
    ),
    ...optional(t, "error", "String", "The last attempt's error (never a credential)."),
    violations: t.string({
      nullable: true,
      description:
        "Error-level consistency violations that blocked it, as JSON (rule, scopeKey, left, right, message).",
      resolve: (r) => (r.violations == null ? null : JSON.stringify(r.violations)),
    }),
    rectificationIds: t.stringList({
      description: "Rectifications opened for the townships when it was blocked.",
      resolve: (r) => r.rectificationIds ?? [],
    }),
    rejectedRowCount: t.exposeInt("rejectedRowCount", { description: "Rows the platform refused." }),
    rejectedRows: t.field({
      type: [SyncRejectedRowType],
      description: "The first 100 rows the platform refused, by sheet, batch and row.",
      resolve: (r) => r.rejectedRows,
    }),
    ...timestamp(t, "queuedAt", "When it was asked for (ISO 8601)."),
    ...timestamp(t, "startedAt", "When its first attempt started.", true),
    ...timestamp(t, "finishedAt", "When it ended (delivered, blocked, failed, dead).", true),
    ...timestamp(t, "deliveredAt", "When its last receipt came.", true),
  }),
});

const SyncRunConnection = defineConnection("SyncRun", SyncRunType, (r) => r.id, "sync run", {
  cursor: runCursor,
  order: "newest first",
});

builder.queryField("syncRuns", (t) =>
  t.field({
    type: SyncRunConnection,
    description:
      "The sync runs of a region (inside the caller's scope) and the regions under it, newest first.",
    authScopes: { ledgerRead: true },
    args: {
      regionCode: t.arg.string({
        required: true,
        description: "Region whose runs to list (and its subregions').",
      }),
      status: t.arg({ type: SyncRunStatusEnum, description: "Only runs in this status." }),
      first: t.arg.int({ description: `Page size (at most ${MAX_PAGE_SIZE}).`, validate: firstSchema }),
      after: t.arg.string({ description: "Cursor of the last run already read." }),
    },
    complexity: (args) => ({ field: 1, multiplier: args.first ?? 20 }),
    resolve: (_root, args, ctx) => listRuns(ctx, args),
  }),
);

builder.mutationField("rerunSync", (t) =>
  t.field({
    type: SyncRunType,
    description: `Queues a ${RERUNNABLE_STATUSES.join(", ")} run again (same submission and idempotency keys when it was frozen); audited.`,
    authScopes: { reportsSubmit: true },
    args: { id: t.arg.string({ required: true, description: "Id of the run." }) },
    resolve: async (_root, args, ctx) => {
      const before = await runInScope(ctx, args.id);
      const sync = requireSync(ctx);
      const run = await rerunSyncRun(ctx.services.sql, sync, before.id, async (tx) => {
        await ctx.services.audit.append(
          [
            {
              principalId: ctx.principal!.id,
              action: "update",
              entityType: "sync_run",
              entityId: before.id,
              countyCode: before.countyCode,
              before: { status: before.status },
              after: { status: "queued" },
              requestId: ctx.requestId,
              at: ctx.now(),
            },
          ],
          tx.client,
        );
      });
      if (!run)
        throw new GraphQLError(
          `sync run ${before.id} is ${before.status}: only ${RERUNNABLE_STATUSES.join(", ")} runs are rerun`,
          {
            extensions: { code: "SYNC.NOT_RERUNNABLE" },
          },
        );
      return runInScope(ctx, run.id);
    },
  }),
);

/** What `runSyncNow` answers: the run of the report and whether this call asked for it. */
interface RunSyncNowResult {
  readonly run: SyncRunWithRejections;
  readonly created: boolean;
}

const RunSyncNowPayload = builder.objectRef<RunSyncNowResult>("RunSyncNowPayload").implement({
  description: "The run of a report asked for now, new or the one that already existed.",
  fields: (t) => ({
    run: t.field({
      type: SyncRunType,
      description: "The run of (profile, region, period).",
      resolve: (p) => p.run,
    }),
    created: t.exposeBoolean("created", {
      description: "True when this call queued it; false when the report already had a run (nothing queued).",
    }),
  }),
});

builder.mutationField("runSyncNow", (t) =>
  t.field({
    type: RunSyncNowPayload,
    description:
      "Delivers a report now (as `pnpm fupin sync` does): queues the run of (profile, region, period) for the workers. Idempotent: a report that already has a run gets that run back and nothing is queued (`rerunSync` requeues a failed one). Region inside the caller's scope; audited.",
    authScopes: { reportsSubmit: true },
    args: {
      profile: t.arg.string({
        required: true,
        description: `Report profile: ${SUBMITTED_PROFILES.join(", ")}.`,
      }),
      regionCode: t.arg.string({
        required: true,
        description: "Region reported (inside the caller's scope).",
      }),
      period: t.arg.string({ required: true, description: "Period: 2025 for a year, 2025-03 for a month." }),
      preparer: t.arg.string({
        required: true,
        description: "Who prepared the report (专人).",
        validate: personSchema,
      }),
      reviewer: t.arg.string({ required: true, description: "Who reviewed it.", validate: personSchema }),
    },
    resolve: async (_root, args, ctx) => {
      parseReportRequest(args.profile, args.period);
      const regionCode = requireRegion(ctx, args.regionCode);
      const { run, created } = await requestSyncRun(
        ctx.services.sql,
        requireSync(ctx),
        {
          profile: args.profile,
          regionCode,
          period: args.period,
          trigger: "manual",
          requestedBy: ctx.principal!.id,
          preparer: args.preparer,
          reviewer: args.reviewer,
          requestId: ctx.requestId,
        },
        ctx.now(),
      );
      return { run: await runInScope(ctx, run.id), created };
    },
  }),
);
