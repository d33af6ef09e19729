import { FINDING_CODES, type Finding } from "@fupin/domain";
import { z } from "zod";
import { assessedRegionYear, assessmentArgs } from "../assessed-year.js";
import { builder } from "../builder.js";
import { bilingualMessage } from "../fields.js";
import { ASSESSMENT_COMPLEXITY } from "../limits-config.js";
import { SeverityEnum } from "./enums.js";

const FindingType = builder.objectRef<Finding>("Finding").implement({
  description: "A problem the speech names, found in the ledger, with the records that make it true.",
  fields: (t) => ({
    code: t.exposeString("code", { description: "Finding code, e.g. LINKAGE.FAKE." }),
    severity: t.expose("severity", { type: SeverityEnum, description: "How serious the finding is." }),
    year: t.exposeInt("year", { description: "The year assessed." }),
    regionCode: t.exposeString("regionCode", {
      description: "The township of the subject, or the county code for county-level subjects.",
    }),
    subjectType: t.exposeString("subjectType", { description: "household, entity, linkage, township, …" }),
    subjectId: t.exposeString("subjectId", { description: "Ledger id (or region code) of the subject." }),
    evidence: t.exposeStringList("evidence", { description: "Ledger ids of the records that make it true." }),
    ...bilingualMessage(t, "What was found"),
  }),
});

const codesSchema = z
  .array(z.enum(FINDING_CODES, { error: `must be one of ${FINDING_CODES.join(", ")}` }))
  .max(FINDING_CODES.length);

builder.queryField("findings", (t) =>
  t.field({
    type: [FindingType],
    description:
      "Findings of a region (inside the caller's scope) for a year, most severe first; only the given codes when set.",
    authScopes: { ledgerRead: true },
    complexity: ASSESSMENT_COMPLEXITY.findings,
    args: {
      ...assessmentArgs(t.arg, "assessed", "county, township or village"),
      codes: t.arg.stringList({ description: "Only findings with these codes.", validate: codesSchema }),
    },
    resolve: async (_root, args, ctx) => {
      const { regionCode, year } = assessedRegionYear(ctx, args);
      const findings = await ctx.services.assessment.findings(ctx, regionCode, year);
      if (!args.codes) return findings;
      const codes = new Set(args.codes);
      return findings.filter((f) => codes.has(f.code));
    },
  }),
);
