import { z } from "zod";
import { builder } from "../graphql/builder.js";
import { badUserInput } from "../graphql/errors.js";
import { timestamp } from "../graphql/fields.js";
import { requireRegion } from "../graphql/scope.js";
import { SUBMITTED_PROFILES } from "../reports/report-submission.table.js";
import { cronProblem, nextTick, type SyncScheduleView, saveSchedule } from "./schedules.js";
import { listSchedules, requireSync } from "./sync-queries.js";

/** The GraphQL type of a sync schedule. */
export const SyncScheduleType = builder.objectRef<SyncScheduleView>("SyncSchedule").implement({
  description: "When a profile's report of a region is delivered: a cron in China time (Asia/Shanghai).",
  fields: (t) => ({
    id: t.exposeString("id", { description: "Schedule id." }),
    profile: t.exposeString("profile", { description: "Report profile delivered." }),
    regionCode: t.exposeString("regionCode", { description: "Region reported." }),
    cron: t.exposeString("cron", {
      description: "Five-field cron (minute hour day month weekday), in `timezone`.",
    }),
    timezone: t.exposeString("timezone", { description: "Time zone of the cron: Asia/Shanghai." }),
    enabled: t.exposeBoolean("enabled", { description: "Whether the schedule fires." }),
    preparer: t.exposeString("preparer", { description: "Who prepares the scheduled reports (专人)." }),
    reviewer: t.exposeString("reviewer", { description: "Who reviews them." }),
    nextRunAt: t.string({
      nullable: true,
      description: "When it fires next (ISO 8601); null when disabled.",
      resolve: (s, _args, ctx) => (s.enabled ? nextTick(s.cron, ctx.now()).toISOString() : null),
    }),
    updatedBy: t.exposeString("updatedBy", { description: "Key or token subject that last set it." }),
    ...timestamp(t, "updatedAt", "When it was last set (ISO 8601)."),
  }),
});

/** A preparer or reviewer as an argument: a trimmed name of 1–50 characters. */
export const personSchema = z
  .string()
  .trim()
  .min(1, { error: "must not be empty" })
  .max(50, { error: "must be at most 50 characters" });

builder.queryField("syncSchedules", (t) =>
  t.field({
    type: [SyncScheduleType],
    description: "The sync schedules of a region (inside the caller's scope) and the regions under it.",
    authScopes: { ledgerRead: true },
    args: {
      regionCode: t.arg.string({
        required: true,
        description: "Region whose schedules to list (and its subregions').",
      }),
    },
    resolve: (_root, args, ctx) => listSchedules(ctx, args.regionCode),
  }),
);

builder.mutationField("setSyncSchedule", (t) =>
  t.field({
    type: SyncScheduleType,
    description:
      "Creates or replaces the schedule of a profile and region (inside the caller's scope); the cron is in China time. Audited.",
    authScopes: { reportsSubmit: true },
    args: {
      profile: t.arg.string({
        required: true,
        description: "Report profile: province-households, city-projects or city-campaign.",
      }),
      regionCode: t.arg.string({ required: true, description: "Region reported (county or township)." }),
      cron: t.arg.string({
        required: true,
        description: "Five-field cron in China time, e.g. `0 9 1 * *` (09:00 on the 1st).",
      }),
      preparer: t.arg.string({
        required: true,
        description: "Who prepares the reports (专人).",
        validate: personSchema,
      }),
      reviewer: t.arg.string({ required: true, description: "Who reviews them.", validate: personSchema }),
      enabled: t.arg.boolean({ description: "Whether it fires (default true)." }),
    },
    resolve: async (_root, args, ctx) => {
      if (!(SUBMITTED_PROFILES as readonly string[]).includes(args.profile))
        throw badUserInput([{ path: "profile", message: `must be one of ${SUBMITTED_PROFILES.join(", ")}` }]);
      const regionCode = requireRegion(ctx, args.regionCode);
      const problem = cronProblem(args.cron);
      if (problem) throw badUserInput([{ path: "cron", message: problem }]);
      const input = {
        profile: args.profile,
        regionCode,
        cron: args.cron,
        enabled: args.enabled ?? true,
        preparer: args.preparer,
        reviewer: args.reviewer,
        updatedBy: ctx.principal!.id,
      };
      return saveSchedule(ctx.services.sql, requireSync(ctx), input, ctx.now(), async (tx, before, after) => {
        const { updatedAt: _a, ...image } = after;
        await ctx.services.audit.append(
          [
            {
              principalId: ctx.principal!.id,
              action: before ? "update" : "create",
              entityType: "sync_schedule",
              entityId: after.id,
              countyCode: after.countyCode,
              before: before ? { ...before, updatedAt: before.updatedAt.toISOString() } : null,
              after: image,
              requestId: ctx.requestId,
              at: ctx.now(),
            },
          ],
          tx.client,
        );
      });
    },
  }),
);
