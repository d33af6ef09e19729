import { randomUUID } from "node:crypto";
import { createCreditReturn } from "@fupin/domain";
import { builder } from "../../graphql/builder.js";
import { defineConnection } from "../../graphql/connection.js";
import { reference } from "../../graphql/fields.js";
import { addListQuery, listFilter, match } from "../../graphql/list-query.js";
import { dateInYear } from "../../graphql/read/sql.js";
import { CreditReturnRef, HouseholdCreditRef } from "../../graphql/refs.js";
import { CreditReturnKindEnum } from "../../graphql/schema/enums.js";
import { rechecksInItsWrite } from "../../graphql/write/one-statement.js";
import { enforceRules } from "../../graphql/write/rules.js";
import { compact, orFail, writeLedger } from "../../graphql/write/transaction.js";
import { creditReturnTable } from "./credit-return.table.js";
import { householdCreditTable } from "./household-credit.table.js";

CreditReturnRef.implement({
  description: "What came back to a household from its credit on one day: a dividend or principal repaid.",
  fields: (t) => ({
    recordId: t.exposeString("id", { description: "The record's ledger id." }),
    ...reference(t, "creditId", HouseholdCreditRef, { what: "household credit" }),
    date: t.exposeString("date", { description: "The day it was paid (YYYY-MM-DD)." }),
    kind: t.expose("kind", { type: CreditReturnKindEnum, description: "Dividend or principal repaid." }),
    amountFen: t.exposeFloat("amountFen", { description: "Amount, fen." }),
  }),
});

addListQuery("creditReturns", {
  description: "What came back to the households inside a region from their credit, in id order.",
  spec: creditReturnTable,
  connection: defineConnection("CreditReturn", CreditReturnRef, (r) => r.id, "credit return"),
  filter: listFilter("CreditReturnFilter", {
    description: "Filter of credit returns; every set field must match.",
    fields: {
      year: match.int("Only returns paid in this year.", (v) => dateInYear("date", v)),
      kind: match.enum(CreditReturnKindEnum, "Only returns of this kind."),
      creditId: match.string("Only returns of this credit."),
    },
  }),
});

const CreditReturnInput = builder.inputType("CreditReturnInput", {
  description:
    "A dividend or repayment paid to a household from its credit; validated by the domain's schema.",
  fields: (t) => ({
    id: t.string({ description: "Ledger id; generated when absent." }),
    creditId: t.string({
      required: true,
      description: "Ledger id of the household credit (inside the caller's scope).",
    }),
    date: t.string({
      required: true,
      description: "The day it was paid (YYYY-MM-DD), not before the credit.",
    }),
    kind: t.field({
      type: CreditReturnKindEnum,
      required: true,
      description: "Dividend or principal repaid.",
    }),
    amountFen: t.float({ required: true, description: "Amount in whole fen (more than zero)." }),
  }),
});

builder.mutationField(rechecksInItsWrite("recordCreditReturn"), (t) =>
  t.field({
    type: CreditReturnRef,
    description: "Records what came back to a household from its credit (audited).",
    authScopes: { ledgerWrite: true },
    args: { input: t.arg({ type: CreditReturnInput, required: true, description: "The return." }) },
    resolve: (_root, args, ctx) =>
      writeLedger(ctx, async (w) => {
        const record = orFail(
          createCreditReturn({ ...compact(args.input), id: args.input.id ?? randomUUID() }),
        );
        const credit = await w.lock(householdCreditTable, record.creditId);
        enforceRules(
          { countyCode: credit.countyCode, credits: [credit.record], creditReturns: [record] },
          ["LEDGER.CREDIT_RETURN_BEFORE_PLACEMENT"],
          [record.id],
        );
        await w.insert(creditReturnTable, record, credit.regionCode);
        return record;
      }),
  }),
);
