import { builder } from "../builder.js";
import { defineConnection } from "../connection.js";
import { addListQuery } from "../list-query.js";
import { eq } from "../read/sql.js";
import { TABLES } from "../read/tables.js";
import { FundRef, FundUseRef, ProjectRef } from "../refs.js";
import { FundUseCategoryEnum } from "./enums.js";

FundUseRef.implement({
  description: "资金使用: a use of a fund, by category.",
  fields: (t) => ({
    recordId: t.exposeString("id", { description: "The record's ledger id." }),
    fundId: t.exposeString("fundId", { description: "Ledger id of the fund." }),
    fund: t.field({
      type: FundRef,
      nullable: true,
      description: "The fund, inside the caller's scope.",
      resolve: (u) => u.fundId,
    }),
    year: t.exposeInt("year", { description: "Year of the use." }),
    category: t.expose("category", { type: FundUseCategoryEnum, description: "Category of the use." }),
    amountFen: t.exposeFloat("amountFen", { description: "Amount, fen." }),
    projectId: t.exposeString("projectId", { nullable: true, description: "Ledger id of the project." }),
    project: t.field({
      type: ProjectRef,
      nullable: true,
      description: "The project.",
      resolve: (u) => u.projectId,
    }),
    description: t.exposeString("description", { description: "Description." }),
  }),
});

addListQuery("fundUses", {
  description: "Fund uses inside a region, in id order.",
  spec: TABLES.fundUse,
  connection: defineConnection("FundUse", FundUseRef, (u) => u.id, "fund use"),
  filter: builder.inputType("FundUseFilter", {
    description: "Filter of fund uses; every set field must match.",
    fields: (t) => ({
      year: t.int({ description: "Only uses of this year." }),
      category: t.field({ type: FundUseCategoryEnum, description: "Only uses of this category." }),
      fundId: t.string({ description: "Only uses of this fund." }),
      projectId: t.string({ description: "Only uses for this project." }),
    }),
  }),
  conditions: {
    year: (v) => eq("year", v),
    category: (v) => eq("category", v),
    fundId: (v) => eq("fund_id", v),
    projectId: (v) => eq("project_id", v),
  },
});
