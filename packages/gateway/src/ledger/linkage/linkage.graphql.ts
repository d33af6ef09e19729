import { randomUUID } from "node:crypto";
import { createLinkage } from "@fupin/domain";
import { builder } from "../../graphql/builder.js";
import { defineConnection } from "../../graphql/connection.js";
import { optional, reference } from "../../graphql/fields.js";
import { addListQuery, listFilter, match } from "../../graphql/list-query.js";
import { sqlWhere } from "../../graphql/read/sql.js";
import {
  BusinessEntityRef,
  HouseholdRef,
  IndustryRef,
  LinkageRef,
  LinkageYearRef,
  recordList,
} from "../../graphql/refs.js";
import { LinkageModeEnum } from "../../graphql/schema/enums.js";
import { rechecksInItsWrite } from "../../graphql/write/one-statement.js";
import { compact, orFail, writeLedger } from "../../graphql/write/transaction.js";
import { businessEntityTable } from "../entities/business-entity.table.js";
import { householdTable } from "../households/household.table.js";
import { industryTable } from "../industries/industry.table.js";
import { linkageTable } from "./linkage.table.js";
import { linkageYearTable } from "./linkage-year.table.js";

LinkageRef.implement({
  description: "利益联结机制: a benefit linkage between a business entity and a household.",
  fields: (t) => ({
    recordId: t.exposeString("id", { description: "The linkage's ledger id." }),
    ...reference(t, "entityId", BusinessEntityRef, {
      record: "The entity, when registered inside the caller's scope.",
    }),
    ...reference(t, "householdId", HouseholdRef),
    mode: t.expose("mode", { type: LinkageModeEnum, description: "Mode of the linkage." }),
    ...reference(t, "industryId", IndustryRef, { nullable: true }),
    startYear: t.exposeInt("startYear", { description: "First year of the linkage." }),
    ...optional(t, "endYear", "Int", "Last year (null: still running)."),
    ...optional(
      t,
      "signedDate",
      "String",
      "The day the agreement was signed (签订, YYYY-MM-DD), where recorded.",
    ),
    ...optional(t, "endDate", "String", "The day the linkage ended (YYYY-MM-DD), where recorded."),
    years: recordList(
      t,
      LinkageYearRef,
      "Participation and benefits by year.",
      linkageYearTable,
      "linkageId",
    ),
  }),
});

addListQuery("linkages", {
  description: "Benefit linkages of the households inside a region, in id order.",
  spec: linkageTable,
  connection: defineConnection("Linkage", LinkageRef, (l) => l.id, "linkage"),
  filter: listFilter("LinkageFilter", {
    description: "Filter of linkages; every set field must match.",
    fields: {
      mode: match.enum(LinkageModeEnum, "Only linkages of this mode."),
      year: match.int("Only linkages running in this year.", (v) =>
        sqlWhere("start_year <= ? AND (end_year IS NULL OR end_year >= ?)", v, v),
      ),
      entityId: match.string("Only linkages of this entity."),
      householdId: match.string("Only linkages of this household."),
      industryId: match.string("Only linkages in this industry."),
    },
  }),
});

const LinkageInput = builder.inputType("LinkageInput", {
  description: "A benefit linkage to record; validated by the domain's linkage schema.",
  fields: (t) => ({
    id: t.string({ description: "Ledger id; generated when absent." }),
    entityId: t.string({ required: true, description: "Ledger id of the business entity (in the county)." }),
    householdId: t.string({
      required: true,
      description: "Ledger id of the household (inside the caller's scope).",
    }),
    mode: t.field({ type: LinkageModeEnum, required: true, description: "Mode of the linkage." }),
    industryId: t.string({ description: "Ledger id of the industry." }),
    startYear: t.int({ required: true, description: "First year." }),
    endYear: t.int({ description: "Last year (null: still running)." }),
    signedDate: t.string({
      description: "The day the agreement was signed (YYYY-MM-DD), in the start year.",
    }),
    endDate: t.string({ description: "The day it ended (YYYY-MM-DD), in the end year." }),
  }),
});

builder.mutationField(rechecksInItsWrite("recordLinkage"), (t) =>
  t.field({
    type: LinkageRef,
    description:
      "Records a benefit linkage between an entity and a household inside the caller's scope (audited).",
    authScopes: { ledgerWrite: true },
    args: { input: t.arg({ type: LinkageInput, required: true, description: "The linkage." }) },
    resolve: (_root, args, ctx) =>
      writeLedger(ctx, async (w) => {
        const linkage = orFail(createLinkage({ ...compact(args.input), id: args.input.id ?? randomUUID() }));
        await w.insertUnder(linkageTable, linkage, { table: householdTable, id: linkage.householdId }, [
          { table: businessEntityTable, id: linkage.entityId, field: "input.entityId" },
          { table: industryTable, id: linkage.industryId, field: "input.industryId" },
        ]);
        return linkage;
      }),
  }),
);
