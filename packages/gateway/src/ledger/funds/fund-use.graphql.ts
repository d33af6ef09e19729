import { randomUUID } from "node:crypto";
import { createFundUse } from "@fupin/domain";
import { builder } from "../../graphql/builder.js";
import { defineConnection } from "../../graphql/connection.js";
import { reference } from "../../graphql/fields.js";
import { addListQuery, listFilter, match } from "../../graphql/list-query.js";
import { FundRef, FundUseRef, ProjectRef } from "../../graphql/refs.js";
import { FundUseCategoryEnum } from "../../graphql/schema/enums.js";
import { rechecksInItsWrite } from "../../graphql/write/one-statement.js";
import { compact, orFail, writeLedger } from "../../graphql/write/transaction.js";
import { projectTable } from "../projects/project.table.js";
import { fundTable } from "./fund.table.js";
import { fundUseTable } from "./fund-use.table.js";

FundUseRef.implement({
  description: "资金使用: a use of a fund, by category.",
  fields: (t) => ({
    recordId: t.exposeString("id", { description: "The record's ledger id." }),
    ...reference(t, "fundId", FundRef, { inScope: true }),
    year: t.exposeInt("year", { description: "Year of the use." }),
    category: t.expose("category", { type: FundUseCategoryEnum, description: "Category of the use." }),
    amountFen: t.exposeFloat("amountFen", { description: "Amount, fen." }),
    ...reference(t, "projectId", ProjectRef, { nullable: true }),
    description: t.exposeString("description", { description: "Description." }),
  }),
});

addListQuery("fundUses", {
  description: "Fund uses inside a region, in id order.",
  spec: fundUseTable,
  connection: defineConnection("FundUse", FundUseRef, (u) => u.id, "fund use"),
  filter: listFilter("FundUseFilter", {
    description: "Filter of fund uses; every set field must match.",
    fields: {
      year: match.int("Only uses of this year."),
      category: match.enum(FundUseCategoryEnum, "Only uses of this category."),
      fundId: match.string("Only uses of this fund."),
      projectId: match.string("Only uses for this project."),
    },
  }),
});

const FundUseInput = builder.inputType("FundUseInput", {
  description: "A use of a fund; validated by the domain's fund use schema.",
  fields: (t) => ({
    id: t.string({ description: "Ledger id; generated when absent." }),
    fundId: t.string({ required: true, description: "Ledger id of the fund (inside the caller's scope)." }),
    year: t.int({ required: true, description: "Year of the use." }),
    category: t.field({ type: FundUseCategoryEnum, required: true, description: "Category of the use." }),
    amountFen: t.float({ required: true, description: "Amount in whole fen (more than zero)." }),
    projectId: t.string({ description: "Ledger id of the project (inside the caller's scope)." }),
    description: t.string({ description: "Description." }),
  }),
});

builder.mutationField(rechecksInItsWrite("recordFundUse"), (t) =>
  t.field({
    type: FundUseRef,
    description:
      "Records a use of a fund inside the caller's scope, beyond the allocation too: the finding FUNDS.OVERSPENT judges that (audited).",
    authScopes: { ledgerWrite: true },
    args: { input: t.arg({ type: FundUseInput, required: true, description: "The use." }) },
    resolve: (_root, args, ctx) =>
      writeLedger(ctx, async (w) => {
        const use = orFail(createFundUse({ ...compact(args.input), id: args.input.id ?? randomUUID() }));
        const fund = await w.lock(fundTable, use.fundId);
        if (use.projectId !== null) await w.lock(projectTable, use.projectId);
        // A use is filed under its fund, as the seeded ledger does; the project only has to be in scope.
        await w.insert(fundUseTable, use, fund.regionCode);
        return use;
      }),
  }),
);
