import { builder } from "../builder.js";
import { defineConnection } from "../connection.js";
import { addListQuery } from "../list-query.js";
import { eq, loadGrouped, sqlWhere } from "../read/sql.js";
import { TABLES } from "../read/tables.js";
import { BusinessEntityRef, HouseholdRef, IndustryRef, LinkageRef, LinkageYearRef } from "../refs.js";
import { LinkageModeEnum } from "./enums.js";

LinkageRef.implement({
  description: "利益联结机制: a benefit linkage between a business entity and a household.",
  fields: (t) => ({
    recordId: t.exposeString("id", { description: "The linkage's ledger id." }),
    entityId: t.exposeString("entityId", { description: "Ledger id of the entity." }),
    entity: t.field({
      type: BusinessEntityRef,
      nullable: true,
      description: "The entity, when registered inside the caller's scope.",
      resolve: (l) => l.entityId,
    }),
    householdId: t.exposeString("householdId", { description: "Ledger id of the household." }),
    household: t.field({
      type: HouseholdRef,
      nullable: true,
      description: "The household.",
      resolve: (l) => l.householdId,
    }),
    mode: t.expose("mode", { type: LinkageModeEnum, description: "Mode of the linkage." }),
    industryId: t.exposeString("industryId", { nullable: true, description: "Ledger id of the industry." }),
    industry: t.field({
      type: IndustryRef,
      nullable: true,
      description: "The industry.",
      resolve: (l) => l.industryId,
    }),
    startYear: t.exposeInt("startYear", { description: "First year of the linkage." }),
    endYear: t.exposeInt("endYear", { nullable: true, description: "Last year (null: still running)." }),
    years: t.loadableList({
      type: LinkageYearRef,
      description: "Participation and benefits by year.",
      load: (ids: string[], ctx) => loadGrouped(ctx, TABLES.linkageYear, "linkageId", ids),
      resolve: (l) => l.id,
    }),
  }),
});

addListQuery("linkages", {
  description: "Benefit linkages of the households inside a region, in id order.",
  spec: TABLES.linkage,
  connection: defineConnection("Linkage", LinkageRef, (l) => l.id, "linkage"),
  filter: builder.inputType("LinkageFilter", {
    description: "Filter of linkages; every set field must match.",
    fields: (t) => ({
      mode: t.field({ type: LinkageModeEnum, description: "Only linkages of this mode." }),
      year: t.int({ description: "Only linkages running in this year." }),
      entityId: t.string({ description: "Only linkages of this entity." }),
      householdId: t.string({ description: "Only linkages of this household." }),
      industryId: t.string({ description: "Only linkages in this industry." }),
    }),
  }),
  conditions: {
    mode: (v) => eq("mode", v),
    year: (v) => sqlWhere("start_year <= ? AND (end_year IS NULL OR end_year >= ?)", v, v),
    entityId: (v) => eq("entity_id", v),
    householdId: (v) => eq("household_id", v),
    industryId: (v) => eq("industry_id", v),
  },
});
