import { randomUUID } from "node:crypto";
import { createSubsidy } from "@fupin/domain";
import { builder } from "../../graphql/builder.js";
import { defineConnection } from "../../graphql/connection.js";
import { reference } from "../../graphql/fields.js";
import { addListQuery, listFilter, match } from "../../graphql/list-query.js";
import { dateInYear } from "../../graphql/read/sql.js";
import { FundRef, HouseholdRef, IndustryRef, SubsidyRef } from "../../graphql/refs.js";
import { SubsidyKindEnum } from "../../graphql/schema/enums.js";
import { rechecksInItsWrite } from "../../graphql/write/one-statement.js";
import { compact, orFail, writeLedger } from "../../graphql/write/transaction.js";
import { fundTable } from "../funds/fund.table.js";
import { householdTable } from "../households/household.table.js";
import { industryTable } from "../industries/industry.table.js";
import { subsidyTable } from "./subsidy.table.js";

SubsidyRef.implement({
  description: "奖补: a subsidy or award paid to a household.",
  fields: (t) => ({
    recordId: t.exposeString("id", { description: "The record's ledger id." }),
    ...reference(t, "householdId", HouseholdRef),
    date: t.exposeString("date", { description: "Date paid (YYYY-MM-DD)." }),
    kind: t.expose("kind", { type: SubsidyKindEnum, description: "Subsidy or award." }),
    amountFen: t.exposeFloat("amountFen", { description: "Amount, fen." }),
    ...reference(t, "industryId", IndustryRef, { nullable: true }),
    ...reference(t, "fundId", FundRef, {
      what: "fund paid from",
      record: "The fund, inside the caller's scope.",
      nullable: true,
    }),
    purpose: t.exposeString("purpose", { description: "Purpose." }),
  }),
});

addListQuery("subsidies", {
  description: "Subsidies and awards to the households inside a region, in id order.",
  spec: subsidyTable,
  connection: defineConnection("Subsidy", SubsidyRef, (s) => s.id, "subsidy"),
  filter: listFilter("SubsidyFilter", {
    description: "Filter of subsidies; every set field must match.",
    fields: {
      year: match.int("Only subsidies paid in this year.", (v) => dateInYear("date", v)),
      kind: match.enum(SubsidyKindEnum, "Only subsidies of this kind."),
      industryId: match.string("Only subsidies for this industry."),
      fundId: match.string("Only subsidies from this fund."),
      householdId: match.string("Only subsidies to this household."),
    },
  }),
});

const SubsidyInput = builder.inputType("SubsidyInput", {
  description: "A subsidy or award paid to a household; validated by the domain's subsidy schema.",
  fields: (t) => ({
    id: t.string({ description: "Ledger id; generated when absent." }),
    householdId: t.string({
      required: true,
      description: "Ledger id of the household (inside the caller's scope).",
    }),
    date: t.string({ required: true, description: "Date paid (YYYY-MM-DD)." }),
    kind: t.field({ type: SubsidyKindEnum, required: true, description: "Subsidy or award." }),
    amountFen: t.float({ required: true, description: "Amount in whole fen (more than zero)." }),
    industryId: t.string({ description: "Ledger id of the industry." }),
    fundId: t.string({ description: "Ledger id of the fund paid from." }),
    purpose: t.string({ description: "Purpose." }),
  }),
});

builder.mutationField(rechecksInItsWrite("recordSubsidy"), (t) =>
  t.field({
    type: SubsidyRef,
    description: "Records a subsidy or award to a household inside the caller's scope (audited).",
    authScopes: { ledgerWrite: true },
    args: { input: t.arg({ type: SubsidyInput, required: true, description: "The subsidy." }) },
    resolve: (_root, args, ctx) =>
      writeLedger(ctx, async (w) => {
        const subsidy = orFail(createSubsidy({ ...compact(args.input), id: args.input.id ?? randomUUID() }));
        await w.insertUnder(subsidyTable, subsidy, { table: householdTable, id: subsidy.householdId }, [
          { table: fundTable, id: subsidy.fundId, field: "input.fundId" },
          { table: industryTable, id: subsidy.industryId, field: "input.industryId" },
        ]);
        return subsidy;
      }),
  }),
);
