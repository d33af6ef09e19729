import { randomUUID } from "node:crypto";
import { createFundDisbursement } from "@fupin/domain";
import { builder } from "../../graphql/builder.js";
import { defineConnection } from "../../graphql/connection.js";
import { reference } from "../../graphql/fields.js";
import { addListQuery, listFilter, match } from "../../graphql/list-query.js";
import { dateInYear } from "../../graphql/read/sql.js";
import { FundDisbursementRef, FundRef, ProjectRef } from "../../graphql/refs.js";
import { rechecksInItsWrite } from "../../graphql/write/one-statement.js";
import { compact, orFail, writeLedger } from "../../graphql/write/transaction.js";
import { projectTable } from "../projects/project.table.js";
import { fundTable } from "./fund.table.js";
import { fundDisbursementTable } from "./fund-disbursement.table.js";

FundDisbursementRef.implement({
  description: "拨付: money of a fund paid out on a day, to a project or not; its source is the fund's.",
  fields: (t) => ({
    recordId: t.exposeString("id", { description: "The record's ledger id." }),
    ...reference(t, "fundId", FundRef, { inScope: true }),
    ...reference(t, "projectId", ProjectRef, { nullable: true }),
    date: t.exposeString("date", { description: "The day it was paid (YYYY-MM-DD)." }),
    amountFen: t.exposeFloat("amountFen", { description: "Amount, fen." }),
    payee: t.exposeString("payee", { description: "Who was paid, where recorded." }),
  }),
});

addListQuery("fundDisbursements", {
  description: "Disbursements of the funds inside a region, in id order.",
  spec: fundDisbursementTable,
  connection: defineConnection("FundDisbursement", FundDisbursementRef, (d) => d.id, "fund disbursement"),
  filter: listFilter("FundDisbursementFilter", {
    description: "Filter of disbursements; every set field must match.",
    fields: {
      year: match.int("Only disbursements paid in this year.", (v) => dateInYear("date", v)),
      fundId: match.string("Only disbursements of this fund."),
      projectId: match.string("Only disbursements to this project."),
    },
  }),
});

const FundDisbursementInput = builder.inputType("FundDisbursementInput", {
  description: "Money of a fund paid out on a day; validated by the domain's disbursement schema.",
  fields: (t) => ({
    id: t.string({ description: "Ledger id; generated when absent." }),
    fundId: t.string({ required: true, description: "Ledger id of the fund (inside the caller's scope)." }),
    projectId: t.string({ description: "Ledger id of the project (inside the caller's scope)." }),
    date: t.string({ required: true, description: "The day it was paid (YYYY-MM-DD)." }),
    amountFen: t.float({ required: true, description: "Amount in whole fen (more than zero)." }),
    payee: t.string({ description: "Who was paid." }),
  }),
});

builder.mutationField(rechecksInItsWrite("recordFundDisbursement"), (t) =>
  t.field({
    type: FundDisbursementRef,
    description:
      "Records money of a fund paid out inside the caller's scope, before a project's approval too: the finding PROJECT.DISBURSED_BEFORE_APPROVAL judges that (audited).",
    authScopes: { ledgerWrite: true },
    args: {
      input: t.arg({ type: FundDisbursementInput, required: true, description: "The disbursement." }),
    },
    resolve: (_root, args, ctx) =>
      writeLedger(ctx, async (w) => {
        const record = orFail(
          createFundDisbursement({ ...compact(args.input), id: args.input.id ?? randomUUID() }),
        );
        const fund = await w.lock(fundTable, record.fundId);
        if (record.projectId !== null) await w.lock(projectTable, record.projectId);
        // Filed under its fund, as fund uses are; the project only has to be in scope.
        await w.insert(fundDisbursementTable, record, fund.regionCode);
        return record;
      }),
  }),
);
