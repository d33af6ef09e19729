import { GraphQLError } from "graphql";
import { hasPermission } from "../auth/principal.js";
import { DEFAULT_MAX_UPLOAD_BYTES } from "../config.js";
import { builder } from "../graphql/builder.js";
import { optional } from "../graphql/fields.js";
import { principalRegion } from "../graphql/scope.js";
import { auditRefusal, refuseWhenTooManyFailed } from "../graphql/write/conflicts.js";
import { ImportScopeError, importLedgerFile, type LedgerImportOutcome } from "./import-ledger.js";
import { ImportRowErrorType } from "./import-row-error.graphql.js";
import { LedgerImportCountType } from "./ledger-import-count.graphql.js";
import { UploadScalar } from "./upload.graphql.js";

const ERRORS_SHOWN = 1000;

const LedgerImportResultType = builder.objectRef<LedgerImportOutcome>("LedgerImportResult").implement({
  description:
    "What `importLedger` did: with errors nothing was written and `errors` says where; without, `counts` says what was (or, in a dry run, would be) written.",
  fields: (t) => ({
    ok: t.exposeBoolean("ok", { description: "Whether the file has no error." }),
    dryRun: t.exposeBoolean("dryRun", {
      description: "Whether this was a dry run (nothing written either way).",
    }),
    written: t.exposeBoolean("written", {
      description: "Whether the records were written (ok and not a dry run).",
    }),
    ...optional(
      t,
      "shape",
      "String",
      "roster (the national person roster, 人口名单) or ledger (fupin's own workbook); null when unreadable.",
    ),
    rowsRead: t.exposeInt("rowsRead", { description: "Data rows read from the file." }),
    errorCount: t.int({ description: "How many errors the file has.", resolve: (r) => r.errors.length }),
    errors: t.field({
      type: [ImportRowErrorType],
      description: `The errors in sheet and row order, the first ${ERRORS_SHOWN} (errorWorkbook lists them all).`,
      resolve: (r) => r.errors.slice(0, ERRORS_SHOWN),
    }),
    counts: t.field({
      type: [LedgerImportCountType],
      description: "Per record kind, what the file creates, updates or leaves unchanged (empty with errors).",
      resolve: (r) => (r.ok ? r.counts : []),
    }),
    skippedSheets: t.exposeStringList("skippedSheets", { description: "Hidden sheets, not read." }),
    sha256: t.exposeString("sha256", {
      description: "sha256 of the uploaded bytes, hex (also in the audit entry).",
    }),
    errorWorkbook: t.string({
      nullable: true,
      complexity: 50,
      description:
        "The error workbook, base64 xlsx: the uploaded workbook with each bad cell filled red and its message as a note, and a sheet 错误清单 listing every error. Null when there is no error or the file could not be read.",
      resolve: async (r) => (await r.errorWorkbook())?.toString("base64") ?? null,
    }),
  }),
});

builder.mutationField("importLedger", (t) =>
  t.field({
    type: LedgerImportResultType,
    description:
      "Imports a ledger workbook (xlsx or CSV: the national person roster 人口名单, or the ledger workbook `fupin export --profile ledger` writes) into the caller's county, sent as a GraphQL multipart request. Every row goes through the domain's input schemas and rules; rows outside the caller's region, duplicates (in the file and against the ledger) and broken ledger rules are row errors; for a key without personal:read, a conflict with records outside its scope is one CONFLICT for the whole file (audited, counted as a failed write), and a dry run does not report it. A file with any error changes nothing; a clean one is written in one transaction, audited per record and as a whole. Needs ledger:write and a key scoped to a county or below.",
    authScopes: { ledgerWrite: true },
    args: {
      file: t.arg({ type: UploadScalar, required: true, description: "The workbook (multipart file part)." }),
      dryRun: t.arg.boolean({
        description: "Check the file and report the counts without writing (default false).",
      }),
    },
    resolve: async (_root, args, ctx) => {
      const regionCode = principalRegion(ctx);
      const principal = ctx.principal!;
      const dryRun = args.dryRun ?? false;
      if (!dryRun) await refuseWhenTooManyFailed(ctx, principal.id);
      const bytes = new Uint8Array(await args.file.arrayBuffer());
      try {
        const outcome = await importLedgerFile(
          ctx.services.sql,
          bytes,
          {
            principalId: principal.id,
            regionCode,
            requestId: ctx.requestId,
            now: ctx.now(),
            readsPersonal: hasPermission(principal, "personal:read"),
          },
          {
            fileName: args.file.name || "upload.xlsx",
            dryRun,
            maxBytes: ctx.services.uploads?.maxBytes ?? DEFAULT_MAX_UPLOAD_BYTES,
          },
        );
        const hidden = outcome.refusedAcrossScopes ?? [];
        if (hidden.length > 0) await auditRefusal(ctx, principal.id, { importCodes: hidden, dryRun });
        if (!outcome.ok && !dryRun) await ctx.services.failedWrites.count(principal.id);
        return outcome;
      } catch (e) {
        if (e instanceof ImportScopeError)
          throw new GraphQLError(e.message, { extensions: { code: e.code } });
        throw e;
      }
    },
  }),
);
