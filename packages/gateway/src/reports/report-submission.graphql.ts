import { GraphQLError } from "graphql";
import { z } from "zod";
import { builder } from "../graphql/builder.js";
import { defineConnection, firstSchema } from "../graphql/connection.js";
import { preparedBy, reportKey, timestamp } from "../graphql/fields.js";
import { MAX_PAGE_SIZE } from "../graphql/limits-config.js";
import { requestState } from "../graphql/request-state.js";
import { REPORT_ARGS } from "./report-args.js";
import {
  listSubmissions,
  type SubmissionView,
  submissionContent,
  submissionCursor,
  submitReport,
} from "./submissions.js";

const ReportSubmissionType = builder.objectRef<SubmissionView>("ReportSubmission").implement({
  description: "A submitted report, frozen: never changed, its file fetched again byte for byte.",
  fields: (t) => ({
    id: t.exposeString("id", { description: "Submission id (increasing in the order of submission)." }),
    ...reportKey(t, "Report profile submitted."),
    asOf: t.exposeString("asOf", { description: "Date every figure of the file is as of." }),
    ...preparedBy(t),
    payloadHash: t.exposeString("payloadHash", { description: "sha256 of the file's bytes, hex." }),
    contentType: t.exposeString("contentType", { description: "MIME type of the file." }),
    size: t.exposeInt("size", { description: "Size of the file in bytes." }),
    principalId: t.exposeString("principalId", { description: "Key or token subject that submitted it." }),
    ...timestamp(t, "createdAt", "When it was submitted (ISO 8601)."),
    content: t.string({
      description:
        "The file exactly as frozen, base64. It holds personal data unmasked: needs personal:read, and the read is audited.",
      authScopes: { personalRead: true },
      complexity: 50,
      resolve: async (s, _args, ctx) => {
        const state = requestState(ctx);
        if (!state.auditArmed) {
          throw new GraphQLError("report files are only served when personal reads are audited", {
            extensions: { code: "FORBIDDEN" },
          });
        }
        const bytes = await submissionContent(ctx, s.id);
        const ids = state.personalReads.get("report_submission") ?? new Set<string>();
        ids.add(s.id);
        state.personalReads.set("report_submission", ids);
        return bytes.toString("base64");
      },
    }),
  }),
});

const SubmissionConnectionType = defineConnection(
  "ReportSubmission",
  ReportSubmissionType,
  (s) => s.id,
  "report submission",
  { cursor: submissionCursor, order: "oldest first" },
);

const personSchema = z
  .string()
  .trim()
  .min(1, { error: "must not be empty" })
  .max(50, { error: "must be at most 50 characters" });

builder.queryField("submissions", (t) =>
  t.field({
    type: SubmissionConnectionType,
    description:
      "Reports submitted for a region (inside the caller's scope) and the regions under it, oldest first.",
    authScopes: { ledgerRead: true },
    args: {
      regionCode: t.arg.string({
        required: true,
        description: "Region whose submissions to list (and its subregions').",
      }),
      profile: t.arg.string({ description: "Only submissions of this profile." }),
      first: t.arg.int({ description: `Page size (at most ${MAX_PAGE_SIZE}).`, validate: firstSchema }),
      after: t.arg.string({ description: "Cursor of the last submission already read." }),
    },
    complexity: (args) => ({ field: 1, multiplier: args.first ?? 20 }),
    resolve: (_root, args, ctx) => listSubmissions(ctx, args),
  }),
);

builder.mutationField("submitReport", (t) =>
  t.field({
    type: ReportSubmissionType,
    description:
      "Freezes a report of a region for a period: refused (REPORT.CONSISTENCY_ERRORS) on any error-level rule violation; otherwise the profile's xlsx is stored with its sha256 and audited.",
    authScopes: { reportsSubmit: true },
    complexity: 100,
    args: {
      ...REPORT_ARGS,
      preparer: t.arg.string({
        required: true,
        description: "Who prepared the report (专人).",
        validate: personSchema,
      }),
      reviewer: t.arg.string({ required: true, description: "Who reviewed it.", validate: personSchema }),
    },
    resolve: (_root, args, ctx) => submitReport(ctx, args),
  }),
);
