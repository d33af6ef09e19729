import { randomUUID } from "node:crypto";
import { createHouseholdCredit } from "@fupin/domain";
import { builder } from "../../graphql/builder.js";
import { defineConnection } from "../../graphql/connection.js";
import { optional, reference } from "../../graphql/fields.js";
import { addListQuery, listFilter, match } from "../../graphql/list-query.js";
import { dateInYear } from "../../graphql/read/sql.js";
import {
  BusinessEntityRef,
  CreditReturnRef,
  FundRef,
  HouseholdCreditRef,
  HouseholdRef,
  IndustryRef,
  recordList,
} from "../../graphql/refs.js";
import { CreditKindEnum } from "../../graphql/schema/enums.js";
import { rechecksInItsWrite } from "../../graphql/write/one-statement.js";
import { compact, orFail, writeLedger } from "../../graphql/write/transaction.js";
import { businessEntityTable } from "../entities/business-entity.table.js";
import { fundTable } from "../funds/fund.table.js";
import { householdTable } from "../households/household.table.js";
import { industryTable } from "../industries/industry.table.js";
import { creditReturnTable } from "./credit-return.table.js";
import { householdCreditTable } from "./household-credit.table.js";

HouseholdCreditRef.implement({
  description:
    "扶贫小额信贷 or 到户资金: a household's microloan or household-level fund, and the entity it was placed with (户贷企用, 资金入股), if any.",
  fields: (t) => ({
    recordId: t.exposeString("id", { description: "The record's ledger id." }),
    ...reference(t, "householdId", HouseholdRef),
    kind: t.expose("kind", { type: CreditKindEnum, description: "Microloan or household fund." }),
    amountFen: t.exposeFloat("amountFen", { description: "The sum lent or placed, fen." }),
    ...reference(t, "entityId", BusinessEntityRef, {
      what: "entity it was placed with (null: the household used it itself)",
      record: "The entity, when registered inside the caller's scope.",
      nullable: true,
    }),
    ...reference(t, "industryId", IndustryRef, { nullable: true }),
    ...reference(t, "fundId", FundRef, {
      what: "fund it came from",
      record: "The fund, inside the caller's scope.",
      nullable: true,
    }),
    placedDate: t.exposeString("placedDate", { description: "The day it was lent or placed (YYYY-MM-DD)." }),
    ...optional(t, "dueDate", "String", "The day the principal is due back (YYYY-MM-DD), where set."),
    lender: t.exposeString("lender", { description: "The lender of a microloan (a bank), where recorded." }),
    returns: recordList(
      t,
      CreditReturnRef,
      "What came back (dividends, principal repaid), in id order.",
      creditReturnTable,
      "creditId",
    ),
  }),
});

addListQuery("householdCredits", {
  description: "Microcredit and household funds of the households inside a region, in id order.",
  spec: householdCreditTable,
  connection: defineConnection("HouseholdCredit", HouseholdCreditRef, (c) => c.id, "household credit"),
  filter: listFilter("HouseholdCreditFilter", {
    description: "Filter of household credit; every set field must match.",
    fields: {
      kind: match.enum(CreditKindEnum, "Only credit of this kind."),
      householdId: match.string("Only credit of this household."),
      entityId: match.string("Only credit placed with this entity."),
      placedIn: match.int("Only credit lent or placed in this year.", (v) => dateInYear("placed_date", v)),
    },
  }),
});

const HouseholdCreditInput = builder.inputType("HouseholdCreditInput", {
  description: "A household's microloan or household fund; validated by the domain's schema.",
  fields: (t) => ({
    id: t.string({ description: "Ledger id; generated when absent." }),
    householdId: t.string({
      required: true,
      description: "Ledger id of the household (inside the caller's scope).",
    }),
    kind: t.field({ type: CreditKindEnum, required: true, description: "Microloan or household fund." }),
    amountFen: t.float({ required: true, description: "The sum in whole fen (more than zero)." }),
    entityId: t.string({ description: "Ledger id of the entity it was placed with (in the county)." }),
    industryId: t.string({ description: "Ledger id of the industry." }),
    fundId: t.string({ description: "Ledger id of the fund it came from." }),
    placedDate: t.string({ required: true, description: "The day it was lent or placed (YYYY-MM-DD)." }),
    dueDate: t.string({ description: "The day the principal is due back (YYYY-MM-DD)." }),
    lender: t.string({ description: "The lender of a microloan." }),
  }),
});

builder.mutationField(rechecksInItsWrite("recordHouseholdCredit"), (t) =>
  t.field({
    type: HouseholdCreditRef,
    description:
      "Records a household's microloan or household fund, and where it was placed, inside the caller's scope (audited).",
    authScopes: { ledgerWrite: true },
    args: {
      input: t.arg({ type: HouseholdCreditInput, required: true, description: "The credit." }),
    },
    resolve: (_root, args, ctx) =>
      writeLedger(ctx, async (w) => {
        const credit = orFail(
          createHouseholdCredit({ ...compact(args.input), id: args.input.id ?? randomUUID() }),
        );
        await w.insertUnder(householdCreditTable, credit, { table: householdTable, id: credit.householdId }, [
          { table: businessEntityTable, id: credit.entityId, field: "input.entityId" },
          { table: industryTable, id: credit.industryId, field: "input.industryId" },
          { table: fundTable, id: credit.fundId, field: "input.fundId" },
        ]);
        return credit;
      }),
  }),
);
