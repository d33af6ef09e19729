import { randomUUID } from "node:crypto";
import { createLinkageYear } from "@fupin/domain";
import { builder } from "../../graphql/builder.js";
import { defineConnection } from "../../graphql/connection.js";
import { optional, reference } from "../../graphql/fields.js";
import { addListQuery, listFilter, match } from "../../graphql/list-query.js";
import { sqlWhere } from "../../graphql/read/sql.js";
import { LinkageRef, LinkageYearRef } from "../../graphql/refs.js";
import { BenefitKindEnum, LinkageModeEnum } from "../../graphql/schema/enums.js";
import { rechecksInItsWrite } from "../../graphql/write/one-statement.js";
import { enforceRules } from "../../graphql/write/rules.js";
import { compact, orFail, writeLedger } from "../../graphql/write/transaction.js";
import { linkageTable } from "./linkage.table.js";
import { linkageYearTable } from "./linkage-year.table.js";

LinkageYearRef.implement({
  description: "One year of a linkage: whether the household took part and what it actually received.",
  fields: (t) => ({
    recordId: t.exposeString("id", { description: "The record's ledger id." }),
    ...reference(t, "linkageId", LinkageRef),
    year: t.exposeInt("year", { description: "The year." }),
    tookPart: t.exposeBoolean("tookPart", { description: "Whether the household took part." }),
    receivedFen: t.exposeFloat("receivedFen", { description: "What it received, fen." }),
    benefitKind: t.expose("benefitKind", {
      type: BenefitKindEnum,
      nullable: true,
      description: "Kind of benefit.",
    }),
    ...optional(t, "investedFen", "Float", "The mode's basis: the sum invested (入股), fen, where recorded."),
    ...optional(t, "monthsWorked", "Float", "The mode's basis: months worked (务工), where recorded."),
    ...optional(t, "areaMu", "Float", "The mode's basis: land leased, in mu (亩), where recorded."),
    paymentDates: t.stringList({
      description: "The days the benefit was paid (YYYY-MM-DD), where recorded.",
      resolve: (y) => y.paymentDates ?? [],
    }),
  }),
});

addListQuery("linkageYears", {
  description: "Yearly linkage records of the households inside a region, in id order.",
  spec: linkageYearTable,
  connection: defineConnection("LinkageYear", LinkageYearRef, (y) => y.id, "linkage year"),
  filter: listFilter("LinkageYearFilter", {
    description: "Filter of yearly linkage records; every set field must match.",
    fields: {
      year: match.int("Only records of this year."),
      linkageId: match.string("Only records of this linkage."),
      tookPart: match.boolean("Only records where the household took part (or not)."),
      mode: match.enum(LinkageModeEnum, "Only records of linkages of this mode.", (v) =>
        sqlWhere("linkage_id IN (SELECT id FROM linkage WHERE mode = ?)", v),
      ),
    },
  }),
});

const LinkageYearInput = builder.inputType("LinkageYearInput", {
  description:
    "A linkage's participation and benefit for one year; replaces that year's record if there is one.",
  fields: (t) => ({
    id: t.string({ description: "Ledger id of a new record; generated when absent." }),
    linkageId: t.string({
      required: true,
      description: "Ledger id of the linkage (inside the caller's scope).",
    }),
    year: t.int({ required: true, description: "The year." }),
    tookPart: t.boolean({ required: true, description: "Whether the household took part." }),
    receivedFen: t.float({ required: true, description: "What it actually received, in whole fen." }),
    benefitKind: t.field({
      type: BenefitKindEnum,
      description: "Kind of benefit (required when something was received).",
    }),
    investedFen: t.float({ description: "The sum invested (入股), in whole fen, where recorded." }),
    monthsWorked: t.float({ description: "Months worked (务工), 0 to 12, where recorded." }),
    areaMu: t.float({ description: "Land leased, in mu (亩), where recorded." }),
    paymentDates: t.stringList({
      description: "The days the benefit was paid (YYYY-MM-DD), each in the year.",
    }),
  }),
});

builder.mutationField(rechecksInItsWrite("recordLinkageYear"), (t) =>
  t.field({
    type: LinkageYearRef,
    description:
      "Records a linkage's participation and benefit for a year (audited; replaces that year's record).",
    authScopes: { ledgerWrite: true },
    args: { input: t.arg({ type: LinkageYearInput, required: true, description: "The year's record." }) },
    resolve: (_root, args, ctx) =>
      writeLedger(ctx, async (w) => {
        const linkage = await w.lock(linkageTable, args.input.linkageId);
        const existing = await w.find(
          linkageYearTable,
          { linkageId: args.input.linkageId, year: args.input.year },
          "caller",
        );
        const id = existing[0]?.id ?? args.input.id ?? randomUUID();
        const record = orFail(createLinkageYear({ ...compact(args.input), id }));
        enforceRules(
          { countyCode: linkage.countyCode, linkages: [linkage.record], linkageYears: [record] },
          ["LEDGER.LINKAGE_YEAR_OUT_OF_RANGE"],
          [record.id],
        );
        if (existing[0]) {
          const before = await w.lock(linkageYearTable, id);
          await w.update(linkageYearTable, before, record);
        } else {
          await w.insert(linkageYearTable, record, linkage.regionCode);
        }
        return record;
      }),
  }),
);
